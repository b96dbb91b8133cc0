// sd::parallel_for: every task runs once, worker indices stay below the thread count, and a failure
// anywhere (a task on a worker or on the calling thread, or starting a thread) comes back to the
// caller as an exception after every thread was joined, never as std::terminate.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <new>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "core/parallel.hpp"

namespace {

std::atomic<int> g_started{0};

// Starts one thread, then fails like a system out of threads.
std::thread start_one_then_fail(std::function<void()> work) {
    if (g_started++ >= 1) throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again));
    return std::thread(std::move(work));
}

std::thread never_start(std::function<void()>) { throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again)); }

}  // namespace

TEST(Parallel, RunsEveryTaskOnceWithWorkerIndicesBelowThreads) {
    for (int threads : {1, 2, 3, 8, 300}) {
        std::vector<std::atomic<int>> runs(1000);
        std::atomic<int> bad_worker{0};
        const int expected_workers = std::min(threads, sd::kMaxThreads);
        sd::parallel_for(1000, threads, [&](int task, int worker) {
            ++runs[task];
            if (worker < 0 || worker >= expected_workers) ++bad_worker;
        });
        for (const auto& r : runs) EXPECT_EQ(r.load(), 1);
        EXPECT_EQ(bad_worker.load(), 0);
    }
}

TEST(Parallel, EmptyAndNonPositiveCountsDoNothing) {
    int calls = 0;
    sd::parallel_for(0, 4, [&](int, int) { ++calls; });
    sd::parallel_for(-5, 4, [&](int, int) { ++calls; });
    EXPECT_EQ(calls, 0);
}

TEST(Parallel, ExceptionOnAWorkerReachesTheCaller) {
    const std::thread::id caller = std::this_thread::get_id();
    std::atomic<bool> thrown{false};
    EXPECT_THROW(sd::parallel_for(64, 4,
                                  [&](int, int) {
                                      if (std::this_thread::get_id() != caller) {
                                          thrown = true;
                                          throw std::runtime_error("worker failed");
                                      }
                                      // The calling thread keeps its task open until a worker failed.
                                      for (int i = 0; i < 10000 && !thrown; ++i)
                                          std::this_thread::sleep_for(std::chrono::milliseconds(1));
                                  }),
                 std::runtime_error);
    EXPECT_TRUE(thrown.load());
}

TEST(Parallel, ExceptionOnTheCallingThreadWaitsForWorkers) {
    const std::thread::id caller = std::this_thread::get_id();
    std::atomic<int> running{0}, finished{0};
    try {
        sd::parallel_for(8, 4, [&](int, int) {
            ++running;
            if (std::this_thread::get_id() == caller) throw std::bad_alloc();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            ++finished;
        });
        FAIL() << "no exception";
    } catch (const std::bad_alloc&) {
    }
    // Every task that started has finished: the workers were joined before the rethrow.
    EXPECT_EQ(finished.load(), running.load() - 1);
}

TEST(Parallel, BothSidesThrowingGivesOneException) {
    EXPECT_THROW(sd::parallel_for(16, 4, [](int task, int) { throw std::runtime_error("task " + std::to_string(task)); }),
                 std::runtime_error);
}

TEST(Parallel, ThreadCreationFailureFallsBackToFewerThreads) {
    g_started = 0;
    std::vector<int> runs(100, 0);
    std::atomic<int> max_worker{0};
    sd::parallel_for(
        100, 8,
        [&](int task, int worker) {
            ++runs[task];  // each task has its own slot
            int seen = max_worker.load();
            while (worker > seen && !max_worker.compare_exchange_weak(seen, worker)) {
            }
        },
        start_one_then_fail);
    for (int r : runs) EXPECT_EQ(r, 1);
    EXPECT_LE(max_worker.load(), 1);  // the calling thread and the one started worker
}

TEST(Parallel, NoThreadAtAllRunsOnTheCallingThread) {
    const std::thread::id caller = std::this_thread::get_id();
    int elsewhere = 0, runs = 0;
    sd::parallel_for(
        10, 4,
        [&](int, int) {
            ++runs;
            if (std::this_thread::get_id() != caller) ++elsewhere;
        },
        never_start);
    EXPECT_EQ(runs, 10);
    EXPECT_EQ(elsewhere, 0);
}

TEST(Parallel, ResolveThreadsCapsAndMapsZeroToCores) {
    EXPECT_EQ(sd::resolve_threads(1), 1);
    EXPECT_EQ(sd::resolve_threads(5000000), sd::kMaxThreads);
    EXPECT_GE(sd::resolve_threads(0), 1);
    EXPECT_LE(sd::resolve_threads(0), sd::kMaxThreads);
}
