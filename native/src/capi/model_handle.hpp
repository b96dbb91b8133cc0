// What an sd_scaling_model handle holds: the model, its set P and its heavily weighted pixels, computed once at creation
// so that reconstruction calls do no analysis work.
#pragma once

#include <memory>

#include "defense/considered_pixels.hpp"
#include "scaledefense/scaledefense.h"
#include "scaling/scaling_model.hpp"

struct sd_scaling_model {
    std::unique_ptr<const sd::ScalingModel> model;
    sd::ConsideredPixels considered;
    sd::ConsideredPixels heavy;  // SD_RECONSTRUCTION_WEIGHTED_MEDIAN's set
};
