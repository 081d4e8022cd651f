#include "compiler/timing/set_time.hpp"

#include <algorithm>

namespace reps {

const checked::DoseStep& step_in_week(const checked::Entry& entry, int week) {
    static const checked::DoseStep no_dose{};
    if (entry.steps.empty()) return no_dose;
    return entry.steps[std::min<std::size_t>(static_cast<std::size_t>(std::max(week, 1)), entry.steps.size()) - 1];
}

std::int64_t work_seconds(const checked::Entry& entry, const checked::DoseStep& step) {
    if (step.amount.kind == ast::Amount::Kind::duration) return step.amount.value;
    const std::int64_t reps = step.amount.upper;  // a range uses its upper bound; "5+" uses 5
    return reps * entry.rep_seconds * (entry.sides == checked::SideMode::alt ? 2 : 1);
}

std::int64_t set_seconds(const checked::Entry& entry, const checked::DoseStep& step, std::int64_t switch_seconds) {
    const std::int64_t work = work_seconds(entry, step);
    return entry.sides == checked::SideMode::each ? 2 * work + switch_seconds : work;
}

}  // namespace reps
