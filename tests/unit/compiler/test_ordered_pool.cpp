// run_ordered: results come back in index order, one at a time, whatever order the threads finish
// in, every job runs once, and a failure stops the pool and reaches the caller.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "compiler/base/ordered_pool.hpp"

using reps::run_ordered;

TEST_CASE("ordered pool: results in index order, each job once") {
    for (unsigned jobs : {1u, 2u, 3u, 8u}) {
        INFO("jobs " << jobs);
        const std::size_t count = 200;
        std::vector<std::atomic<int>> runs(count);
        std::vector<std::size_t> order;
        std::atomic<int> emitting = 0;
        run_ordered<std::string>(
            count, jobs,
            [&](std::size_t i) {
                ++runs[i];
                // Early jobs take longest, so later ones finish first.
                if (i % 17 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
                return std::to_string(i);
            },
            [&](std::size_t i, std::string result) {
                // One emitter at a time, whichever thread it is on.
                CHECK(++emitting == 1);
                CHECK(result == std::to_string(i));
                order.push_back(i);
                --emitting;
            });
        REQUIRE(order.size() == count);
        for (std::size_t i = 0; i < count; ++i) {
            CHECK(order[i] == i);
            CHECK(runs[i] == 1);
        }
    }
}

TEST_CASE("ordered pool: nothing to do, and one job runs on the caller's thread") {
    int emitted = 0;
    run_ordered<int>(0, 4, [](std::size_t) { return 0; }, [&](std::size_t, int) { ++emitted; });
    CHECK(emitted == 0);
    const auto caller = std::this_thread::get_id();
    run_ordered<int>(3, 1, [&](std::size_t i) {
        CHECK(std::this_thread::get_id() == caller);
        return static_cast<int>(i);
    }, [&](std::size_t, int) { ++emitted; });
    CHECK(emitted == 3);
}

TEST_CASE("ordered pool: an exception from a job or from emit reaches the caller") {
    std::size_t emitted = 0;
    CHECK_THROWS_WITH_AS(run_ordered<int>(
                             100, 3,
                             [](std::size_t i) {
                                 if (i == 40) throw std::runtime_error("job 40");
                                 return static_cast<int>(i);
                             },
                             [&](std::size_t, int) { ++emitted; }),
                         "job 40", std::runtime_error);
    CHECK(emitted <= 40);
    CHECK_THROWS_WITH_AS(run_ordered<int>(
                             100, 3, [](std::size_t i) { return static_cast<int>(i); },
                             [](std::size_t i, int) {
                                 if (i == 5) throw std::runtime_error("emit 5");
                             }),
                         "emit 5", std::runtime_error);
}
