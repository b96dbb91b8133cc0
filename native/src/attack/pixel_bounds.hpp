// Per-pixel box bounds of one problem: [0, 255] for the plain attack; for the limited-change
// attack (paper section 5.3.1) the k pixels of highest weight in each kernel (row of W) are free in
// [0, 255] and every other pixel stays within +-max_change of its source value.
#pragma once

#include <vector>

#include "attack/constraint_rows.hpp"

namespace sd::attack {

// 1 for the inputs that are among the `free_pixels` largest weights of some row (ties: lower index).
std::vector<char> free_pixel_mask(const ConstraintRows& w, int free_pixels);

// Fills lo/hi (w.inputs entries) around s. An empty mask means no limit: [0, 255] everywhere.
void pixel_bounds(const std::vector<char>& free_mask, double max_change, const double* s, int n, double* lo,
                  double* hi);

}  // namespace sd::attack
