// Index and weight tables of OpenCV's cv::resize (modules/imgproc/src/resize.cpp, 4.x:
// cv::resize, cv::hal::resize, resizeNN, resizeNN_bitexact, computeResizeAreaTab).
// See docs/scalers/opencv.md.
#pragma once

#include "scaling/kernel_table.hpp"

namespace sd::opencv {

// The separable kernels of cv::hal::resize's generic path (resizeGeneric_).
enum class Interpolation { Linear, Cubic, Lanczos4 };

// Scale factor s as OpenCV derives it: 1 / (n_out / n) in double (not n / n_out).
double source_step(int inputs, int outputs);

// True when s rounds (half to even) to `k` within DBL_EPSILON: OpenCV's "integer ratio" test.
bool is_integer_step(int inputs, int outputs, int k);

// INTER_NEAREST: source index min(floor(d * s), n - 1), no centre offset. One tap, weight 1.
KernelTable nearest_table(int inputs, int outputs);

// INTER_NEAREST_EXACT (resizeNN_bitexact): 16.16 fixed-point step, centre pixel.
KernelTable nearest_exact_table(int inputs, int outputs);

// cv::hal::resize's tables for LINEAR (2 taps), CUBIC (4) and LANCZOS4 (8): position
// x = fl32((d + 0.5) s - 0.5) split into i = floor(x) and f = x - i (area mode: i = floor(d s),
// f from the cell boundary), taps clamp(i - K/2 + 1 + k), float32 weights and their
// rne(w * 2048) 11-bit fixed-point values. Only LINEAR (and area mode) on the horizontal axis
// moves taps that fall outside the image to the edge with f = 0.
KernelTable interpolation_table(Interpolation kind, int inputs, int outputs, bool horizontal, bool area_mode);

// INTER_LINEAR: interpolation_table(Linear, ..., area_mode = false).
KernelTable linear_table(int inputs, int outputs, bool horizontal);

// INTER_AREA with s >= 1 (computeResizeAreaTab): the source cells an output covers, with
// float32 weights (fraction covered / cell width), in OpenCV's order. Outputs have different
// tap counts; rows are padded at the end with zero-weight taps (index of the last real tap).
KernelTable area_table(int inputs, int outputs);

}  // namespace sd::opencv
