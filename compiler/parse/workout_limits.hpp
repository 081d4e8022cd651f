// The limits on one workout's size, counted as it parses: a workout of more than a timeline holds
// (E0005) is refused as soon as it has that many, rather than parsed to the end (a 64 MiB line of
// `plank 30s;`, or of one tabata's names, would otherwise take gigabytes of AST); and a workout of
// more statements of any kind (notes, `or` alternatives) than max_workout_statements, as too large
// (E0003). The parse resumes at the next declaration. Only parse.cpp includes it.
#pragma once

#include <variant>

#include <fmt/format.h>
#include <tao/pegtl.hpp>

#include "compiler/parse/state.hpp"

namespace reps {
// An unnamed namespace in a header on purpose: only compiler/parse/parse.cpp includes this file.
namespace {

// A block's entries (a tabata's names too) are counted one by one as they parse, not the block.
inline bool takes_time(const ast::LongList<ast::Statement>& body) {
    if (body.empty()) return false;
    const auto& node = body.back().node;
    return std::holds_alternative<ast::Prescription>(node) || std::holds_alternative<ast::RestStatement>(node);
}

// A workout over the statement limits: reported, and the parse resumes at the next declaration.
// Out of line: its formatting weighed on the count of every statement.
template <typename Input>
[[noreturn, gnu::cold, gnu::noinline]] void refuse_long_workout(const Input& in, ParseState& state) {
    const std::string_view name = state.workout.name.text;
    if (state.workout_statements > max_workout_statements) {
        state.diagnostics->report(Code::E0003, state.workout.name.span,
                                  fmt::format("workout '{}' has more than {} statements and `or` alternatives", name, max_workout_statements),
                                  "split it into several workouts");
    } else {
        state.diagnostics->report(Code::E0005, state.workout.name.span,
                                  fmt::format("workout '{}' has more than {} exercises, rests and entries: it lowers to more than "
                                              "the {} segments a timeline may hold",
                                              name, max_timeline_segments_parsed, max_timeline_segments_parsed),
                                  "split it into several workouts");
    }
    state.out->refused_workouts.push_back(state.workout.name.span);
    state.unrecoverable = true;
    state.follows_earlier_error = true;  // reported here, not again as a syntax error
    throw limit_error("too many statements", in);
}

template <typename Input>
void count_workout_statement(const Input& in, ParseState& state, bool takes_time) {
    ++state.workout_statements;
    if (takes_time) ++state.workout_timed_statements;
    if (state.workout_timed_statements <= max_timeline_segments_parsed && state.workout_statements <= max_workout_statements) return;
    refuse_long_workout(in, state);
}

}  // namespace
}  // namespace reps
