// The row kernel with AVX-512 (F, DQ, VL): the first attempt (or two, where many draws land in P)
// of eight pixels at a time, then each further attempt for only the pixels whose attempts all
// failed so far, kept as a compact list of their indices. Where a quarter of the draws land in P,
// the AVX2 kernel makes three attempts for every pixel; this one makes two, retries the one pixel
// in sixteen whose two both failed, and may go on longer before the caller takes over.
// Compiled for AVX-512 here only; the filter calls it after checking the CPU.
#include "defense/random_detail.hpp"

#ifdef SD_RANDOM_HAS_AVX512

// Standard headers first, so that only what follows is compiled for AVX-512.
#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx2,avx512f,avx512dq,avx512vl,avx512bw"))), apply_to = function)
#elif defined(__GNUC__)
#pragma GCC push_options
#pragma GCC target("avx2,avx512f,avx512dq,avx512vl,avx512bw")
// GCC 12's AVX-512 headers pass _mm512_undefined_* values through some intrinsics and then warn
// that they may be used uninitialized.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif

#include <immintrin.h>

namespace sd::random_detail {
namespace {

// What every attempt of row i shares, broadcast to the eight lanes.
struct RowConstants {
    __m512i size, threshold, in_p, base, stride, channels;
};

// The columns' axes for eight pixels.
struct ColumnLanes {
    __m512i size, threshold, in_p, base;
};

// The pick of one attempt per lane: its row and column in the window.
struct Pick {
    __m512i dy, dx;
};

// One attempt per lane from the generator states: the pick, and the lanes where it counts (the
// draw is fair on both axes and the pixel is outside P). The same arithmetic as attempt() in
// random_detail.hpp, eight lanes at a time.
inline Pick attempt(__m512i state, const RowConstants& row, const ColumnLanes& column, __mmask8& counts) {
    const __m512i mix1 = _mm512_set1_epi64(static_cast<long long>(RandomSource::kMix1));
    const __m512i mix2 = _mm512_set1_epi64(static_cast<long long>(RandomSource::kMix2));
    __m512i z = _mm512_mullo_epi64(_mm512_xor_si512(state, _mm512_srli_epi64(state, 30)), mix1);
    z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 27)), mix2);
    z = _mm512_xor_si512(z, _mm512_srli_epi64(z, 31));
    // vpmuludq multiplies the low 32 bits of each lane: the column half as it is, the row half shifted down.
    const __m512i product_y = _mm512_mul_epu32(_mm512_srli_epi64(z, 32), row.size);
    const __m512i product_x = _mm512_mul_epu32(z, column.size);
    const Pick pick{_mm512_srli_epi64(product_y, 32), _mm512_srli_epi64(product_x, 32)};
    const __m512i low32 = _mm512_set1_epi64(0xFFFFFFFFll);
    const __mmask8 fair = _mm512_cmpge_epu64_mask(_mm512_and_si512(product_y, low32), row.threshold) &
                          _mm512_cmpge_epu64_mask(_mm512_and_si512(product_x, low32), column.threshold);
    const __mmask8 in_p = _mm512_test_epi64_mask(
        _mm512_and_si512(_mm512_srlv_epi64(row.in_p, pick.dy), _mm512_srlv_epi64(column.in_p, pick.dx)), _mm512_set1_epi64(1));
    counts = fair & static_cast<__mmask8>(~in_p);
    return pick;
}

// The pick's byte offset in the source.
inline __m512i offset_of(const Pick& pick, const RowConstants& row, const ColumnLanes& column) {
    return _mm512_add_epi64(_mm512_add_epi64(row.base, _mm512_mul_epu32(pick.dy, row.stride)),
                            _mm512_add_epi64(column.base, _mm512_mul_epu32(pick.dx, row.channels)));
}

inline __mmask8 first(std::size_t count) { return static_cast<__mmask8>(count >= 8 ? 0xFF : (1u << count) - 1); }

// Appends the indices of `lanes` to list[kept...] (eight entries are written; the list has room).
inline void keep(std::uint32_t* list, std::size_t& kept, __mmask8 lanes, __m256i indices) {
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(list + kept), _mm256_maskz_compress_epi32(lanes, indices));
    kept += static_cast<std::size_t>(__builtin_popcount(lanes));
}

}  // namespace

