#include "scaling/tensorflow/tensorflow_model.hpp"

#include "core/errors.hpp"

namespace sd::tensorflow {

std::unique_ptr<ScalingModel> create_model(const ModelParams&) {
    throw UnsupportedError("TensorFlow (2 and 1) models are not implemented yet");
}

}  // namespace sd::tensorflow
