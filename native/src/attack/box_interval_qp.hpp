// min 1/2 ||x - s||^2  s.t.  lo <= x <= hi  and  a_i <= (W x)_i <= b_i  for every row i of W:
// the per-column problem of the strong attack (paper Eq. 4) with box bounds.
//
// Solved by exact coordinate ascent on the dual (Hildreth's method): x = clip(s + W^T lambda),
// and each step maximises the dual over one lambda_i in closed form (row_step.hpp). When the rows
// of W have disjoint supports the coordinates do not interact, so one sweep is the exact optimum;
// otherwise sweeps repeat, every few sweeps trying to finish exactly by solving the system of the
// active constraints (active_set_polish.hpp), until the constraint violation is below the
// tolerance and the duality gap (sum_i complementarity, the certificate of optimality) is small.
#pragma once

#include <vector>

#include "attack/active_set_polish.hpp"
#include "attack/constraint_rows.hpp"

namespace sd::attack {

struct QpSettings {
    int max_sweeps = 200;
    double tolerance = 1e-3;  // largest allowed violation of a_i <= (Wx)_i <= b_i, grey levels
};

struct QpResult {
    int sweeps = 0;
    bool feasible = true;      // every row reachable on its own, and the violation within tolerance
    double residual = 0;       // largest violation of the interval constraints by x
    double duality_gap = 0;    // 1/2||x-s||^2 minus the dual value (0 at the optimum)
    double objective = 0;      // 1/2||x-s||^2
};

// Reusable buffers of one thread.
struct QpWorkspace {
    std::vector<double> v, lambda, u, lo, hi, scratch, saved, trial;
    PolishWorkspace polish;
};

QpResult solve_box_interval_qp(const ConstraintRows& w, const double* s, const double* lo, const double* hi,
                               const double* a, const double* b, const QpSettings& settings, QpWorkspace& work,
                               double* x);

}  // namespace sd::attack
