// Per-axis tables of Pillow's Image.resize with the default box (0, 0, W, H) and
// reducing_gap=None. See docs/scalers/pillow.md.
#pragma once

#include <cstdint>
#include <vector>

#include "scaling/kernel_table.hpp"
#include "scaling/pillow/pillow_filters.hpp"

namespace sd::pillow {

// Fixed-point fraction bits of the 8-bit path (Resample.c: PRECISION_BITS = 32 - 8 - 2).
constexpr int kPrecisionBits = 22;

// One axis. Taps 0..count-1 of an output are the consecutive source pixels start..start+count-1
// (start = table.index(output, 0)); the rest of the row is zero-weight padding the passes skip.
// count 0 (nearest only) means the output reads no source pixel and stays 0.
struct AxisTable {
    KernelTable table;
    std::vector<int> count;
    bool needed = true;  // false when Pillow skips this axis' pass (size unchanged)
    // table.fixed again with each output's row widened to padded_taps (a multiple of 8) zeros
    // included, so the SIMD passes read whole vectors of weights; empty for nearest tables.
    std::vector<std::int32_t> padded_fixed;
    int padded_taps = 0;
};

// Resample.c: precompute_coeffs (double weights) + normalize_coeffs_8bpc (fixed weights).
// Sizes equal: the identity, because ImagingResampleInner skips the pass.
AxisTable filter_table(int inputs, int outputs, const Filter& filter);

// Geometry.c: ImagingScaleAffine's xintab, a running double sum of the step from a/2.
AxisTable nearest_table(int inputs, int outputs);

// Support width in source pixels: 2 * support * max(scale, 1) (Resample.c: precompute_coeffs).
double filter_width(int inputs, int outputs, const Filter& filter);

}  // namespace sd::pillow
