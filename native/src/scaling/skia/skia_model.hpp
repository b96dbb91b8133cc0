// The model of SkiaSharp 3.119's SKBitmap.Resize / SKPixmap.ScalePixels (docs/scalers/skiasharp.md).
#pragma once

#include <memory>

#include "scaling/scaling_model.hpp"
#include "scaling/skia/skia_tables.hpp"

namespace sd::skia {

std::unique_ptr<ScalingModel> create_model(const ModelParams& params);

// A bicubic draw of the whole source into a rectangle of a zeroed target, as
// SKCanvas.DrawImage(image, sourceRect, destRect, sampling) does: what ML.NET's ResizeImages runs.
struct CubicDraw {
    DrawSpan x, y;
    float b, c;  // SKCubicResampler's B and C
};
std::unique_ptr<ScalingModel> create_drawing_model(const ModelParams& params, const CubicDraw& draw);

}  // namespace sd::skia
