// Model of TensorFlow 2's tf.image.resize (Library::TensorFlow) and TensorFlow 1's
// tf.compat.v1.image.resize_images (Library::TensorFlow1). See docs/scalers/tensorflow.md.
#pragma once

#include <memory>

#include "scaling/scaling_model.hpp"

namespace sd::tensorflow {

std::unique_ptr<ScalingModel> create_model(const ModelParams& params);

}  // namespace sd::tensorflow
