// Step 3 of the attack: after rounding A to 8 bits, scale it with the exact model (the library's
// own fixed-point or float arithmetic) and, where an output leaves its column's epsilon, nudge the
// source pixel with the largest weight L_iy * R_jx in that output's kernel until it is back.
#pragma once

#include <cstdint>
#include <vector>

#include "attack/constraint_rows.hpp"
#include "core/image_ref.hpp"
#include "scaling/scaling_model.hpp"

namespace sd::attack {

struct RepairOutcome {
    std::int64_t repaired_pixels = 0;
    std::int64_t outputs_off = 0;
    double max_error = 0;
};

// lo/hi: per-sample bounds of A (interleaved like attack, packed: (y * width + x) * channels + c).
RepairOutcome repair_rounding(const ScalingModel& model, const ConstraintRows& vertical,
                              const ConstraintRows& horizontal, const ImageRef<const std::uint8_t>& target,
                              const std::vector<float>& epsilon_per_column, const std::vector<std::uint8_t>& lo,
                              const std::vector<std::uint8_t>& hi, int rounds, const ImageRef<std::uint8_t>& attack);

}  // namespace sd::attack
