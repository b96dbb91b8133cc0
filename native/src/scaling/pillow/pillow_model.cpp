#include "scaling/pillow/pillow_model.hpp"

#include "core/errors.hpp"

namespace sd::pillow {

std::unique_ptr<ScalingModel> create_model(const ModelParams&) {
    throw UnsupportedError("Pillow models are not implemented yet");
}

}  // namespace sd::pillow
