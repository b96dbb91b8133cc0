#include "core/os_random.hpp"

#include <sys/random.h>

#include <cerrno>

namespace sd {

bool fill_os_random(void* buffer, std::size_t size) noexcept {
    auto* bytes = static_cast<unsigned char*>(buffer);
    while (size > 0) {
        const ssize_t got = getrandom(bytes, size, 0);
        if (got < 0) {
            if (errno == EINTR) continue;  // a signal arrived before any byte: ask again
            return false;
        }
        // Requests over 256 bytes may be served in parts when a signal interrupts them.
        bytes += got;
        size -= static_cast<std::size_t>(got);
    }
    return true;
}

}  // namespace sd
