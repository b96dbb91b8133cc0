// PyTorch 1.13's CPU interpolation arithmetic on interleaved float32 images (one call per code
// path). Channels are independent, as for an NCHW tensor. See docs/scalers/pytorch.md.
#pragma once

#include "core/image_ref.hpp"
#include "scaling/kernel_table.hpp"
#include "scaling/pytorch/pytorch_tables.hpp"

namespace sd::pytorch {

using FloatSource = ImageRef<const float>;
using FloatTarget = ImageRef<float>;

// 'nearest' and 'nearest-exact': each output copies one source pixel (one-tap tables).
void resize_gather(const FloatSource& source, const FloatTarget& target, const KernelTable& x, const KernelTable& y);

// 'bilinear' (upsample_generic_Nd_kernel_impl): per pair a*wa + b*wb = fma(a, wa, f32(b wb)),
// width inside, height outside. A one-channel image takes cpu_upsample_linear_channels_last's
// arithmetic instead: weights f32(wy wx) and the four-term sum rounded once.
void resize_linear(const FloatSource& source, const FloatTarget& target, const KernelTable& x, const KernelTable& y);

// 'bicubic' (upsample_generic_Nd_kernel_impl with HelperInterpCubic): 4x4 taps, each 4-term sum
// fma(t3, w3, fma(t2, w2, fma(t0, w0, f32(t1 w1)))), width inside, height outside.
void resize_cubic(const FloatSource& source, const FloatTarget& target, const KernelTable& x, const KernelTable& y);

// antialias=True (separable_upsample_generic_Nd_kernel_impl): width pass (skipped when the
// width is unchanged) into a float32 buffer, then height pass (skipped when unchanged). Each
// output sums its window left to right as the AVX2 build compiles interpolate_aa_single_dim's
// `output += t * wts`: t = x0 w0; then the first 4 floor((count - 1) / 4) terms are rounded
// products added one by one (the vectorised part of the loop), the remaining ones fused
// multiply-adds (its scalar tail). Found by testing against torch 1.13.1; bit-exact there.
void resize_separable(const FloatSource& source, const FloatTarget& target, const AntialiasTable& x,
                      const AntialiasTable& y);

// 'area' (cpu_adaptive_avg_pool): float32 sum over the window rows then columns, then
// f32(f32(sum / kh) / kw).
void resize_area(const FloatSource& source, const FloatTarget& target, const AreaWindows& x, const AreaWindows& y);

}  // namespace sd::pytorch
