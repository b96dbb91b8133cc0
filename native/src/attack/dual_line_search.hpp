// Exact line search on the dual of the box-interval problem (box_interval_qp.hpp).
//
// The dual g(lambda) = min over the box of 1/2||x - s||^2 - lambda.Wx + sum_i (lambda_i > 0 ? lambda_i a_i :
// lambda_i b_i) is concave and piecewise quadratic. Along a direction d its derivative
// phi'(t) = sum_i d_i goal_i(t) - c.x(t), with c = W^T d and x(t) = clip(v + t c), is piecewise linear
// and non-increasing: each pixel adds -c_j^2 to its slope while inside its box, and each multiplier
// crossing 0 drops it by |d_i| (b_i - a_i) (its goal switches ends). Walking those events finds the
// maximiser exactly, which turns the active-set system's solution (a Newton direction) into a step
// that never lowers the dual: the finish converges where the plain active-set iteration cycles.
#pragma once

#include <vector>

#include "attack/constraint_rows.hpp"

namespace sd::attack {

struct LineSearchEvent {
    double at;            // t at which it happens
    double slope_change;  // of phi' (a pixel entering or leaving its box)
    double jump;          // of phi' (a multiplier crossing 0)
};

struct LineSearchWorkspace {
    std::vector<double> c;  // W^T d
    std::vector<LineSearchEvent> events;
};

// The step t >= 0 that maximises g(lambda + t d), with v = s + W^T lambda. Returns a negative value when
// g still rises as t grows without bound (the problem is infeasible along d).
double dual_line_search(const ConstraintRows& w, const double* lambda, const double* d, const double* v,
                        const double* lo, const double* hi, const double* a, const double* b,
                        LineSearchWorkspace& work);

}  // namespace sd::attack
