// Index and weight tables of OpenCV's cv::resize (modules/imgproc/src/resize.cpp, 4.x:
// cv::resize, cv::hal::resize, resizeNN, resizeGeneric_). See docs/scalers/opencv.md.
#pragma once

#include "scaling/kernel_table.hpp"

namespace sd::opencv {

// Scale factor s as OpenCV derives it: 1 / (n_out / n) in double (not n / n_out).
double source_step(int inputs, int outputs);

// True when s rounds (half to even) to `k` within DBL_EPSILON: OpenCV's "integer ratio" test.
bool is_integer_step(int inputs, int outputs, int k);

// INTER_NEAREST: source index min(floor(d * s), n - 1), no centre offset. One tap, weight 1.
KernelTable nearest_table(int inputs, int outputs);

// INTER_LINEAR: x = fl32((d + 0.5) s - 0.5), i = floor(x), f = x - i, weights (1 - f, f) in
// float32 and rne(w * 2048) in 11-bit fixed point. The horizontal axis moves taps that fall
// outside the image to the edge with f = 0; the vertical axis keeps f and clamps the rows.
KernelTable linear_table(int inputs, int outputs, bool horizontal);

}  // namespace sd::opencv
