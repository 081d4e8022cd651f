// Checking one prescription or block entry: names, dose, sides, load, modifiers, option choice.
#pragma once

#include "compiler/checked.hpp"

namespace reps {

enum class EntryContext { prescription, group, intervals, emom, amrap };

struct EntryChecker {
    const Catalog& catalog;
    const SourceManager& sources;
    Diagnostics& diagnostics;
    int profile = -1;  // catalog profile index, or -1

    // Checks into `entry`, a new one in place (entries are large: returning one copied it);
    // entry.exercise is -1 when a name did not resolve (already reported).
    void check(const ast::Prescription& prescription, EntryContext context, const checked::Defaults& defaults,
               checked::Entry& entry) const;
};

// Seconds one set of the entry takes at its first step (reps x rep time, or the duration),
// both sides and the switch included for `each`. For emom's fit check and lowering alike.
std::int64_t set_seconds(const checked::Entry& entry, const checked::DoseStep& step, std::int64_t switch_seconds);
std::int64_t work_seconds(const checked::Entry& entry, const checked::DoseStep& step);

}  // namespace reps
