// A small, fast, seedable generator with one exact definition shared by the native and managed
// code: SplitMix64 used counter-based (its n-th output is mix(seed + n * gamma)), so that draws that
// do not depend on one another can be computed in any order or many at once; and Lemire's unbiased
// multiply-and-reject for bounded integers. Security of the random filter rests on the seed: by
// default it comes from the OS CSPRNG on every call.
#pragma once

#include <cstdint>

namespace sd {

class RandomSource {
public:
    static constexpr std::uint64_t kGamma = 0x9E3779B97F4A7C15ull;
    static constexpr std::uint64_t kMix1 = 0xBF58476D1CE4E5B9ull;
    static constexpr std::uint64_t kMix2 = 0x94D049BB133111EBull;

    explicit RandomSource(std::uint64_t seed) : seed_(seed) {}

    static std::uint64_t mix(std::uint64_t z) {
        z = (z ^ (z >> 30)) * kMix1;
        z = (z ^ (z >> 27)) * kMix2;
        return z ^ (z >> 31);
    }

    // Draw number `counter` (0-based): the (counter + 1)-th output of SplitMix64 seeded with the seed.
    std::uint64_t at(std::uint64_t counter) const { return mix(counter_state(counter)); }
    // The generator's state for that draw (what the vector kernels step from).
    std::uint64_t counter_state(std::uint64_t counter) const { return seed_ + (counter + 1) * kGamma; }

    // Lemire's rejection threshold for a bound >= 1: a 32-bit fraction f gives f * bound >> 32,
    // unbiased when the low 32 bits of the product are >= this.
    static std::uint32_t rejection_threshold(std::uint32_t bound) { return static_cast<std::uint32_t>(-bound) % bound; }

private:
    std::uint64_t seed_;
};

// 64 bits from the operating system's CSPRNG (getrandom, retried on EINTR); throws when it is unavailable.
std::uint64_t os_random_seed();

}  // namespace sd
