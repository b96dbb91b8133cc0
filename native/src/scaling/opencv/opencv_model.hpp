// Model of OpenCV's cv::resize (4.x; verified against 4.13 as shipped by OpenCvSharp4).
#pragma once

#include <memory>

#include "scaling/scaling_model.hpp"

namespace sd::opencv {

std::unique_ptr<ScalingModel> create_model(const ModelParams& params);

}  // namespace sd::opencv
