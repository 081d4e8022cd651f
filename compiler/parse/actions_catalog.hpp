// Actions for catalog declarations: regions, muscles, equipment, exercises, profiles; only parse.cpp includes it.
#pragma once

#include <string_view>
#include <utility>
#include <variant>

#include <fmt/format.h>

#include "compiler/parse/actions_names.hpp"

namespace reps {
// An unnamed namespace in a header on purpose: only compiler/parse/parse.cpp includes this file, so
// everything here stays internal to that one translation unit, as it was when it lived there.
namespace {

// Catalog declarations.
template <>
struct action<g::region_decl> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.out->declarations.emplace_back(ast::RegionDecl{state.name, state.title, span_of(in, state)});
    }
};
template <>
struct action<g::region_ref> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.out->declarations.emplace_back(
            ast::MuscleDecl{state.name, state.title, name_of(in, state), SourceSpan{}});
    }
};
template <>
struct action<g::muscle_decl> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        std::get<ast::MuscleDecl>(state.out->declarations.back()).span = span_of(in, state);
    }
};
template <>
struct action<g::equipment_loadable> {
    static void apply0(ParseState& state) { state.loadable = true; }
};
template <>
struct action<g::equipment_pair> {
    static void apply0(ParseState& state) { state.pair = true; }
};
template <>
struct action<g::equipment_decl> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.out->declarations.emplace_back(
            ast::EquipmentDecl{state.name, state.title, state.loadable, state.pair, span_of(in, state)});
    }
};

template <typename Input>
void see_field(const Input& in, ParseState& state) {
    state.exercise.fields_seen.push_back(ast::Name{trimmed_word(in.string_view()), span_of(in, state)});
}
template <>
struct action<g::alias_name> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.exercise.aka.push_back(name_of(in, state)); }
};
template <>
struct action<g::pattern_name> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.exercise.pattern = name_of(in, state); }
};
template <>
struct action<g::muscle_ref> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.exercise.primary.push_back(name_of(in, state)); }
};
template <>
struct action<g::secondary_muscle> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.exercise.secondary.push_back(name_of(in, state)); }
};
template <>
struct action<g::easier_ref> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.exercise.easier.push_back(name_of(in, state)); }
};
template <>
struct action<g::harder_ref> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.exercise.harder.push_back(name_of(in, state)); }
};
template <>
struct action<g::fit_category> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.exercise.fit_category = name_of(in, state); }
};
template <>
struct action<g::fit_name> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.exercise.fit_name = name_of(in, state); }
};
template <>
struct action<g::sides_value> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.exercise.sides = in.string_view() == "each" ? ast::Sides::each : ast::Sides::both;
    }
};
template <>
struct action<g::measure_value> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto text = in.string_view();
        const bool has_or = text.find(" or") != std::string_view::npos || text.find("\tor") != std::string_view::npos;
        state.exercise.measure = has_or ? ast::Measure::reps_or_time
                                        : (text == "time" ? ast::Measure::time : ast::Measure::reps);
    }
};
template <>
struct action<g::rep_duration> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto span = span_of(in, state);
        state.exercise.rep = ast::Duration{parse_duration_text(in.string_view(), span, state), span};
    }
};
template <>
struct action<g::equipment_field> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        see_field(in, state);
        state.exercise.equipment = std::move(state.equipment_stack.back());
        state.equipment_stack.clear();
    }
};
// Every field records its keyword, so the checker can report a field given twice.
template <> struct action<g::aka_field> { template <typename I> static void apply(const I& in, ParseState& s) { see_field(in, s); } };
template <> struct action<g::pattern_field> : action<g::aka_field> {};
template <> struct action<g::primary_field> : action<g::aka_field> {};
template <> struct action<g::secondary_field> : action<g::aka_field> {};
template <> struct action<g::sides_field> : action<g::aka_field> {};
template <> struct action<g::measure_field> : action<g::aka_field> {};
template <> struct action<g::rep_field> : action<g::aka_field> {};
template <> struct action<g::easier_field> : action<g::aka_field> {};
template <> struct action<g::harder_field> : action<g::aka_field> {};
template <> struct action<g::fit_field> : action<g::aka_field> {};
template <>
struct action<g::exercise_decl> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.exercise.span = span_of(in, state);
        state.out->declarations.emplace_back(std::move(state.exercise));
        state.exercise = ast::ExerciseDecl{};
    }
};

// Equipment expressions reduce on a stack as their rules succeed (post-order).
template <>
struct action<g::equipment_ref> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        ast::EquipmentExpr expr;
        expr.kind = ast::EquipmentExpr::Kind::name;
        expr.name = name_of(in, state);
        expr.span = expr.name.span;
        state.equipment_stack.push_back(std::move(expr));
    }
};
template <>
struct action<g::equipment_none> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        ast::EquipmentExpr expr;
        expr.kind = ast::EquipmentExpr::Kind::none;
        expr.span = span_of(in, state);
        state.equipment_stack.push_back(std::move(expr));
    }
};
void combine_equipment(ParseState& state, ast::EquipmentExpr::Kind kind) {
    auto right = std::move(state.equipment_stack.back());
    state.equipment_stack.pop_back();
    auto& left = state.equipment_stack.back();
    if (left.kind != kind) {
        ast::EquipmentExpr combined;
        combined.kind = kind;
        combined.span = left.span;
        combined.operands.push_back(std::move(left));
        left = std::move(combined);
    }
    left.span = join(left.span, right.span);
    left.operands.push_back(std::move(right));
}
template <>
struct action<g::equipment_and> {
    static void apply0(ParseState& state) { combine_equipment(state, ast::EquipmentExpr::Kind::all_of); }
};
template <>
struct action<g::equipment_or> {
    static void apply0(ParseState& state) { combine_equipment(state, ast::EquipmentExpr::Kind::any_of); }
};
template <>
struct action<g::open_paren> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        if (++state.paren_depth > max_paren_depth) {
            throw limit_error(fmt::format("equipment expression nested more than {} parentheses deep", max_paren_depth), in);
        }
    }
};
template <>
struct action<g::equipment_group> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.equipment_stack.back().span = span_of(in, state); }
};
template <>
struct action<g::close_paren> {
    static void apply0(ParseState& state) { --state.paren_depth; }
};

template <>
struct action<g::profile_equipment> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.profile.equipment.push_back(name_of(in, state)); }
};
template <>
struct action<g::profile_decl> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.profile.title = state.title;
        state.profile.span = span_of(in, state);
        state.out->declarations.emplace_back(std::move(state.profile));
    }
};

}  // namespace
}  // namespace reps
