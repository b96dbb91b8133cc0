#include "capi/errors.hpp"

#include <cstring>

namespace sd::capi {
namespace {

// A fixed buffer: recording an error must not allocate (it may report bad_alloc).
constexpr std::size_t kMessageCapacity = 1024;
thread_local char t_message[kMessageCapacity] = "";

}  // namespace

void set_last_error(const char* message) noexcept {
    std::strncpy(t_message, message ? message : "", kMessageCapacity - 1);
    t_message[kMessageCapacity - 1] = '\0';
}

const char* last_error() noexcept { return t_message; }

}  // namespace sd::capi
