// Actions for durations, amounts, doses, loads and modifiers; only parse.cpp includes it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "compiler/parse/actions_names.hpp"
#include "compiler/parse/workout_limits.hpp"

namespace reps {
// An unnamed namespace in a header on purpose: only compiler/parse/parse.cpp includes this file, so
// everything here stays internal to that one translation unit, as it was when it lived there.
namespace {

// Durations in their contexts.
template <typename Input>
ast::Duration duration_of(const Input& in, ParseState& state) {
    const auto span = span_of(in, state);
    return ast::Duration{parse_duration_text(in.string_view(), span, state), span};
}
template <>
struct action<g::rest_duration> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.duration = duration_of(in, state); }
};
template <> struct action<g::hold_duration> : action<g::rest_duration> {};
template <> struct action<g::transition_duration> : action<g::rest_duration> {};
template <> struct action<g::switch_duration> : action<g::rest_duration> {};
template <>
struct action<g::group_rest_duration> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.group.rest = duration_of(in, state); }
};
template <>
struct action<g::work_duration> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.intervals.work = duration_of(in, state); }
};
template <>
struct action<g::off_duration> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.intervals.rest = duration_of(in, state); }
};
template <>
struct action<g::block_duration> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.timed.duration = duration_of(in, state); }
};
template <>
struct action<g::run_duration> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) { state.session.run_duration = duration_of(in, state); }
};

// Amounts and doses.
template <>
struct action<g::amount_duration> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto duration = duration_of(in, state);
        state.amount = ast::Amount{ast::Amount::Kind::duration, duration.seconds, duration.seconds, duration.span};
    }
};
template <>
struct action<g::amount_range> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto span = span_of(in, state);
        const auto text = in.string_view();
        const auto dash = text.find('-');
        state.amount = ast::Amount{ast::Amount::Kind::range, parse_integer(text.substr(0, dash), span, state),
                                   parse_integer(text.substr(dash + 1), span, state), span};
    }
};
template <>
struct action<g::amount_at_least> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto span = span_of(in, state);
        const auto value = parse_integer(in.string_view().substr(0, in.size() - 1), span, state);
        state.amount = ast::Amount{ast::Amount::Kind::at_least, value, value, span};
    }
};
template <>
struct action<g::amount_reps> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto span = span_of(in, state);
        const auto value = parse_integer(in.string_view(), span, state);
        state.amount = ast::Amount{ast::Amount::Kind::reps, value, value, span};
    }
};
template <>
struct action<g::sets_prefix> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        auto span = span_of(in, state);
        span.length -= 1;  // without the 'x'
        state.pending_sets = parse_integer(in.string_view().substr(0, in.size() - 1), span, state);
        state.pending_sets_span = span;
    }
};
struct dose_part_action {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.dose_parts.push_back(
            ast::DosePart{state.pending_sets, state.pending_sets_span, state.amount, span_of(in, state)});
        state.pending_sets.reset();
    }
};
template <> struct action<g::dose_part> : dose_part_action {};
template <> struct action<g::progression_target> : dose_part_action {};
template <>
struct action<g::step_value> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto span = span_of(in, state);
        const auto text = in.string_view();
        if (text.back() >= '0' && text.back() <= '9') {
            const auto value = parse_integer(text, span, state);
            state.step = ast::Amount{ast::Amount::Kind::reps, value, value, span};
        } else {
            const auto seconds = parse_duration_text(text, span, state);
            state.step = ast::Amount{ast::Amount::Kind::duration, seconds, seconds, span};
        }
    }
};
template <>
struct action<g::prescription_dose> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        // Built where it stays: a dose assembled on the stack and then moved was read back before its
        // pieces had reached memory (a store-forwarding stall, a tenth of matching a prescription).
        ast::Dose& dose = state.prescription->dose.emplace();
        dose.from = state.dose_parts.at(0);
        if (state.dose_parts.size() > 1) dose.to = state.dose_parts[1];
        dose.step = state.step;
        dose.span = span_of(in, state);
        state.dose_parts.clear();
        state.step.reset();
    }
};
template <>
struct action<g::entry_amount> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        ast::Dose& dose = state.prescription->dose.emplace();  // in place, as above
        dose.from.amount = state.amount;
        dose.from.span = span_of(in, state);
        dose.span = dose.from.span;
    }
};

// Loads.
template <typename Input>
void set_load(const Input& in, ParseState& state, ast::Load::Kind kind, double value, std::string_view unit) {
    state.load = ast::Load{kind, in.string_view(), value, unit, span_of(in, state)};
}
std::string_view mass_unit_of(std::string_view text) { return text.substr(text.size() - 2); }
template <typename Input>
double mass_value_of(std::string_view text, const Input& in, ParseState& state) {
    return parse_decimal(text.substr(0, text.size() - 2), span_of(in, state), state);
}

