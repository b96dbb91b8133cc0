// Model of Pillow's Image.resize (9.4; reducing_gap=None, default box). See docs/scalers/pillow.md.
#pragma once

#include <memory>

#include "scaling/scaling_model.hpp"

namespace sd::pillow {

std::unique_ptr<ScalingModel> create_model(const ModelParams& params);

}  // namespace sd::pillow
