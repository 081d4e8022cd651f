// The first workout of each name, for programs to find their workouts by: kept up to date as
// workouts are checked one by one (a big file's programs are checked as they parse, among the
// workouts checked so far). Open addressing over indices into the checked workouts, at most half
// full, each with the low half of its name's hash, which places it, so that a probe reads a
// workout's name only when the hashes agree and growing the table reads none: 16 to 32 bytes a
// workout, where a hash map of names took about 40.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "compiler/check/checked.hpp"

namespace reps {

class WorkoutIndex {
public:
    // Adds the workouts of `workouts` after those added so far (they only grow).
    void catch_up(const std::vector<checked::Workout>& workouts) {
        while (added_ < workouts.size()) {
            if (2 * (used_ + 1) > slots_.size()) grow();
            insert(workouts, static_cast<std::uint32_t>(added_++));
        }
    }
    // The index of the first workout named `name` among those added, or -1.
    int find(std::string_view name, const std::vector<checked::Workout>& workouts) const {
        if (slots_.empty()) return -1;
        const std::size_t mask = slots_.size() - 1;
        const std::uint32_t hashed = hash(name);
        for (std::size_t at = hashed & mask;; at = (at + 1) & mask) {
            const Slot& slot = slots_[at];
            if (slot.index == empty) return -1;
            if (slot.hash == hashed && workouts[slot.index].name == name) return static_cast<int>(slot.index);
        }
    }

private:
    static constexpr std::uint32_t empty = 0xFFFFFFFF;
    struct Slot {
        std::uint32_t index = empty;  // into the workouts
        std::uint32_t hash = 0;       // the low half of its name's hash (tables stay below 2^32 slots)
    };
    static std::uint32_t hash(std::string_view name) { return static_cast<std::uint32_t>(FlatNameIndex::hash_of(name)); }

    void insert(const std::vector<checked::Workout>& workouts, std::uint32_t index) {
        const std::size_t mask = slots_.size() - 1;
        const std::uint32_t hashed = hash(workouts[index].name);
        for (std::size_t at = hashed & mask;; at = (at + 1) & mask) {
            Slot& slot = slots_[at];
            if (slot.index == empty) {
                slot = Slot{index, hashed};
                ++used_;
                return;
            }
            // The first of a name stays.
            if (slot.hash == hashed && workouts[slot.index].name == workouts[index].name) return;
        }
    }
    // Twice the slots, each taken one placed again by its hash: names are different in the table.
    void grow() {
        const std::vector<Slot> old = std::move(slots_);
        slots_.assign(std::max<std::size_t>(16, 2 * old.size()), Slot{});
        const std::size_t mask = slots_.size() - 1;
        for (const Slot& slot : old) {
            if (slot.index == empty) continue;
            std::size_t at = slot.hash & mask;
            while (slots_[at].index != empty) at = (at + 1) & mask;
            slots_[at] = slot;
        }
    }

    std::vector<Slot> slots_;
    std::size_t used_ = 0;   // slots taken
    std::size_t added_ = 0;  // workouts looked at
};

}  // namespace reps
