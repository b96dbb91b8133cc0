// Per-axis tables of TensorFlow's resize ops, computed in TF's float32 arithmetic.
// Each table holds the taps exactly as the op applies them; `count` says how many taps of
// each output the op really visits (area and ScaleAndTranslate have varying supports).
#pragma once

#include <vector>

#include "scaling/kernel_table.hpp"

namespace sd::tensorflow {

struct AxisTable {
    KernelTable taps;        // source index (clamped) and float32 weight (stored exactly as double)
    std::vector<int> count;  // taps visited per output (<= taps.taps)
};

// image_resizer_state.h: CalculateResizeScale (align_corners=False): fl(n) / fl(m).
float resize_scale(int inputs, int outputs);

// resize_nearest_neighbor_op.cc: ResizeNearestNeighbor<CPUDevice> with LegacyScaler (TF1: floor(p*b))
// or HalfPixelScalerForNN (TF2: max(0, floor((p+0.5)*b))), both min(., n-1). One tap.
AxisTable nearest_table(int inputs, int outputs, bool half_pixel);

// resize_bilinear_op.cc: compute_interpolation_weights. Taps (lower, upper); weights (1-lerp, lerp),
// so weight[1] is TF's float32 lerp.
AxisTable bilinear_table(int inputs, int outputs, bool half_pixel);

// resize_bicubic_op.cc: GetWeightsAndIndices. TF1 (legacy): a = -0.75, clamped taps; TF2 (half-pixel):
// a = -0.5, taps outside the image get weight 0 and the four are renormalised.
AxisTable bicubic_table(int inputs, int outputs, bool half_pixel);

// resize_area_op.cc: ResizeAreaOp::Compute (x_interps) and ComputeLoop (y_scales): coverage of
// [p*b, (p+1)*b) per source pixel, not yet divided by b.
AxisTable area_table(int inputs, int outputs);

// scale_and_translate_op.cc: ComputeSpansCore with translation 0 and scale fl(m)/fl(n).
enum class SpanKernel { Triangle, KeysCubic, Lanczos3, Lanczos5, Gaussian, MitchellCubic };
AxisTable span_table(int inputs, int outputs, SpanKernel kernel, bool antialias);

// sampling_kernels.h: Radius() of each kernel.
float span_kernel_radius(SpanKernel kernel);

// The inverse scale ComputeSpansCore samples with: fl(1.0 / (fl(m) / fl(n))) (double division).
float span_inverse_scale(int inputs, int outputs);

// sampling_kernels.h: the kernel functions, float32 as TF evaluates them.
float span_kernel_value(SpanKernel kernel, float x);

// resize_bicubic_op.cc: InitCoeffsTable: entry 2k is W(k/1024), entry 2k+1 is W(1 + k/1024).
const std::vector<float>& bicubic_coefficients(bool keys);

}  // namespace sd::tensorflow
