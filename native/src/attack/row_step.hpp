// The exact one-constraint problem every attack step reduces to (paper Eq. 4 for a single output
// pixel): min ||x - u||^2 s.t. lo <= x <= hi and a <= w.x <= b. Its solution is
// x(lambda) = clip(u + lambda * w, lo, hi) for the scalar lambda at which w.x(lambda) reaches the
// nearer end of [a, b] (0 when u already satisfies it); w.x(lambda) is piecewise linear and
// non-decreasing in lambda, so lambda is found exactly by walking its breakpoints.
#pragma once

#include <vector>

namespace sd::attack {

struct RowStep {
    double lambda = 0;
    bool reachable = true;  // false: no x in the box reaches [a, b]; lambda then saturates the box
};

// u, w, lo, hi have n entries (the support of one row). scratch is reused between calls.
RowStep solve_row_step(const double* u, const double* w, const double* lo, const double* hi, int n, double a, double b,
                       std::vector<double>& scratch);

// w.clip(u + lambda * w, lo, hi).
double row_value(const double* u, const double* w, const double* lo, const double* hi, int n, double lambda);

}  // namespace sd::attack
