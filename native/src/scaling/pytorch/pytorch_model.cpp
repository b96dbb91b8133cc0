#include "scaling/pytorch/pytorch_model.hpp"

#include "core/errors.hpp"

namespace sd::pytorch {

std::unique_ptr<ScalingModel> create_model(const ModelParams&) {
    throw UnsupportedError("PyTorch models are not implemented yet");
}

}  // namespace sd::pytorch
