// A program's calendar (SPEC 7): its start date, its weeks and its time zone, checked on their own;
// the sessions, which name workouts, are checked with the workouts (check.cpp).
#pragma once

#include "compiler/check/checked.hpp"
#include "compiler/diagnostics/diagnostics.hpp"
#include "compiler/parse/ast.hpp"

namespace reps {

// Sets program.start_*, program.weeks and program.timezone from `decl`, reporting what is wrong:
// no start (E0403), a date not on the calendar or before 1970 (E0404), weeks out of 1-520 (E0408),
// a last day past 9999-12-31 (E0409), an unknown zone (E0407).
void check_calendar(const ast::ProgramDecl& decl, checked::Program& program, Diagnostics& diagnostics);

}  // namespace reps
