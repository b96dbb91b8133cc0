// cv::hal::resize's generic path for the 4- and 8-tap kernels (resize.cpp: resizeGeneric_ with
// HResizeCubic / VResizeCubic and HResizeLanczos4 / VResizeLanczos4). Tables come from
// interpolation_table(); sizes and channels have been checked by the caller.
#pragma once

#include "scaling/opencv/opencv_kernels.hpp"

namespace sd::opencv {

// 8-bit: H = sum q_k p_k in int32; vertical (Σ H_k q_k + 2^21) >> 22, except that CUBIC's
// first 8·⌊W'C/8⌋ elements of a row go through VResizeCubicVec_32s8u's float32 arithmetic.
void resize_cubic(const U8Source& source, const U8Target& target, const KernelTable& x, const KernelTable& y);
void resize_lanczos4(const U8Source& source, const U8Target& target, const KernelTable& x, const KernelTable& y);

// float32: every product and sum rounded to float32, in OpenCV's order.
void resize_cubic(const F32Source& source, const F32Target& target, const KernelTable& x, const KernelTable& y);
void resize_lanczos4(const F32Source& source, const F32Target& target, const KernelTable& x, const KernelTable& y);

}  // namespace sd::opencv
