#include <stdexcept>

#include "scaling/opencv/opencv_model.hpp"
#include "scaling/scaling_model.hpp"

namespace sd {

std::unique_ptr<ScalingModel> create_scaling_model(const ModelParams& params) {
    switch (params.library) {
        case Library::OpenCV: return opencv::create_model(params);
    }
    throw std::invalid_argument("unknown scaling library");
}

}  // namespace sd
