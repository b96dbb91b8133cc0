// The one place the core starts threads. parallel_for joins every thread it started on every exit
// path and rethrows the first exception of any task on the calling thread, so the C ABI's guard()
// turns it into a status instead of std::terminate taking the host process down.
#pragma once

#include <functional>
#include <thread>

namespace sd {

// Upper bound of any thread count the core accepts (the C ABI documents it per parameter).
inline constexpr int kMaxThreads = 256;

// A thread count as the caller asked for it: 0 means every core, capped at kMaxThreads.
int resolve_threads(int requested) noexcept;

// Starts one worker thread. Tests pass their own to simulate a failure to create a thread.
using ThreadStarter = std::thread (*)(std::function<void()> work);
std::thread start_thread(std::function<void()> work);

// Runs body(task, worker) for every task in [0, count) on up to min(threads, count, kMaxThreads)
// threads, the calling thread being worker 0; worker < threads always. Tasks are claimed from a
// shared counter, so each task must write only its own outputs: the result then does not depend on
// the thread count. After the first exception no new task starts; it is rethrown once every thread
// has been joined. A thread that cannot be started (std::system_error, std::bad_alloc) only
// leaves its share to the others, down to the calling thread alone.
void parallel_for(int count, int threads, const std::function<void(int task, int worker)>& body,
                  ThreadStarter starter = start_thread);

}  // namespace sd
