// The 16-bin sums and the branch-free search over 16 counts with AVX2: 16 counts are one register.
// Included by the AVX2 and AVX-512 kernel sources, each inside its own target region (internal
// linkage, so neither copy stands in for the other).
#pragma once

#include <immintrin.h>

#include <cstdint>

namespace sd::median_detail {
namespace {

struct Avx2Bins {
    static constexpr bool kScansWindow = false;  // fine counts kept per column (median_band.hpp)
    struct Scratch {};

    static __m256i load(const std::uint16_t* s) { return _mm256_load_si256(reinterpret_cast<const __m256i*>(s)); }
    static void store(std::uint16_t* d, __m256i v) { _mm256_store_si256(reinterpret_cast<__m256i*>(d), v); }

    static void clear(std::uint16_t* d) { store(d, _mm256_setzero_si256()); }
    static void add(std::uint16_t* d, const std::uint16_t* s) { store(d, _mm256_add_epi16(load(d), load(s))); }
    static void sub(std::uint16_t* d, const std::uint16_t* s) { store(d, _mm256_sub_epi16(load(d), load(s))); }

    // Running totals of the 16 bins (all <= 65535: a window never holds more pixels), then the
    // number of totals <= k is the bin sought, without a data-dependent branch.
    static unsigned select(const std::uint16_t* bins, std::uint32_t& k) {
        __m256i v = load(bins);
        v = _mm256_add_epi16(v, _mm256_slli_si256(v, 2));
        v = _mm256_add_epi16(v, _mm256_slli_si256(v, 4));
        v = _mm256_add_epi16(v, _mm256_slli_si256(v, 8));
        // Carry the low lane's total (its element 7) into every element of the high lane.
        __m256i last = _mm256_unpackhi_epi64(_mm256_shufflehi_epi16(v, 0xFF), _mm256_shufflehi_epi16(v, 0xFF));
        v = _mm256_add_epi16(v, _mm256_permute2x128_si256(last, last, 0x08));
        const __m256i key = _mm256_set1_epi16(static_cast<short>(k));
        const __m256i at_most = _mm256_cmpeq_epi16(_mm256_max_epu16(v, key), key);
        const unsigned below = static_cast<unsigned>(_mm_popcnt_u32(static_cast<unsigned>(_mm256_movemask_epi8(at_most)))) / 2;
        if (below > 0) {
            alignas(32) std::uint16_t totals[16];
            store(totals, v);
            k -= totals[below - 1];
        }
        return below;
    }
};

}  // namespace
}  // namespace sd::median_detail
