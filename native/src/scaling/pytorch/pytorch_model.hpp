// Model of PyTorch's torch.nn.functional.interpolate on CPU (1.13; align_corners=False, no
// scale_factor, float32 only). See docs/scalers/pytorch.md.
#pragma once

#include <memory>

#include "scaling/scaling_model.hpp"

namespace sd::pytorch {

std::unique_ptr<ScalingModel> create_model(const ModelParams& params);

}  // namespace sd::pytorch
