#include "attack/constraint_rows.hpp"

#include <algorithm>

namespace sd::attack {

ConstraintRows to_constraint_rows(const CoefficientMatrix& matrix) {
    ConstraintRows rows;
    rows.inputs = static_cast<int>(matrix.cols());
    rows.offsets.push_back(0);
    std::vector<int> readers(static_cast<size_t>(rows.inputs), 0);
    for (int r = 0; r < matrix.rows(); ++r) {
        for (CoefficientMatrix::InnerIterator it(matrix, r); it; ++it) {
            if (it.value() == 0) continue;
            rows.indices.push_back(static_cast<std::int32_t>(it.col()));
            rows.weights.push_back(it.value());
            if (++readers[static_cast<size_t>(it.col())] > 1) rows.disjoint = false;
        }
        rows.offsets.push_back(static_cast<std::int32_t>(rows.indices.size()));
        rows.max_support = std::max(rows.max_support, rows.offsets[r + 1] - rows.offsets[r]);
    }
    return rows;
}

}  // namespace sd::attack
