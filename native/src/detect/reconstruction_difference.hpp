// The "clean filter" detector (Quiring et al., ACSAC 2023): an attack image only turns into its
// target through the pixels a scaler reads (P); rebuilding P from its neighbours destroys that,
// so scale(X) and scale(reconstruct(X)) differ far more for an attack image than for a photo.
#pragma once

#include <cstdint>

#include "core/image_ref.hpp"
#include "defense/considered_pixels.hpp"
#include "defense/filter_window.hpp"
#include "scaling/scaling_model.hpp"

namespace sd {

// WeightedMedian is the median filter run on the heavy pixels: the caller passes that set as p.
enum class ReconstructionFilter { Median = 1, Random = 2, WeightedMedian = 4 };

// Root mean square difference, in grey levels over every output sample, between the model's
// scaled source and its scaled reconstruction. The 8-bit path is used where the model has one,
// the float path (on the same 8-bit values) otherwise. 0 when P leaves nothing to rebuild.
double reconstruction_difference(const ScalingModel& model, const ConsideredPixels& p,
                                 const ImageRef<const std::uint8_t>& source, ReconstructionFilter filter,
                                 WindowKind window, std::uint64_t seed, int threads);

}  // namespace sd
