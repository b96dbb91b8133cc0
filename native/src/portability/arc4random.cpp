// The static libstdc++ drags in std::random_device (through std::runtime_error's COW strings),
// which calls arc4random: a GLIBC_2.36 symbol that would stop the library loading on older
// systems, although nothing here ever constructs a random_device. The link wraps that one
// reference (-Wl,--wrap=arc4random) onto this getrandom-based equivalent.
#include "core/os_random.hpp"

#include <cstdint>
#include <cstdlib>

extern "C" std::uint32_t __wrap_arc4random(void) {
    std::uint32_t value = 0;
    // arc4random cannot fail; neither may its stand-in.
    if (!sd::fill_os_random(&value, sizeof value)) std::abort();
    return value;
}
