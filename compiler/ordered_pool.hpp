// Runs independent jobs on several threads and hands their results back in order, so that a
// parallel `reps check` prints exactly what a sequential one would.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <sched.h>

namespace reps {

// The cores this process may run on (taskset and cgroup cpusets count, unlike hardware_concurrency).
inline unsigned available_cores() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        const int count = CPU_COUNT(&set);
        if (count > 0) return static_cast<unsigned>(count);
    }
    return std::max(1u, std::thread::hardware_concurrency());
}

// Calls work(i) for every i in [0, count) on up to `jobs` threads, and emit(i, result) on the
// calling thread in increasing i, each as soon as it and every job before it are done. Workers
// stay at most a few jobs ahead of the oldest unfinished one, so that results waiting to be
// emitted (whole files' diagnostics) never pile up. With one job (or one item) nothing runs on
// another thread. An exception from work() is rethrown here, after the threads have stopped.
template <typename Result, typename Work, typename Emit>
void run_ordered(std::size_t count, unsigned jobs, Work work, Emit emit) {
    jobs = static_cast<unsigned>(std::min<std::size_t>(std::max(jobs, 1u), count));
    if (jobs <= 1) {
        for (std::size_t i = 0; i < count; ++i) emit(i, work(i));
        return;
    }
    const std::size_t window = 4 * std::size_t{jobs};
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::optional<Result>> pending;  // results of jobs [emitted, emitted + pending.size())
    std::size_t emitted = 0, next = 0;
    bool stop = false;
    std::exception_ptr failure;

    auto worker = [&] {
        std::unique_lock lock(mutex);
        while (true) {
            changed.wait(lock, [&] { return stop || next >= count || next < emitted + window; });
            if (stop || next >= count) return;
            const std::size_t index = next++;
            if (pending.size() < next - emitted) pending.resize(next - emitted);
            lock.unlock();
            std::optional<Result> result;
            try {
                result.emplace(work(index));
            } catch (...) {
                lock.lock();
                if (!failure) failure = std::current_exception();
                stop = true;
                changed.notify_all();
                return;
            }
            lock.lock();
            pending[index - emitted] = std::move(result);
            changed.notify_all();
        }
    };
    std::vector<std::thread> threads;
    threads.reserve(jobs);
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);

    std::unique_lock lock(mutex);
    while (emitted < count) {
        changed.wait(lock, [&] { return stop || (!pending.empty() && pending.front().has_value()); });
        if (stop) break;
        Result result = std::move(*pending.front());
        pending.pop_front();
        const std::size_t index = emitted++;  // with the pop, so that pending[i - emitted] stays job i
        changed.notify_all();
        lock.unlock();
        try {
            emit(index, std::move(result));
        } catch (...) {
            lock.lock();
            if (!failure) failure = std::current_exception();
            stop = true;
            changed.notify_all();
            break;
        }
        lock.lock();
    }
    lock.unlock();
    for (auto& thread : threads) thread.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace reps