std::size_t first_attempts_avx512(const RowJob& job, std::int64_t* offsets, std::uint32_t* list, LinePrefetch& ahead,
                                  int per_step) {
    LinePrefetch lines = ahead;  // a copy the loops keep in registers (the stores below could alias it)
    const Axes& rows = *job.rows;
    const Axes& columns = *job.columns;
    const std::size_t i = job.row, n = columns.count();
    const RowConstants row{_mm512_set1_epi64(static_cast<long long>(rows.size[i])),
                           _mm512_set1_epi64(static_cast<long long>(rows.threshold[i])),
                           _mm512_set1_epi64(static_cast<long long>(rows.in_p[i])),
                           _mm512_set1_epi64(rows.base[i]),
                           _mm512_set1_epi64(job.stride_bytes),  // < 2^32: checked by the filter
                           _mm512_set1_epi64(job.channels)};
    const __m512i gamma = _mm512_set1_epi64(static_cast<long long>(RandomSource::kGamma));
    const __m512i none = _mm512_set1_epi64(-1);
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);

    // Attempt 0 (and 1) of every pixel, in order: pixel j's state is first_state + j * gamma, its
    // next attempt's attempt_step further. A retry gathers its column's axes and scatters its
    // pick; a second attempt here has them at hand.
    std::size_t kept = 0;
    __m512i state = _mm512_add_epi64(_mm512_set1_epi64(static_cast<long long>(job.first_state)),
                                     _mm512_mullo_epi64(_mm512_cvtepu32_epi64(lane), gamma));
    const __m512i state_step = _mm512_set1_epi64(static_cast<long long>(8 * RandomSource::kGamma));
    const __m512i next_attempt = _mm512_set1_epi64(static_cast<long long>(job.attempt_step));
    const bool two = job.attempts_for_all == 2;
    for (std::size_t j = 0; j < n; j += 8, state = _mm512_add_epi64(state, state_step)) {
        lines.ask(per_step);
        const __mmask8 live = first(n - j);
        const ColumnLanes column{_mm512_maskz_loadu_epi64(live, &columns.size[j]), _mm512_maskz_loadu_epi64(live, &columns.threshold[j]),
                                 _mm512_maskz_loadu_epi64(live, &columns.in_p[j]), _mm512_maskz_loadu_epi64(live, &columns.base[j])};
        __mmask8 counts;
        Pick pick = attempt(state, row, column, counts);
        if (two) {
            __mmask8 second_counts;
            const Pick second = attempt(_mm512_add_epi64(state, next_attempt), row, column, second_counts);
            pick = {_mm512_mask_blend_epi64(counts, second.dy, pick.dy), _mm512_mask_blend_epi64(counts, second.dx, pick.dx)};
            counts |= second_counts;
        }
        _mm512_mask_storeu_epi64(offsets + j, live, _mm512_mask_blend_epi64(counts, none, offset_of(pick, row, column)));
        keep(list, kept, live & static_cast<__mmask8>(~counts), _mm256_add_epi32(_mm256_set1_epi32(static_cast<int>(j)), lane));
    }

    // The next attempts of the pixels still without a pick, the list rewritten in place (a chunk
    // is loaded before anything is written over it, and at most as many entries as were read).
    for (int a = two ? 2 : 1; a < job.attempts && kept > 0; ++a) {
        const __m512i attempt_state = _mm512_set1_epi64(static_cast<long long>(job.first_state + a * job.attempt_step));
        const std::size_t count = kept;
        kept = 0;
        for (std::size_t k = 0; k < count; k += 8) {
            lines.ask(per_step);
            const __mmask8 live = first(count - k);
            const __m256i j = _mm256_maskz_loadu_epi32(live, list + k);
            const __m512i zero = _mm512_setzero_si512();
            const ColumnLanes column{_mm512_mask_i32gather_epi64(zero, live, j, columns.size.data(), 8),
                                     _mm512_mask_i32gather_epi64(zero, live, j, columns.threshold.data(), 8),
                                     _mm512_mask_i32gather_epi64(zero, live, j, columns.in_p.data(), 8),
                                     _mm512_mask_i32gather_epi64(zero, live, j, columns.base.data(), 8)};
            __mmask8 counts;
            const __m512i pixel_state = _mm512_add_epi64(attempt_state, _mm512_mullo_epi64(_mm512_cvtepu32_epi64(j), gamma));
            const Pick pick = attempt(pixel_state, row, column, counts);
            counts &= live;
            _mm512_mask_i32scatter_epi64(offsets, counts, j, offset_of(pick, row, column), 8);
            keep(list, kept, live & static_cast<__mmask8>(~counts), j);
        }
    }
    ahead = lines;
    return kept;
}

void read_picks_avx512(const std::int64_t* offsets, std::size_t n, const std::uint8_t* data, std::int64_t last_word,
                       int channels, std::uint32_t* values, LinePrefetch& ahead, int per_step) {
    LinePrefetch lines = ahead;
    const __m512i zero = _mm512_setzero_si512(), last = _mm512_set1_epi64(last_word);
    for (std::size_t j = 0; j < n; j += 8) {
        lines.ask(per_step);
        const __mmask8 live = first(n - j);
        const __m512i offset = _mm512_maskz_loadu_epi64(live, offsets + j);
        const __mmask8 picked = live & _mm512_cmpge_epi64_mask(offset, zero);
        const __mmask8 whole = picked & _mm512_cmple_epi64_mask(offset, last);
        const __m256i words = _mm512_mask_i64gather_epi32(_mm256_setzero_si256(), whole, offset, data, 1);
        _mm256_mask_storeu_epi32(values + j, live, words);
        // The image's last pixels: fewer than four bytes left after the pick's first.
        for (unsigned near_end = picked & static_cast<unsigned>(~whole) & 0xFFu; near_end != 0; near_end &= near_end - 1) {
            const std::size_t k = j + static_cast<std::size_t>(__builtin_ctz(near_end));
            std::memcpy(&values[k], data + offsets[k], static_cast<std::size_t>(channels));
        }
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
