// A Farkas certificate that the box-interval problem has no solution, checkable in O(nnz).
//
// For any multipliers y (y_i > 0: row i must reach a_i, y_i < 0: it must stay below b_i), every x with
// a <= Wx <= b has y.Wx >= sum_i (y_i > 0 ? y_i a_i : y_i b_i), while every x in the box has
// y.Wx = c.x <= sum_j max(c_j lo_j, c_j hi_j) with c = W^T y. When the first bound exceeds the second
// no x satisfies both. Where the problem is infeasible the dual is unbounded: the exact line search
// along a Newton direction finds no maximum (dual_line_search.hpp), and that direction is tried as y.
#pragma once

#include "attack/constraint_rows.hpp"

namespace sd::attack {

// True when y (rows entries) with c = W^T y (inputs entries) proves that no x in [lo, hi] satisfies
// a_i - tolerance <= (Wx)_i <= b_i + tolerance for every row: then no solver could meet the tolerance.
bool certifies_infeasible(const ConstraintRows& w, const double* y, const double* c, const double* lo,
                          const double* hi, const double* a, const double* b, double tolerance);

}  // namespace sd::attack
