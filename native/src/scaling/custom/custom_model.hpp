// A model of any separable linear scaler given as its matrices (a probed scaler, or matrices a
// caller computed): scale(X) = L·X·R in float32, the horizontal pass first. It predicts a scaler;
// it reproduces no library's rounding. src/ScaleDefense/Managed/Custom/ is its managed twin.
#pragma once

#include <memory>

#include "scaling/scaling_model.hpp"

namespace sd::custom {

// vertical = L (target height x source height), horizontal = R^T (target width x source width),
// both already checked: finite weights, every row with a non-zero weight.
std::unique_ptr<ScalingModel> create_model(CoefficientMatrix vertical, CoefficientMatrix horizontal);

}  // namespace sd::custom
