// The row kernel with AVX2: four pixels per step, the generator's 64-bit products built from 32-bit
// ones (AVX2 has no 64-bit multiply). Compiled for AVX2 here only; the filter calls it after
// checking the CPU.
#include "defense/random_detail.hpp"

#ifdef SD_RANDOM_HAS_AVX2

// Standard headers first, so that only what follows is compiled for AVX2.
#include <cstddef>
#include <cstdint>

#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx2"))), apply_to = function)
#elif defined(__GNUC__)
#pragma GCC push_options
#pragma GCC target("avx2")
#endif

#include <immintrin.h>

#include "defense/random_first_attempts.hpp"

namespace sd::random_detail {
namespace {

// a * c mod 2^64 per lane, for a constant c given as its low and high 32 bits.
inline __m256i multiply(__m256i a, __m256i c_low, __m256i c_high) {
    const __m256i low = _mm256_mul_epu32(a, c_low);
    const __m256i cross = _mm256_add_epi64(_mm256_mul_epu32(_mm256_srli_epi64(a, 32), c_low), _mm256_mul_epu32(a, c_high));
    return _mm256_add_epi64(low, _mm256_slli_epi64(cross, 32));
}

inline __m256i constant_low(std::uint64_t c) { return _mm256_set1_epi64x(static_cast<long long>(c & 0xFFFFFFFFu)); }
inline __m256i constant_high(std::uint64_t c) { return _mm256_set1_epi64x(static_cast<long long>(c >> 32)); }
inline __m256i load(const void* p) { return _mm256_loadu_si256(static_cast<const __m256i*>(p)); }

}  // namespace

void first_attempts_avx2(const RowJob& job, std::int64_t* offsets) {
    const Axes& rows = *job.rows;
    const Axes& columns = *job.columns;
    const std::size_t i = job.row, n = columns.count();
    const __m256i mix1_low = constant_low(RandomSource::kMix1), mix1_high = constant_high(RandomSource::kMix1);
    const __m256i mix2_low = constant_low(RandomSource::kMix2), mix2_high = constant_high(RandomSource::kMix2);
    const __m256i low32 = _mm256_set1_epi64x(0xFFFFFFFFll), one = _mm256_set1_epi64x(1), none = _mm256_set1_epi64x(-1);
    const __m256i row_size = _mm256_set1_epi64x(static_cast<long long>(rows.size[i]));
    const __m256i row_threshold = _mm256_set1_epi64x(static_cast<long long>(rows.threshold[i]));
    const __m256i row_in_p = _mm256_set1_epi64x(static_cast<long long>(rows.in_p[i]));
    const __m256i row_base = _mm256_set1_epi64x(rows.base[i]);
    const __m256i stride = _mm256_set1_epi64x(job.stride_bytes);  // < 2^32: checked by the filter
    const __m256i channels = _mm256_set1_epi64x(job.channels);
    const std::uint64_t g = RandomSource::kGamma;
    __m256i state = _mm256_set_epi64x(static_cast<long long>(job.first_state + 3 * g), static_cast<long long>(job.first_state + 2 * g),
                                      static_cast<long long>(job.first_state + g), static_cast<long long>(job.first_state));
    const __m256i step = _mm256_set1_epi64x(static_cast<long long>(4 * g));
    const __m256i attempt_step = _mm256_set1_epi64x(static_cast<long long>(job.attempt_step));
    std::size_t j = 0;
    for (; j + 4 <= n; j += 4, state = _mm256_add_epi64(state, step)) {
        __m256i result = none, attempt_state = state;
        for (int a = 0; a < job.attempts; ++a, attempt_state = _mm256_add_epi64(attempt_state, attempt_step)) {
            __m256i z = multiply(_mm256_xor_si256(attempt_state, _mm256_srli_epi64(attempt_state, 30)), mix1_low, mix1_high);
            z = multiply(_mm256_xor_si256(z, _mm256_srli_epi64(z, 27)), mix2_low, mix2_high);
            z = _mm256_xor_si256(z, _mm256_srli_epi64(z, 31));
            const __m256i product_y = _mm256_mul_epu32(_mm256_srli_epi64(z, 32), row_size);
            const __m256i product_x = _mm256_mul_epu32(z, load(&columns.size[j]));
            const __m256i dy = _mm256_srli_epi64(product_y, 32), dx = _mm256_srli_epi64(product_x, 32);
            // Lanes hold values below 2^32, so the signed 64-bit comparison is the unsigned one.
            const __m256i unfair = _mm256_or_si256(_mm256_cmpgt_epi64(row_threshold, _mm256_and_si256(product_y, low32)),
                                                   _mm256_cmpgt_epi64(load(&columns.threshold[j]), _mm256_and_si256(product_x, low32)));
            const __m256i in_p = _mm256_and_si256(
                _mm256_and_si256(_mm256_srlv_epi64(row_in_p, dy), _mm256_srlv_epi64(load(&columns.in_p[j]), dx)), one);
            const __m256i failed = _mm256_or_si256(unfair, _mm256_cmpeq_epi64(in_p, one));
            const __m256i offset = _mm256_add_epi64(_mm256_add_epi64(row_base, _mm256_mul_epu32(dy, stride)),
                                                    _mm256_add_epi64(load(&columns.base[j]), _mm256_mul_epu32(dx, channels)));
            // The earliest attempt that counts wins: only lanes still without a pick take this one.
            const __m256i open = _mm256_andnot_si256(failed, _mm256_cmpeq_epi64(result, none));
            result = _mm256_blendv_epi8(result, offset, open);
        }
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(offsets + j), result);
    }
    for (; j < n; ++j) offsets[j] = first_attempts(job, j);
}

}  // namespace sd::random_detail

#if defined(__clang__)
#pragma clang attribute pop
#elif defined(__GNUC__)
#pragma GCC pop_options
#endif

#endif  // SD_RANDOM_HAS_AVX2
