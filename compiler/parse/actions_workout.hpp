// Actions for prescriptions, entries, statements, blocks and workouts; only parse.cpp includes it.
#pragma once

#include <utility>
#include <variant>

#include "compiler/parse/actions_names.hpp"
#include "compiler/parse/workout_limits.hpp"

namespace reps {
// An unnamed namespace in a header on purpose: only compiler/parse/parse.cpp includes this file, so
// everything here stays internal to that one translation unit, as it was when it lived there.
namespace {

// Prescriptions and entries.
template <typename Input>
void start_prescription(const Input& in, ParseState& state, ast::Prescription& prescription) {
    state.prescription = &prescription;
    // Field by field into the node: a Name made on the stack and copied in was read back before
    // its pieces had reached memory (a store-forwarding stall).
    prescription.exercise.text = in.string_view();
    prescription.exercise.span = span_of(in, state);
    state.context_name = prescription.exercise.text;
}
template <>
struct action<g::prescription_exercise> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        start_prescription(in, state, std::get<ast::Prescription>(state.body().emplace_back().node));
    }
};
template <>
struct action<g::entry_exercise> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        start_prescription(in, state, (state.in_timed ? state.timed.entries : state.group.entries).emplace_back());
    }
};
template <>
struct action<g::interval_exercise> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        start_prescription(in, state, state.intervals.entries.emplace_back());
    }
};
struct end_prescription_action {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.prescription->span = span_of(in, state); }
};
template <> struct action<g::prescription> : end_prescription_action {};
template <> struct action<g::entry> : end_prescription_action {};
template <> struct action<g::interval_entry> : end_prescription_action {};
template <>
struct action<g::tabata_exercise> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        ast::Prescription entry;
        entry.exercise = name_of(in, state);
        entry.span = entry.exercise.span;
        state.intervals.entries.push_back(std::move(entry));
        count_workout_statement(in, state, true);  // an entry, as a block's are
    }
};

// Statements.
template <>
struct action<g::rest_statement> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.body().push_back(ast::Statement{ast::RestStatement{state.duration, span_of(in, state)}});
    }
};
// `defaults rest 30s rest 40s`: kept for the checker's E0206, as a modifier given twice is.
void set_default(std::optional<ast::Duration>& slot, std::string_view name, ParseState& state) {
    if (slot) state.defaults.repeated.push_back(ast::Name{name, state.duration.span});
    slot = state.duration;
}
template <>
struct action<g::defaults_rest> {
    static void apply0(ParseState& state) { set_default(state.defaults.rest, "rest", state); }
};
template <>
struct action<g::defaults_transition> {
    static void apply0(ParseState& state) { set_default(state.defaults.transition, "transition", state); }
};
template <>
struct action<g::defaults_switch> {
    static void apply0(ParseState& state) { set_default(state.defaults.switch_, "switch", state); }
};
template <>
struct action<g::defaults_statement> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.defaults.span = span_of(in, state);
        state.body().push_back(ast::Statement{std::move(state.defaults)});
        state.defaults = ast::DefaultsStatement{};
    }
};
template <>
struct action<g::focus_full_body> {
    static void apply0(ParseState& state) { state.focus.full_body = true; }
};
template <>
struct action<g::focus_region> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.focus.regions.push_back(name_of(in, state)); }
};
template <>
struct action<g::focus_statement> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.focus.span = span_of(in, state);
        state.body().push_back(ast::Statement{std::move(state.focus)});
        state.focus = ast::FocusStatement{};
    }
};
template <>
struct action<g::phase_kind> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.phase = ast::PhaseBlock{};
        state.phase.body.reserve(8);
        state.phase.kind = in.string_view() == "warmup" ? ast::PhaseKind::warmup : ast::PhaseKind::cooldown;
        state.in_phase = true;
        state.context = {state.phase.kind == ast::PhaseKind::warmup ? "the warmup" : "the cooldown", {}};
    }
};
template <>
struct action<g::phase_block> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.phase.span = span_of(in, state);
        state.in_phase = false;
        state.workout.body.push_back(ast::Statement{std::move(state.phase)});
        state.context = state.workout_context;
    }
};
template <>
struct action<g::round_count> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.rounds_span = span_of(in, state);
        state.rounds = parse_integer(in.string_view(), state.rounds_span, state);
    }
};
template <>
struct action<g::group_kind> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.group = ast::GroupBlock{};
        state.group.entries.reserve(4);
        state.group.kind = in.string_view() == "superset" ? ast::GroupKind::superset : ast::GroupKind::circuit;
        state.in_timed = false;
        state.context = {state.group.kind == ast::GroupKind::superset ? "the superset" : "the circuit", {}};
    }
};
template <>
struct action<g::group_block> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.group.rounds = state.rounds;
        state.group.rounds_span = state.rounds_span;
        state.group.span = span_of(in, state);
        state.body().push_back(ast::Statement{std::move(state.group)});
        state.context = state.workout_context;
    }
};
template <>
struct action<g::kw_intervals> {
    static void apply0(ParseState& state) {
        state.intervals = ast::IntervalsBlock{};
        state.intervals.entries.reserve(4);
        state.context = {"the intervals block", {}};
    }
};
template <> struct action<g::kw_tabata> : action<g::kw_intervals> {};
template <>
struct action<g::intervals_block> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.intervals.rounds = state.rounds;
        state.intervals.rounds_span = state.rounds_span;
        state.intervals.span = span_of(in, state);
        state.body().push_back(ast::Statement{std::move(state.intervals)});
        state.context = state.workout_context;
    }
};
template <>
struct action<g::tabata_block> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto span = span_of(in, state);
        state.intervals.tabata = true;
        state.intervals.rounds = 8;
        state.intervals.rounds_span = span;
        state.intervals.work = ast::Duration{20, span};
        state.intervals.rest = ast::Duration{10, span};
        state.intervals.span = span;
        state.body().push_back(ast::Statement{std::move(state.intervals)});
        state.context = state.workout_context;
    }
};
template <>
struct action<g::timed_kind> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.timed = ast::TimedBlock{};
        state.timed.entries.reserve(4);
        state.timed.kind = in.string_view() == "emom" ? ast::TimedKind::emom : ast::TimedKind::amrap;
        state.in_timed = true;
        state.context = {state.timed.kind == ast::TimedKind::emom ? "the emom" : "the amrap", {}};
    }
};
template <>
struct action<g::timed_block> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.timed.span = span_of(in, state);
        state.in_timed = false;
        state.body().push_back(ast::Statement{std::move(state.timed)});
        state.context = state.workout_context;
    }
};
template <>
struct action<g::workout_decl> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.workout.title = state.title;
        state.workout.span = span_of(in, state);
        state.out->declarations.emplace_back(std::move(state.workout));
        state.workout = ast::WorkoutDecl{};
    }
};

}  // namespace
}  // namespace reps
