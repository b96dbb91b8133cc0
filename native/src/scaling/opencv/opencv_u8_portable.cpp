// The portable build of the 8-bit kernels (every target; compilers vectorise what they can).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "scaling/opencv/opencv_u8_kernels.hpp"
#include "scaling/opencv/opencv_u8_kernels.inl"

namespace sd::opencv {

const U8KernelSet kU8Portable = {nearest_any, linear_any, ipp_cubic_any, area_any};

}  // namespace sd::opencv
