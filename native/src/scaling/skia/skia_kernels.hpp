// SkiaSharp 3.119's raster-pipeline arithmetic for 8-bit images (RGBA/BGRA 8888: every channel is
// computed alike, so 1 to 4 interleaved channels are served; with 4 the last is alpha).
#pragma once

#include <cstdint>

#include "core/image_ref.hpp"
#include "scaling/kernel_table.hpp"
#include "scaling/skia/skia_tables.hpp"

namespace sd::skia {

using ByteSource = ImageRef<const std::uint8_t>;
using ByteTarget = ImageRef<std::uint8_t>;

// Nearest: each output copies one source pixel (one-tap tables).
void resize_gather(const ByteSource& source, const ByteTarget& target, const KernelTable& x, const KernelTable& y);

// lowp bilerp_clamp_8888: each channel v is widened to v << 7, each row pair lerped with a
// rounding Q15 multiply (x * lerp + 2^14) >> 15, halved with rounding; then the two rows lerped
// the same way and (sum + 128) >> 8.
void resize_linear(const ByteSource& source, const ByteTarget& target, const LinearTable& x, const LinearTable& y);

// highp bicubic_clamp_8888: samples v * (1/255) in float, 16 products wx * wy accumulated row by
// row with a separate multiply and add; clamp_gamut (alpha to 0..1, colour to 0..alpha with 4
// channels, 0..1 otherwise); store_8888 rounds v * 255 to nearest, ties to even.
void resize_cubic(const ByteSource& source, const ByteTarget& target, const KernelTable& x, const KernelTable& y);

// SKMipmapMode.Linear (highp): each level sampled with its one- or two-tap tables, samples
// v * (1/255), the products (wx * wy) * v summed with a separate multiply and add (y outer);
// then (lower - upper) * weight + upper, clamped to 0..1, v * 255 rounded to nearest even.
// `lower` may be null (the upper level alone).
struct LevelSampling {
    ImageRef<const std::uint8_t> image;
    const KernelTable* x;
    const KernelTable* y;
};
void resize_mip_linear(const LevelSampling& upper, const LevelSampling* lower, float weight, const ByteTarget& target);

}  // namespace sd::skia
