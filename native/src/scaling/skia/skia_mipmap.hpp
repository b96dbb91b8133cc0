// SkiaSharp's mip pyramid (SkMipmap::Build with the 8888 HQ downsampler) and the level
// SkMipmapAccessor picks for SKMipmapMode.Nearest. docs/scalers/skiasharp.md.
#pragma once

#include <cstdint>
#include <vector>

#include "core/image_ref.hpp"
#include "core/types.hpp"
#include "scaling/kernel_table.hpp"

namespace sd::skia {

// Levels below the base (SkMipmap::ComputeLevelCount): floor(log2(max(w, h))), 0 below 2.
int mip_level_count(Size base);

// The size of level k (0 = the base): max(1, w >> k) by max(1, h >> k).
Size mip_level_size(Size base, int level);

// SKMipmapMode.Nearest: SkMipmap::ComputeLevel of the smaller of the two scales (1 / inverse,
// float), L = max(-log2(scale) - 0.5, 0), rounded (floor(L + 0.5)); 0 when the scale is not a
// downscale or the pyramid has no such level (the base is sampled then, as without mipmaps).
int nearest_mip_level(Size base, float inverse_x, float inverse_y);

// SKMipmapMode.Linear: the level above (floor of L) and the weight of the one below (fract of L),
// 0 when L <= 0 or there is no level below (SkMipmapAccessor then samples the upper level alone).
struct LinearMip {
    int upper = 0;
    float lower_weight = 0.0f;
};
LinearMip linear_mip_levels(Size base, float inverse_x, float inverse_y);

// The inverse scale of sampling level `level` (size `level_size`) for outputs of a base-size
// image: the level's scale (level / base, float) times the base inverse, one float product.
float level_inverse(int level_inputs, int base_inputs, float base_inverse);

// One level down along an axis: 2 taps (1/2, 1/2) from an even size, 3 taps (1/4, 1/2, 1/4)
// from an odd size above 1, 1 tap from size 1. The matrix form of the downsampler.
KernelTable downsample_table(int inputs);

// One level down (downsample_{1,2,3}_{1,2,3}): per channel the integer sum of the taps times
// their weights (1, 1 or 1, 2, 1 per axis) shifted right by log2 of the total weight (truncating).
void downsample(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target);

// A sampling table of level k composed with the k downsampling steps below it: the base-level
// weights of each output (rows padded with zero weights to the widest one). All weights are
// dyadic, so the sums are exact.
KernelTable compose_with_pyramid(const KernelTable& sampling, int base_inputs, int levels);

// (1 - weight) upper + weight lower, row by row (both on the base image, padded like the inputs).
KernelTable blend_tables(const KernelTable& upper, const KernelTable& lower, float weight);

}  // namespace sd::skia
