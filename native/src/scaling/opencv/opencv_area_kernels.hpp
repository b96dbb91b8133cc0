// INTER_AREA for s_x >= 1 and s_y >= 1 (resize.cpp: resizeAreaFast_ and ResizeArea_Invoker).
// With any upscaled axis OpenCV runs the linear kernels on area-mode tables instead.
#pragma once

#include "scaling/opencv/opencv_kernels.hpp"

namespace sd::opencv {

// resizeAreaFast_ for integer ratios kx, ky (not both 2: see resize_area_2x2): the block sum S,
// 8-bit rne(fl32(S) * fl32(1 / (kx ky))); float32 S added in groups of four, row-major.
void resize_area_block(const U8Source& source, const U8Target& target, int kx, int ky);
void resize_area_block(const F32Source& source, const F32Target& target, int kx, int ky);

// ResizeArea_Invoker over area_table() tables: per listed source row a float32 row buffer, then
// the weighted rows added in table order; 8-bit output (scale_area_u8, opencv_u8_kernels.hpp) rne
// and saturated.
void resize_area_table(const F32Source& source, const F32Target& target, const KernelTable& x, const KernelTable& y);

}  // namespace sd::opencv
