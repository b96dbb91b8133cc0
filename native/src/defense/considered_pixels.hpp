// The set P of source pixels a scaler reads: P = rows x columns, from the non-zero weights of
// L and R (paper, section 4.3). Scaling is separable, so P is a grid.
#pragma once

#include <cstdint>
#include <vector>

#include "scaling/scaling_model.hpp"

namespace sd {

struct ConsideredPixels {
    std::vector<std::int32_t> rows;     // ascending source rows with a weight in L
    std::vector<std::int32_t> columns;  // ascending source columns with a weight in R
    std::vector<std::uint8_t> row_in_p;     // height flags
    std::vector<std::uint8_t> column_in_p;  // width flags
    double ratio_x = 1;  // beta_h
    double ratio_y = 1;  // beta_v

    bool contains(int y, int x) const { return row_in_p[y] && column_in_p[x]; }
    // Every pixel is read (r = 1): there is nothing outside P to rebuild from.
    bool covers_image() const { return rows.size() == row_in_p.size() && columns.size() == column_in_p.size(); }
    std::int64_t size() const { return static_cast<std::int64_t>(rows.size()) * static_cast<std::int64_t>(columns.size()); }
};

// From the matrices of the model's 8-bit path when it has one, else its float path.
ConsideredPixels considered_pixels(const ScalingModel& model);

// A heavy pixel weighs at least this many times a uniform kernel's 1/beta somewhere.
inline constexpr double kHeavyFactor = 1.5;

// The heavily weighted pixels (the weighted-P reconstruction's set, for scalers whose P is the
// whole image): rows x columns whose largest |weight| in L (R) is >= kHeavyFactor / beta; an axis
// with beta < 1.5 has none. The managed twin is WeightedReconstruction.HeavyPixels.
ConsideredPixels heavy_pixels(const ScalingModel& model);

}  // namespace sd
