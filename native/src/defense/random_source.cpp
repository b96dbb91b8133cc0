#include "defense/random_source.hpp"

#include <sys/random.h>

#include <stdexcept>

namespace sd {

std::uint64_t os_random_seed() {
    std::uint64_t seed = 0;
    if (getrandom(&seed, sizeof seed, 0) != static_cast<ssize_t>(sizeof seed))
        throw std::runtime_error("the operating system's random source (getrandom) failed");
    return seed;
}

}  // namespace sd
