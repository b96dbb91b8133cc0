#include "defense/random_source.hpp"

#include "core/os_random.hpp"

#include <stdexcept>

namespace sd {

std::uint64_t os_random_seed() {
    std::uint64_t seed = 0;
    if (!fill_os_random(&seed, sizeof seed))
        throw std::runtime_error("the operating system's random source (getrandom) failed");
    return seed;
}

}  // namespace sd
