// Actions for programs and their sessions; only parse.cpp includes it.
#pragma once

#include <charconv>
#include <utility>

#include "compiler/parse/actions_names.hpp"

namespace reps {
// An unnamed namespace in a header on purpose: only compiler/parse/parse.cpp includes this file, so
// everything here stays internal to that one translation unit, as it was when it lived there.
namespace {

// Programs.
// A field written a second time is a mistake (a coach who edits `weeks 6` to `weeks 8` on a new
// line and leaves the old one), reported by the checker, as a field twice in an exercise is.
template <typename Input>
void note_repeated_field(std::string_view keyword, const Input& in, ParseState& state) {
    state.program.repeated_fields.push_back(ast::Name{keyword, span_of(in, state)});
}

template <>
struct action<g::date> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto text = in.string_view();
        auto number = [&](std::size_t at, std::size_t length) {
            int value = 0;
            std::from_chars(text.data() + at, text.data() + at + length, value);
            return value;
        };
        if (state.program.start) note_repeated_field("start", in, state);
        state.program.start = ast::CivilDate{number(0, 4), number(5, 2), number(8, 2), span_of(in, state)};
    }
};
template <>
struct action<g::week_count> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        if (state.program.weeks) note_repeated_field("weeks", in, state);
        state.program.weeks_span = span_of(in, state);
        state.program.weeks = parse_integer(in.string_view(), state.program.weeks_span, state);
    }
};
template <>
struct action<g::weekday> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.session = ast::SessionDecl{};
        state.session.weekday = name_of(in, state);
    }
};
template <>
struct action<g::time_of_day> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto text = in.string_view();
        const auto colon = text.find(':');
        int hour = 0, minute = 0;
        std::from_chars(text.data(), text.data() + colon, hour);
        std::from_chars(text.data() + colon + 1, text.data() + text.size(), minute);
        state.session.time = ast::TimeOfDay{hour, minute, span_of(in, state)};
    }
};
template <>
struct action<g::session_workout> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.session.workout = name_of(in, state); }
};
template <>
struct action<g::run_intensity> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.session.run_intensity = name_of(in, state); }
};
template <>
struct action<g::session_item> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.session.span = span_of(in, state);
        state.program.sessions.push_back(std::move(state.session));
    }
};
template <>
struct action<g::program_decl> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.program.title = state.title;
        state.program.span = span_of(in, state);
        state.out->declarations.emplace_back(std::move(state.program));
        state.program = ast::ProgramDecl{};
    }
};

}  // namespace
}  // namespace reps
