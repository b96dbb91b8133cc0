#include <string>

#include "core/errors.hpp"
#include "scaling/catalog.hpp"
#include "scaling/opencv/opencv_model.hpp"
#include "scaling/pillow/pillow_model.hpp"
#include "scaling/pytorch/pytorch_model.hpp"
#include "scaling/scaling_model.hpp"
#include "scaling/mlnet/mlnet_model.hpp"
#include "scaling/skia/skia_model.hpp"
#include "scaling/tensorflow/tensorflow_model.hpp"

namespace sd {

void ScalingModel::scale(const ImageRef<const std::uint8_t>&, const ImageRef<std::uint8_t>&) const {
    throw UnsupportedError(std::string(library_name(params_.library)) + " " + algorithm_name(params_.algorithm) +
                           " has no 8-bit path in this model; scale float32 images");
}

void ScalingModel::scale(const ImageRef<const float>&, const ImageRef<float>&) const {
    throw UnsupportedError(std::string(library_name(params_.library)) + " " + algorithm_name(params_.algorithm) +
                           " has no float32 path in this model; scale 8-bit images");
}

std::unique_ptr<ScalingModel> create_scaling_model(const ModelParams& params) {
    check_supported(params);
    switch (params.library) {
        case Library::OpenCV: return opencv::create_model(params);
        case Library::Pillow: return pillow::create_model(params);
        case Library::TensorFlow:
        case Library::TensorFlow1: return tensorflow::create_model(params);
        case Library::PyTorch: return pytorch::create_model(params);
        case Library::SkiaSharp: return skia::create_model(params);
        case Library::MlNet: return mlnet::create_model(params);
        case Library::Custom: break;  // built from matrices (custom::create_model), never from parameters
    }
    throw std::invalid_argument("unknown scaling library");
}

}  // namespace sd
