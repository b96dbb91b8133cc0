// Exact finish for the overlapping case. Coordinate ascent identifies the active constraints and
// the clipped pixels long before its multipliers converge (it is Gauss-Seidel on W W^T, slow when
// that matrix is ill-conditioned, as for wide kernels); with both sets fixed the optimum solves a
// banded linear system: W_AF W_AF^T lambda_A = g_A - W_AC x_C - W_AF s_F. The same system with the
// gradient on the right gives the Newton step the solver's finish takes with a line search
// (box_interval_qp.cpp, dual_line_search.hpp).
#pragma once

#include <vector>

#include "attack/constraint_rows.hpp"

namespace sd::attack {

struct PolishWorkspace {
    std::vector<int> active, first, last, position;
    std::vector<double> goal, band, rhs, dense;
    std::vector<char> free, pinned, dropped;
};

// Which rows enter the system.
enum class ActiveRule {
    PrimalDual,  // Hintermueller-Ito-Kunisch: a bound is active when its multiplier plus its violation
                 // is positive (the next sets)
    Sign,        // the current piece of the dual: rows with lambda_i != 0 at the bound of its sign, and
                 // rows at lambda_i = 0 that are violated; the result minus lambda is a Newton direction
};

// Replaces lambda (rows entries) by the solution of the system for the sets read off v = s + W^T lambda
// and the current (Wx)_i (Sign: by lambda plus the Newton step). Returns false (lambda untouched) when
// no row can enter the system or all that do are dependent.
bool polish_active_set(const ConstraintRows& w, const double* s, const double* lo, const double* hi, const double* a,
                       const double* b, const double* v, const double* x, ActiveRule rule, PolishWorkspace& work,
                       double* lambda);

}  // namespace sd::attack
