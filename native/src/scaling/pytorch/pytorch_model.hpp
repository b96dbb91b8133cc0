// Model of PyTorch resize. See docs/scalers/.
#pragma once

#include <memory>

#include "scaling/scaling_model.hpp"

namespace sd::pytorch {

std::unique_ptr<ScalingModel> create_model(const ModelParams& params);

}  // namespace sd::pytorch
