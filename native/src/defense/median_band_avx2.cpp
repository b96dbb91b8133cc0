// The band kernel with AVX2 for the 16-bin sums and the median search: 16 counts are one register.
// Compiled for AVX2 here only; selective_median_filter.cpp calls it after checking the CPU.
#include "defense/median_detail.hpp"

#ifdef SD_MEDIAN_HAS_AVX2

// Standard headers first, so that only what follows is compiled for AVX2.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx2,popcnt"))), apply_to = function)
#elif defined(__GNUC__)
#pragma GCC push_options
#pragma GCC target("avx2,popcnt")
#endif

#include <immintrin.h>

#include "defense/median_band.hpp"
#include "defense/median_bins_avx2.hpp"

namespace sd::median_detail {

std::int64_t histogram_rows_avx2(const Job& job, std::size_t begin, std::size_t end) {
    return band_median<Avx2Bins>(job, begin, end);
}

}  // namespace sd::median_detail

#if defined(__clang__)
#pragma clang attribute pop
#elif defined(__GNUC__)
#pragma GCC pop_options
#endif

#endif  // SD_MEDIAN_HAS_AVX2
