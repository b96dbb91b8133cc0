// OpenCV's resize arithmetic, one function per code path it takes. Tables come from
// opencv_tables.hpp; sizes and channels have been checked by the caller.
#pragma once

#include <cstdint>

#include "core/image_ref.hpp"
#include "scaling/kernel_table.hpp"

namespace sd::opencv {

using U8Source = ImageRef<const std::uint8_t>;
using U8Target = ImageRef<std::uint8_t>;
using F32Source = ImageRef<const float>;
using F32Target = ImageRef<float>;

// Same size: a plain copy, no rounding (cv::resize short-circuits).
void copy_image(const U8Source& source, const U8Target& target);
void copy_image(const F32Source& source, const F32Target& target);

// resizeNN: every output pixel is one source pixel. (8-bit: scale_nearest_u8, opencv_u8_kernels.hpp.)
void resize_nearest(const F32Source& source, const F32Target& target, const KernelTable& x, const KernelTable& y);

// resizeGeneric_ with HResizeLinear / VResizeLinear. 8-bit (scale_linear_u8) in 11-bit fixed point:
// H = p0 q0 + p1 q1, vertical ((qy0 * (H0 >> 4)) >> 16) + ((qy1 * (H1 >> 4)) >> 16), then (T + 2) >> 2.
// float32: h = p0*w0 + p1*w1, out = h0*v0 + h1*v1, each operation rounded to float32.
void resize_linear(const F32Source& source, const F32Target& target, const KernelTable& x, const KernelTable& y);

// resizeAreaFast_ for 2x2 blocks, which INTER_LINEAR takes when both ratios are exactly 2.
void resize_area_2x2(const U8Source& source, const U8Target& target);
void resize_area_2x2(const F32Source& source, const F32Target& target);

}  // namespace sd::opencv
