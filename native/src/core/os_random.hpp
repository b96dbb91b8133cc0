// Bytes from the operating system's CSPRNG. getrandom (glibc >= 2.25) rather than arc4random
// (glibc 2.36), so that libscaledefense.so loads on the older glibc the README promises.
#pragma once

#include <cstddef>

namespace sd {

// Fills buffer[0, size) or returns false when the kernel's generator is unavailable.
bool fill_os_random(void* buffer, std::size_t size) noexcept;

}  // namespace sd
