// The JSON form of a timeline and of a program (SPEC §6.1): `reps build --to json`.
#pragma once

#include <string>

#include "runtime/timeline.hpp"

namespace reps {

// A "reps-timeline/1" object, pretty-printed with a 2-space indent and a trailing newline.
std::string to_json(const timeline::Timeline& timeline);

// A "reps-program/1" object, one session entry per occurrence, same layout rules.
std::string to_json(const timeline::Program& program);

}  // namespace reps
