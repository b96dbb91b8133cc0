// The AVX2+FMA build of the 8-bit kernels; opencv_u8_kernels.cpp runs it after checking the CPU.
#include "scaling/opencv/opencv_u8_kernels.hpp"

#ifdef SD_OPENCV_HAS_AVX2

// Standard headers first, so that only what follows is compiled for AVX2.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#elif defined(__GNUC__)
#pragma GCC push_options
#pragma GCC target("avx2,fma")
#endif

#include <immintrin.h>

#define SD_OPENCV_U8_AVX2 1
#include "scaling/opencv/opencv_u8_kernels.inl"

namespace sd::opencv {

const U8KernelSet kU8Avx2 = {nearest_any, linear_any, ipp_cubic_any, area_any};

}  // namespace sd::opencv

#if defined(__clang__)
#pragma clang attribute pop
#elif defined(__GNUC__)
#pragma GCC pop_options
#endif

#endif  // SD_OPENCV_HAS_AVX2