template <>
struct action<g::load_bodyweight> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto text = in.string_view();
        if (text.size() > 2) {
            const auto extra = text.substr(3);
            set_load(in, state, ast::Load::Kind::bodyweight_plus, mass_value_of(extra, in, state), mass_unit_of(extra));
        } else {
            set_load(in, state, ast::Load::Kind::bodyweight, 0, "");
        }
    }
};
template <>
struct action<g::load_pair> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto text = in.string_view();
        const auto mass = text.substr(text.find('x') + 1);
        set_load(in, state, ast::Load::Kind::pair, mass_value_of(mass, in, state), mass_unit_of(mass));
        const std::int64_t count = parse_integer(text.substr(0, text.find('x')), span_of(in, state), state);
        state.load.pair_count = static_cast<std::int32_t>(std::min<std::int64_t>(count, 1000));  // 2 is a pair; any other is E0309
    }
};
template <>
struct action<g::load_mass> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto text = in.string_view();
        set_load(in, state, ast::Load::Kind::mass, mass_value_of(text, in, state), mass_unit_of(text));
    }
};
template <>
struct action<g::load_percent> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        const auto text = in.string_view();
        set_load(in, state, ast::Load::Kind::percent_1rm, parse_decimal(text.substr(0, text.size() - 1), span_of(in, state), state), "");
    }
};
// "rpe 8" with one space, as the load's text: the source itself when it was written so (the
// input begins at the source's start, so looking back stays inside it).
template <typename Input>
std::string_view effort_text(std::string_view keyword, const Input& in, const ParseState& state) {
    const std::string_view value = in.string_view();
    const char* begin = in.begin();
    const std::string_view source = state.sources->file(state.file_id).text;
    if (static_cast<std::size_t>(begin - source.data()) >= keyword.size() &&
        std::string_view(begin - keyword.size(), keyword.size()) == keyword) {
        return std::string_view(begin - keyword.size(), keyword.size() + value.size());
    }
    return state.sources->keep(std::string(keyword) + std::string(value));
}

template <>
struct action<g::rpe_value> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.load = ast::Load{ast::Load::Kind::rpe, effort_text("rpe ", in, state),
                               parse_decimal(in.string_view(), span_of(in, state), state), "",
                               span_of(in, state)};
    }
};
template <>
struct action<g::rir_value> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.load = ast::Load{ast::Load::Kind::rir, effort_text("rir ", in, state),
                               parse_decimal(in.string_view(), span_of(in, state), state), "",
                               span_of(in, state)};
    }
};
template <>
struct action<g::load> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        auto& modifiers = current_modifiers(state);
        mark_repeated(modifiers.load.has_value(), span_of(in, state), modifiers);
        state.load.span = span_of(in, state);
        modifiers.load = state.load;
    }
};

// Modifiers.
template <>
struct action<g::modifier_each> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        auto& modifiers = current_modifiers(state);
        mark_repeated(modifiers.each.set, span_of(in, state), modifiers);
        modifiers.each = ast::Flag{true, span_of(in, state)};
    }
};
template <>
struct action<g::modifier_alt> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        auto& modifiers = current_modifiers(state);
        mark_repeated(modifiers.alt.set, span_of(in, state), modifiers);
        modifiers.alt = ast::Flag{true, span_of(in, state)};
    }
};
template <>
struct action<g::modifier_rest> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        auto& modifiers = current_modifiers(state);
        mark_repeated(modifiers.rest.has_value(), span_of(in, state), modifiers);
        modifiers.rest = state.duration;
    }
};
template <>
struct action<g::modifier_hold> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        auto& modifiers = current_modifiers(state);
        mark_repeated(modifiers.hold.has_value(), span_of(in, state), modifiers);
        modifiers.hold = state.duration;
    }
};
template <>
struct action<g::tempo_value> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        auto& modifiers = current_modifiers(state);
        const auto span = span_of(in, state);
        mark_repeated(modifiers.tempo.has_value(), span, modifiers);
        ast::Tempo tempo;
        tempo.text = in.string_view();
        tempo.span = span;
        std::string_view rest = in.string_view();
        for (auto& phase : tempo.phases) {
            const auto dash = rest.find('-');
            const auto part = rest.substr(0, dash);
            phase = part == "x" ? 1 : parse_integer(part, span, state);
            rest = dash == std::string_view::npos ? std::string_view{} : rest.substr(dash + 1);
        }
        modifiers.tempo = tempo;
    }
};
template <>
struct action<g::alternative_ref> {
    template <typename Input>
    static void apply(const Input& in, ParseState& state) {
        state.prescription->modifiers.edit().alternatives.push_back(ast::Alternative{name_of(in, state), {}});
        count_workout_statement(in, state, false);  // not done as well as its exercise: takes no time of its own
    }
};

}  // namespace
}  // namespace reps
