// The index a streamed check finds a program's workouts by: the first workout of each name,
// through growth, with names that share a hash slot.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "compiler/check/workout_index.hpp"

using namespace reps;

TEST_CASE("workout index: finds the first workout of each name as workouts are added") {
    std::vector<std::string> names;  // the workouts' names view these
    for (int i = 0; i < 1000; ++i) names.push_back("workout_" + std::to_string(i));
    std::vector<checked::Workout> workouts;
    WorkoutIndex index;
    CHECK(index.find("workout_0", workouts) == -1);
    for (int i = 0; i < 1000; ++i) {
        workouts.emplace_back().name = names[static_cast<std::size_t>(i)];
        if (i % 7 == 0) index.catch_up(workouts);  // a program now and then, as in a file
    }
    workouts.emplace_back().name = names[3];  // a second 'workout_3', taken twice
    index.catch_up(workouts);
    for (int i = 0; i < 1000; ++i) {
        INFO(i);
        CHECK(index.find(names[static_cast<std::size_t>(i)], workouts) == i);
    }
    CHECK(index.find("workout_1000", workouts) == -1);
    CHECK(index.find("", workouts) == -1);
    CHECK(index.find("workout_", workouts) == -1);
}
