// Coefficient matrices L (vertical) and R^T (horizontal) as Eigen sparse row-major matrices.
#pragma once

#include <Eigen/SparseCore>

#include "scaling/kernel_table.hpp"

namespace sd {

using CoefficientMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor, std::int32_t>;

// Sums duplicate taps (clamped borders), drops zero weights. fixed_scale > 0 builds the matrix
// from the fixed-point weights divided by fixed_scale; otherwise from the float weights.
CoefficientMatrix to_matrix(const KernelTable& table, double fixed_scale);

}  // namespace sd
