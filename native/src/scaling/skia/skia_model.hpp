// The model of SkiaSharp 3.119's SKBitmap.Resize / SKPixmap.ScalePixels (docs/scalers/skiasharp.md).
#pragma once

#include <memory>

#include "scaling/scaling_model.hpp"

namespace sd::skia {

std::unique_ptr<ScalingModel> create_model(const ModelParams& params);

}  // namespace sd::skia
