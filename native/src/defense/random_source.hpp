// A small, fast, seedable generator with one exact definition shared by the native and managed
// code (SplitMix64), and unbiased bounded integers (Lemire's multiply-and-reject). Security of
// the random filter rests on the seed: by default it comes from the OS CSPRNG on every call.
#pragma once

#include <cstdint>

namespace sd {

class RandomSource {
public:
    explicit RandomSource(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    // Uniform in [0, bound), bound >= 1: the high 32 bits of a 32x32 product, rejecting the
    // sliver that would bias small values.
    std::uint32_t below(std::uint32_t bound) { return below(bound, rejection_threshold(bound)); }

    // The same draw with the threshold computed beforehand (a division saved per draw).
    static std::uint32_t rejection_threshold(std::uint32_t bound) { return static_cast<std::uint32_t>(-bound) % bound; }
    std::uint32_t below(std::uint32_t bound, std::uint32_t threshold) {
        for (;;) {
            const std::uint64_t product = static_cast<std::uint64_t>(static_cast<std::uint32_t>(next() >> 32)) * bound;
            if (static_cast<std::uint32_t>(product) >= threshold) return static_cast<std::uint32_t>(product >> 32);
        }
    }

private:
    std::uint64_t state_;
};

// 64 bits from the operating system's CSPRNG (getrandom, retried on EINTR); throws when it is unavailable.
std::uint64_t os_random_seed();

}  // namespace sd
