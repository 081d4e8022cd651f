// The first workout of each name, for programs to find their workouts by: kept up to date as
// workouts are checked one by one (a big file's programs are checked as they parse, among the
// workouts checked so far). Open addressing over indices into the checked workouts, at most half
// full: 8 to 16 bytes a workout, where a hash map of names took about 40.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "compiler/check/checked.hpp"

namespace reps {

class WorkoutIndex {
public:
    // Adds the workouts of `workouts` after those added so far (they only grow).
    void catch_up(const std::vector<checked::Workout>& workouts) {
        while (added_ < workouts.size()) {
            if (2 * (used_ + 1) > slots_.size()) grow(workouts);
            insert(workouts, static_cast<std::uint32_t>(added_++));
        }
    }
    // The index of the first workout named `name` among those added, or -1.
    int find(std::string_view name, const std::vector<checked::Workout>& workouts) const {
        if (slots_.empty()) return -1;
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t at = hash(name) & mask;; at = (at + 1) & mask) {
            if (slots_[at] == empty) return -1;
            if (workouts[slots_[at]].name == name) return static_cast<int>(slots_[at]);
        }
    }

private:
    static constexpr std::uint32_t empty = 0xFFFFFFFF;
    static std::size_t hash(std::string_view name) { return std::hash<std::string_view>{}(name); }

    void insert(const std::vector<checked::Workout>& workouts, std::uint32_t index) {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t at = hash(workouts[index].name) & mask;; at = (at + 1) & mask) {
            if (slots_[at] == empty) {
                slots_[at] = index;
                ++used_;
                return;
            }
            if (workouts[slots_[at]].name == workouts[index].name) return;  // the first of a name stays
        }
    }
    void grow(const std::vector<checked::Workout>& workouts) {
        const std::vector<std::uint32_t> old = std::move(slots_);
        slots_.assign(std::max<std::size_t>(16, 2 * old.size()), empty);
        used_ = 0;
        for (const std::uint32_t index : old) {
            if (index != empty) insert(workouts, index);
        }
    }

    std::vector<std::uint32_t> slots_;
    std::size_t used_ = 0;   // slots taken
    std::size_t added_ = 0;  // workouts looked at
};

}  // namespace reps
