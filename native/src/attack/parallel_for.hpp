// Runs body(task) for task in [0, count) on up to `threads` std::threads. Tasks are claimed from
// an atomic counter; every task writes only its own outputs, so the result does not depend on the
// number of threads or the order tasks ran in.
#pragma once

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace sd::attack {

template <typename Body>
void parallel_for(int count, int threads, Body&& body) {
    threads = std::max(1, std::min(threads, count));
    std::atomic<int> next{0};
    std::exception_ptr failure;
    std::mutex failure_lock;
    auto worker = [&](int worker_index) {
        try {
            for (int task = next++; task < count; task = next++) body(task, worker_index);
        } catch (...) {
            std::lock_guard<std::mutex> lock(failure_lock);
            if (!failure) failure = std::current_exception();
            next = count;
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(worker, t);
    worker(0);
    for (auto& thread : pool) thread.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace sd::attack
