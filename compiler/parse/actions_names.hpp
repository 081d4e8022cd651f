// The action<> template and the actions for string literals and names; only parse.cpp includes it.
#pragma once

#include <string_view>

#include "compiler/parse/state.hpp"

namespace reps {
// An unnamed namespace in a header on purpose: only compiler/parse/parse.cpp includes this file, so
// everything here stays internal to that one translation unit, as it was when it lived there.
namespace {

// ---- Actions --------------------------------------------------------------------------------

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

// Strings.
template <typename Input>
ast::Text text_of(const Input& in, const ParseState& state) {
    const std::string_view quoted = in.string_view();
    const std::string_view inside = quoted.substr(1, quoted.size() - 2);
    // Most strings have no escape: the AST views the source itself.
    const std::string_view value = inside.find('\\') == std::string_view::npos ? inside : state.sources->keep(unescape(quoted));
    return ast::Text{value, span_of(in, state)};
}

template <>
struct action<g::title> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.title = text_of(in, state); }
};
template <>
struct action<g::exercise_title> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.exercise.title = text_of(in, state); }
};
template <>
struct action<g::cue> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        auto& modifiers = current_modifiers(state);
        mark_repeated(modifiers.cue.has_value(), span_of(in, state), modifiers);
        modifiers.cue = text_of(in, state);
    }
};
template <>
struct action<g::note_text> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.body().push_back(ast::Statement{ast::NoteStatement{text_of(in, state), span_of(in, state)}});
    }
};
template <>
struct action<g::import_path> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.out->declarations.emplace_back(ast::ImportDecl{text_of(in, state), span_of(in, state)});
    }
};
template <>
struct action<g::timezone_name> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        if (state.program.timezone) state.program.repeated_fields.push_back(ast::Name{"timezone", span_of(in, state)});
        state.program.timezone = text_of(in, state);
    }
};
template <>
struct action<g::run_title> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.session.run_title = text_of(in, state); }
};

// Names.
template <typename Input>
ast::Name name_of(const Input& in, const ParseState& state) {
    return ast::Name{in.string_view(), span_of(in, state)};
}

template <const char* Kind>
struct declaration_name_action {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.name = name_of(in, state);
        state.title.reset();
        state.context_name = state.name.text;
        state.context = {Kind, state.name.text};
    }
};
inline constexpr char region_kind[] = "region";
inline constexpr char muscle_kind[] = "muscle";
inline constexpr char equipment_kind[] = "equipment";
inline constexpr char exercise_kind[] = "exercise";
inline constexpr char profile_kind[] = "profile";
inline constexpr char workout_kind[] = "workout";
inline constexpr char program_kind[] = "program";

template <> struct action<g::region_name> : declaration_name_action<region_kind> {};
template <> struct action<g::muscle_name> : declaration_name_action<muscle_kind> {};
template <>
struct action<g::equipment_name> : declaration_name_action<equipment_kind> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        declaration_name_action<equipment_kind>::apply(in, state);
        state.loadable = state.pair = false;
    }
};
template <>
struct action<g::exercise_name> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        declaration_name_action<exercise_kind>::apply(in, state);
        state.exercise = ast::ExerciseDecl{};
        state.exercise.name = state.name;
    }
};
template <>
struct action<g::profile_name> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        declaration_name_action<profile_kind>::apply(in, state);
        state.profile = ast::ProfileDecl{};
        state.profile.name = state.name;
    }
};
template <>
struct action<g::workout_name> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        declaration_name_action<workout_kind>::apply(in, state);
        state.workout_context = state.context;
        state.workout = ast::WorkoutDecl{};
        state.workout_statements = 0;
        state.workout_timed_statements = 0;
        // Statements are large; growing the list one by one moved each of them several times.
        state.workout.body.reserve(16);
        state.workout.name = state.name;
        state.in_phase = false;
    }
};
template <>
struct action<g::program_name> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        declaration_name_action<program_kind>::apply(in, state);
        state.program = ast::ProgramDecl{};
        state.program.name = state.name;
    }
};

}  // namespace
}  // namespace reps
