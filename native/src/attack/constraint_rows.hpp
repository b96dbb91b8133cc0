// The rows of one coefficient matrix (L, or R transposed) as the constraints of the per-column
// problems, with whether their supports overlap (which decides exact closed form vs iteration).
#pragma once

#include <cstdint>
#include <vector>

#include "scaling/coefficient_matrix.hpp"

namespace sd::attack {

struct ConstraintRows {
    std::vector<std::int32_t> offsets;  // rows + 1
    std::vector<std::int32_t> indices;  // ascending within a row
    std::vector<double> weights;
    int inputs = 0;
    bool disjoint = true;  // no input index is read by two rows
    int max_support = 0;

    int rows() const { return static_cast<int>(offsets.size()) - 1; }
};

ConstraintRows to_constraint_rows(const CoefficientMatrix& matrix);

}  // namespace sd::attack
