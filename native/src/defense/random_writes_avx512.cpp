// The AVX-512 VBMI2 writes of a row of picks: the picks packed `channels` bytes per pixel (byte
// compress), then per 64-byte chunk of the target row that holds pixels of P, one byte expand into
// P's positions and one masked store, which leaves every other byte of the row untouched. Compiled
// for VBMI2 here only (the filter checks the CPU), apart from the row kernels, which need only DQ.
#include "defense/random_detail.hpp"

#ifdef SD_RANDOM_HAS_AVX512

// Standard headers first, so that only what follows is compiled for AVX-512.
#include <cstddef>
#include <cstdint>

#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx2,avx512f,avx512bw,avx512vbmi2"))), apply_to = function)
#elif defined(__GNUC__)
#pragma GCC push_options
#pragma GCC target("avx2,avx512f,avx512bw,avx512vbmi2")
// GCC 12's AVX-512 headers pass _mm512_undefined_* values through some intrinsics and then warn
// that they may be used uninitialized.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif

#include <immintrin.h>

namespace sd::random_detail {

void write_row_avx512(const std::uint32_t* values, std::size_t n, int channels, const RowChunks& chunks, std::uint8_t* row,
                      std::uint8_t* packed, LinePrefetch& ahead, int per_step, std::uint8_t* next_row) {
    LinePrefetch lines = ahead;  // a copy the loop keeps in registers (the stores below could alias it)
    // The low `channels` bytes of each 4-byte value.
    const std::uint64_t kept = channels == 1   ? 0x1111111111111111ull
                               : channels == 2 ? 0x3333333333333333ull
                               : channels == 3 ? 0x7777777777777777ull
                                               : ~std::uint64_t{0};
    const std::size_t packed_step = 16 * static_cast<std::size_t>(channels);
    for (std::size_t j = 0, at = 0; j < n; j += 16, at += packed_step)
        _mm512_storeu_si512(packed + at, _mm512_maskz_compress_epi8(kept, _mm512_loadu_si512(values + j)));
    for (std::size_t k = 0; k < chunks.chunk.size(); ++k) {
        lines.ask(per_step);
        const __mmask64 mask = chunks.mask[k];
        const __m512i bytes = _mm512_maskz_expand_epi8(mask, _mm512_loadu_si512(packed + chunks.first[k]));
        _mm512_mask_storeu_epi8(row + 64 * static_cast<std::size_t>(chunks.chunk[k]), mask, bytes);
        if (next_row != nullptr) __builtin_prefetch(next_row + 64 * static_cast<std::size_t>(chunks.chunk[k]), 1);
    }
    ahead = lines;
}

}  // namespace sd::random_detail

#if defined(__clang__)
#pragma clang attribute pop
#elif defined(__GNUC__)
#pragma GCC diagnostic pop
#pragma GCC pop_options
#endif

#endif  // SD_RANDOM_HAS_AVX512
