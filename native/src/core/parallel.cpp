#include "core/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <mutex>
#include <new>
#include <system_error>
#include <utility>
#include <vector>

namespace sd {
namespace {

// Joins on destruction, so no joinable std::thread is ever destroyed (that calls std::terminate).
class JoinAll {
public:
    explicit JoinAll(std::vector<std::thread>& threads) : threads_(threads) {}
    JoinAll(const JoinAll&) = delete;
    JoinAll& operator=(const JoinAll&) = delete;
    ~JoinAll() {
        for (std::thread& t : threads_)
            if (t.joinable()) t.join();
    }

private:
    std::vector<std::thread>& threads_;
};

// The first exception thrown by any task.
class FirstFailure {
public:
    void capture(std::exception_ptr failure) noexcept {
        std::lock_guard<std::mutex> lock(lock_);
        if (!failure_) failure_ = std::move(failure);
    }
    void rethrow() const {
        if (failure_) std::rethrow_exception(failure_);
    }

private:
    std::mutex lock_;
    std::exception_ptr failure_;
};

}  // namespace

int resolve_threads(int requested) noexcept {
    if (requested > 0) return std::min(requested, kMaxThreads);
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : static_cast<int>(std::min<unsigned>(cores, kMaxThreads));
}

std::thread start_thread(std::function<void()> work) { return std::thread(std::move(work)); }

void parallel_for(int count, int threads, const std::function<void(int, int)>& body, ThreadStarter starter) {
    if (count <= 0) return;
    threads = std::clamp(threads, 1, std::min(count, kMaxThreads));
    std::atomic<std::int64_t> next{0};  // 64 bits: claims past count never wrap
    FirstFailure failure;
    auto work = [&](int worker) noexcept {
        try {
            for (std::int64_t task = next++; task < count; task = next++) body(static_cast<int>(task), worker);
        } catch (...) {
            failure.capture(std::current_exception());
            next = count;  // the others stop after their current task
        }
    };
    {
        std::vector<std::thread> pool;
        pool.reserve(static_cast<std::size_t>(threads - 1));  // may throw: nothing started yet
        JoinAll join(pool);
        for (int worker = 1; worker < threads; ++worker) {
            try {
                pool.push_back(starter([&work, worker] { work(worker); }));
            } catch (const std::system_error&) {
                break;  // the system is out of threads: run with those already started
            } catch (const std::bad_alloc&) {
                break;
            }
        }
        work(0);
    }
    failure.rethrow();
}

}  // namespace sd
