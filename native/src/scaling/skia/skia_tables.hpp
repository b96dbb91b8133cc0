// Sample positions and weights of SkiaSharp 3.119's image shader (Skia m119) as SkPixmap::scalePixels
// (and so SKBitmap.Resize) runs it: a clamp-tiled SkImageShader whose local matrix is
// SkMatrix::RectToRect(source, target), drawn with SkBlendMode::kSrc through the raster pipeline.
// See docs/scalers/skiasharp.md for what each stage computes.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "scaling/kernel_table.hpp"

namespace sd::skia {

// The inverted local matrix along one axis, in float as SkMatrix computes it: RectToRect's scale
// f32(outputs / inputs), then invert()'s f32(1 / scale). It is not f32(inputs / outputs).
float inverse_scale(int inputs, int outputs);

// The source coordinate an output pixel samples: seed_shader's centre (i + 0.5), then
// matrix_scale_translate's one float multiply (the translation is -0).
float sample_position(int output, float inverse);

// Nearest (gather_8888 with roundDownAtInteger): the pixel left of or at the position, an exact
// integer position taking the pixel before it; clamped to the image. One tap, weight 1.
KernelTable nearest_table(int inputs, int outputs);
KernelTable nearest_table(int inputs, int outputs, float inverse);  // sampling a mip level

// Bilinear, the lowp bilerp_clamp_8888 stage: the position minus 0.5 in 16.16 fixed point
// (floor(65536 p + 0.5) - 32768); taps at its integer part and the next, clamped; the weight of
// the second tap is the 16-bit fraction f / 65536, which also crosses as a signed Q15 lerp factor
// `lerp` (f - 32768).
struct LinearTable {
    KernelTable table;            // taps (left, right), weights (1 - f / 65536, f / 65536)
    std::vector<std::int16_t> lerp;  // per output: f - 32768
};
LinearTable linear_table(int inputs, int outputs);
LinearTable linear_table(int inputs, int outputs, float inverse);  // sampling a mip level

// The highp sampling stages SKMipmapMode.Linear takes, at given positions (one per output):
// nearest (gather with roundDownAtInteger, one tap) and bilinear (bilinear_nx/px/ny/py: taps at
// p - 0.5 and p + 0.5, clamped and truncated, weights (1 - t, t) with t = fract(p + 0.5) in float).
KernelTable nearest_table_at(int inputs, const std::vector<float>& positions);
KernelTable highp_linear_table_at(int inputs, const std::vector<float>& positions);

// SkImageShader::CubicResamplerMatrix(B, C) in column-major order, as the stages read it:
// weight k of fraction t is w[k] + t (w[4 + k] + t (w[8 + k] + t w[12 + k])), computed in float.
using CubicCoefficients = std::array<float, 16>;
CubicCoefficients cubic_coefficients(float b, float c);

// Bicubic, the bicubic_clamp_8888 stage: four taps at floor(p - 1.5) .. + 3, clamped, weighted by
// the cubic of t = fract(p + 0.5) with float Horner steps (no fused multiply-add in the shipped
// build). Weights stored exactly (they are floats).
KernelTable cubic_table(int inputs, int outputs, const CubicCoefficients& w);

// Where SKCanvas.DrawImage(image, sourceRect, destRect) puts the whole source along one axis:
// outputs offset .. offset + size - 1 (offset may be negative; the target clips). Outputs outside
// are not drawn and keep the canvas's value.
struct DrawSpan {
    int offset;
    int size;
};

// Bicubic as cubic_table, drawn into a span: positions come from SkMatrix::RectToRect(source,
// span) inverted in float (scale 1 / f32(size / inputs), translation -offset times that, one
// multiply and one add per output). Outputs outside the span get no weight (an all-zero row).
KernelTable cubic_table(int inputs, int outputs, const CubicCoefficients& w, DrawSpan span);

}  // namespace sd::skia
