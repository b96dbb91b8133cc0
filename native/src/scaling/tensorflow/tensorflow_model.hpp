// Model of TensorFlow (2 and 1) resize. See docs/scalers/.
#pragma once

#include <memory>

#include "scaling/scaling_model.hpp"

namespace sd::tensorflow {

std::unique_ptr<ScalingModel> create_model(const ModelParams& params);

}  // namespace sd::tensorflow
