// Index and weight tables of PyTorch 1.13's F.interpolate on CPU (align_corners=False, float32):
// aten/src/ATen/native/UpSample.h and cpu/UpSampleKernel.cpp (HelperInterpNearest,
// HelperInterpNearestExact, HelperInterpLinear, HelperInterpCubic), AdaptiveAveragePooling.cpp.
// Every float32 rounding the kernels make is reproduced. See docs/scalers/pytorch.md.
#pragma once

#include <vector>

#include "scaling/kernel_table.hpp"

namespace sd::pytorch {

// UpSample.h area_pixel_compute_scale without scale_factor: f32(f32(n) / f32(m)), not n / m.
float scale_value(int inputs, int outputs);

// 'nearest' (nearest_idx): min(floor(f32(f32(i) * s)), n - 1). One tap, weight 1.
KernelTable nearest_table(int inputs, int outputs);

// 'nearest-exact' (nearest_exact_idx): centred, max(f32(f32(s * f32(i + 0.5)) - 0.5), 0) + 0.5, floored.
KernelTable nearest_exact_table(int inputs, int outputs);

// 'bilinear' without antialias (compute_source_index_and_lambda): two taps (i0, i1), weights
// (f32(1 - l1), l1) with l1 = f32(r - i0), r = max(s (i + 0.5) - 0.5, 0) in double.
KernelTable linear_table(int inputs, int outputs);

// 'bicubic' without antialias (HelperInterpCubic, get_cubic_upsample_coefficients): four taps
// floor(f32(r)) - 1 .. + 2 clamped to the image, Keys weights with A = -0.75 in float32 with
// the fused multiply-adds of the AVX2 build.
KernelTable cubic_table(int inputs, int outputs);

// antialias=True (HelperInterpLinear/Cubic::compute_indices_weights_aa, aa_filter): the window
// widened by max(s, 1), truncated at the borders, normalised in float32. Rows are padded with
// zero-weight taps to the widest window; `count` keeps each window's own length (torch's
// ids_size), which decides how the sums round. `cubic` selects Keys a = -0.5 instead of the triangle.
struct AntialiasTable {
    KernelTable table;
    std::vector<int> count;
};
AntialiasTable antialias_table(int inputs, int outputs, bool cubic);

// Width of the antialias kernel's support in source pixels: 2 * support (= 2 h max(s, 1)).
double antialias_width(int inputs, int outputs, bool cubic);

// 'area' = adaptive_avg_pool2d (AdaptiveAveragePooling.cpp start_index / end_index): window
// [floor(f32(i n) / f32(m)), ceil(f32((i + 1) n) / f32(m))). Taps padded to the widest window;
// weights 1 / window (the matrix form; the kernel sums and divides like torch).
struct AreaWindows {
    std::vector<int> start;
    std::vector<int> end;
    int widest = 0;
};
AreaWindows area_windows(int inputs, int outputs);
KernelTable area_table(const AreaWindows& windows, int inputs);

}  // namespace sd::pytorch
