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

// Calls work(i) for every i in [0, count) on up to `jobs` threads, the caller's among them, and
// emit(i, result) in increasing i, each as soon as it and every job before it are done. emit runs
// on one thread at a time, whichever finished the job that made the next result ready: handing
// every result to one emitting thread cost two thread switches a file, a tenth of the time of a
// parallel check once files checked in a quarter of a millisecond. Workers stay at most a few jobs
// ahead of the oldest result not yet emitted, so that results waiting to be emitted (whole files'
// diagnostics) never pile up. With one job (or one item) everything runs on the caller's thread.
// An exception from work() or emit() is rethrown here, after the threads have stopped.
template <typename Result, typename Work, typename Emit>
void run_ordered(std::size_t count, unsigned jobs, Work work, Emit emit) {
    jobs = static_cast<unsigned>(std::min<std::size_t>(std::max(jobs, 1u), count));
    if (jobs <= 1) {
        for (std::size_t i = 0; i < count; ++i) emit(i, work(i));
        return;
    }
    const std::size_t window = 4 * std::size_t{jobs};
    std::mutex mutex;
    std::condition_variable room;               // the window moved on, or the pool stops
    std::deque<std::optional<Result>> pending;  // results of jobs [emitted, emitted + pending.size())
    std::size_t emitted = 0, next = 0;
    bool emitting = false;  // a thread is emitting: it emits whatever becomes ready meanwhile too
    bool stop = false;
    std::exception_ptr failure;
    const auto fail = [&] {  // with the lock held
        if (!failure) failure = std::current_exception();
        stop = true;
        room.notify_all();
    };

    auto worker = [&] {
        std::unique_lock lock(mutex);
        while (true) {
            room.wait(lock, [&] { return stop || next >= count || next < emitted + window; });
            if (stop || next >= count) return;
            const std::size_t index = next++;
            if (pending.size() < next - emitted) pending.resize(next - emitted);
            lock.unlock();
            std::optional<Result> result;
            try {
                result.emplace(work(index));
            } catch (...) {
                lock.lock();
                fail();
                return;
            }
            lock.lock();
            pending[index - emitted] = std::move(result);
            if (emitting) continue;  // the emitting thread looks again before it stops
            emitting = true;
            while (!stop && !pending.empty() && pending.front().has_value()) {
                Result ready = std::move(*pending.front());
                pending.pop_front();
                const std::size_t at = emitted++;  // with the pop, so that pending[i - emitted] stays job i
                room.notify_all();
                lock.unlock();
                try {
                    emit(at, std::move(ready));
                } catch (...) {
                    lock.lock();
                    emitting = false;
                    fail();
                    return;
                }
                lock.lock();
            }
            emitting = false;
        }
    };
    std::vector<std::thread> threads;
    threads.reserve(jobs - 1);
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
    worker();
    for (auto& thread : threads) thread.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace reps
