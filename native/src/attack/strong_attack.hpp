// The strong image-scaling attack of Xiao et al. (paper section 2.2.3, Eq. 1-4), optionally with
// the limited-change constraint of section 5.3.1, on a model's real coefficient matrices.
//
// Libraries scale horizontally first (S -> S R) and then vertically (-> L S R); the attack runs in
// reverse order:
//   1. vertical step: S' = S R (the horizontally scaled source, source_h x target_w); for every
//      column j of S' and every channel solve min ||A'_j - S'_j||^2 s.t. |L A'_j - T_j| <= eps_j;
//   2. horizontal step: for every row y of S and every channel solve
//      min ||A_y - S_y||^2 s.t. |A_y R - A'_y| <= horizontal band;
//   3. round A to 8 bits and repair through the exact model until |scale(A) - T| <= eps_j.
// eps_j starts at the requested epsilon and is raised by epsilon_step (up to max_epsilon) for the
// columns whose problem is infeasible.
#pragma once

#include <cstdint>

#include "core/image_ref.hpp"
#include "scaling/scaling_model.hpp"

namespace sd::attack {

// Half-widths of the real-valued bands: the vertical step aims at eps - kRoundingReserve so that
// the horizontal step (kHorizontalBand) and the 8-bit rounding of A stay within the output's
// rounding half-step in most pixels; the repair handles the rest.
inline constexpr double kRoundingReserve = 0.25;
inline constexpr double kHorizontalBand = 0.25;

// Upper bound of the epsilon schedule's length, 1 + ceil((max_epsilon - kHorizontalBand) / epsilon_step);
// bisection makes a long schedule cheap, the bound keeps every level an int.
inline constexpr int kMaxEpsilonLevels = 100000;

struct AttackSettings {
    double epsilon = 1;
    double max_epsilon = 50;
    double epsilon_step = 1;
    int threads = 0;            // 0..kMaxThreads; 0: every core (at most kMaxThreads)
    bool limited_change = false;  // section 5.3.1
    int free_pixels = 2;        // limited change: pixels per kernel (the highest weights) free in [0, 255]
    double max_change = 10;     // limited change: every other pixel within +-max_change of the source
    int max_sweeps = 200;
    double tolerance = 1e-3;
    int repair_rounds = 16;
};

struct AttackStats {
    double max_duality_gap = 0;        // over all problems, squared grey levels
    double max_relative_gap = 0;       // gap / max(objective, 1)
    double max_residual = 0;           // largest interval violation left by the solver
    std::int64_t total_sweeps = 0;
    int max_sweeps = 0;                // of a single problem
    bool vertical_disjoint = false;    // the closed form was exact for the vertical step
    bool horizontal_disjoint = false;  // ... and for the horizontal step
    int columns_raised = 0;            // columns that needed more than the requested epsilon
    int columns_infeasible = 0;        // columns infeasible even at max_epsilon (best effort kept)
    int rows_raised = 0;               // horizontal-step rows whose band had to be widened
    double max_row_band = 0;
    std::int64_t repaired_pixels = 0;  // source pixels nudged after rounding
    std::int64_t outputs_off = 0;      // outputs still beyond their column's epsilon after repair
    double max_error = 0;              // largest |scale(A) - T| through the exact model
};

// source: the model's source size; target: its target size, same channels; attack: like source.
// epsilon_per_column receives target_width values.
void strong_attack(const ScalingModel& model, const AttackSettings& settings,
                   const ImageRef<const std::uint8_t>& source, const ImageRef<const std::uint8_t>& target,
                   const ImageRef<std::uint8_t>& attack, float* epsilon_per_column, AttackStats& stats);

}  // namespace sd::attack
