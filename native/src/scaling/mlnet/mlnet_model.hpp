// The model of ML.NET 6's ResizeImages: SkiaSharp underneath (docs/scalers/mlnet.md).
#pragma once

#include <memory>

#include "scaling/scaling_model.hpp"

namespace sd::mlnet {

std::unique_ptr<ScalingModel> create_model(const ModelParams& params);

}  // namespace sd::mlnet
