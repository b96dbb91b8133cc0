// min 1/2 ||x - s||^2  s.t.  lo <= x <= hi  and  a_i <= (W x)_i <= b_i  for every row i of W:
// the per-column problem of the strong attack (paper Eq. 4) with box bounds.
//
// Solved by exact coordinate ascent on the dual (Hildreth's method): x = clip(s + W^T lambda),
// and each step maximises the dual over one lambda_i in closed form (row_step.hpp). When the rows
// of W have disjoint supports the coordinates do not interact, so one sweep is the exact optimum;
// otherwise sweeps repeat, every few sweeps trying to finish with Newton steps: the system of the
// active constraints (active_set_polish.hpp) gives the direction, an exact line search on the dual
// (dual_line_search.hpp) the step, until the constraint violation is below the tolerance and the
// duality gap (sum_i complementarity, the certificate of optimality) is small. A Newton direction
// along which the dual rises without bound proves the problem infeasible (infeasibility_certificate.hpp).
#pragma once

#include <vector>

#include "attack/active_set_polish.hpp"
#include "attack/constraint_rows.hpp"
#include "attack/dual_line_search.hpp"

namespace sd::attack {

struct QpSettings {
    int max_sweeps = 200;
    double tolerance = 1e-3;  // largest allowed violation of a_i <= (Wx)_i <= b_i, grey levels
    // Stop as soon as the multipliers prove the problem infeasible (infeasibility_certificate.hpp),
    // instead of spending every sweep on a best effort the caller does not keep.
    bool stop_when_infeasible = false;
    // Start from the multipliers left in QpWorkspace::lambda (rows entries; e.g. the solution at a
    // neighbouring epsilon) instead of 0.
    bool warm_start = false;
};

struct QpResult {
    int sweeps = 0;
    bool feasible = true;      // every row reachable on its own, and the violation within tolerance
    double residual = 0;       // largest violation of the interval constraints by x
    double duality_gap = 0;    // 1/2||x-s||^2 minus the dual value (0 at the optimum)
    double objective = 0;      // 1/2||x-s||^2
    bool certified_infeasible = false;  // stopped early: no x meets the intervals within the tolerance
};

// Reusable buffers of one thread.
struct QpWorkspace {
    std::vector<double> v, lambda, u, lo, hi, scratch, saved, direction;
    PolishWorkspace polish;
    LineSearchWorkspace line_search;
};

QpResult solve_box_interval_qp(const ConstraintRows& w, const double* s, const double* lo, const double* hi,
                               const double* a, const double* b, const QpSettings& settings, QpWorkspace& work,
                               double* x);

}  // namespace sd::attack
