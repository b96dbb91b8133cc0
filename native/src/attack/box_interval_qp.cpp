#include "attack/box_interval_qp.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "attack/active_set_polish.hpp"
#include "attack/dual_line_search.hpp"
#include "attack/infeasibility_certificate.hpp"
#include "attack/row_step.hpp"

namespace sd::attack {

namespace {

// Largest violation of the intervals by x = clip(v), and the duality gap at (x, lambda).
void measure(const ConstraintRows& w, const double* x, const double* a, const double* b, const double* lambda,
             double& residual, double& gap) {
    residual = 0;
    gap = 0;
    for (int i = 0; i < w.rows(); ++i) {
        double value = 0;
        for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) value += w.weights[k] * x[w.indices[k]];
        residual = std::max({residual, a[i] - value, value - b[i]});
        // lambda_i > 0 pushes (Wx)_i up to a_i, lambda_i < 0 down to b_i: complementary slackness.
        gap += lambda[i] > 0 ? lambda[i] * (value - a[i]) : -lambda[i] * (b[i] - value);
    }
}

double objective_of(const double* x, const double* s, int n) {
    double objective = 0;
    for (int j = 0; j < n; ++j) objective += 0.5 * (x[j] - s[j]) * (x[j] - s[j]);
    return objective;
}

// v = s + W^T lambda.
void rebuild(const ConstraintRows& w, const double* s, const double* lambda, std::vector<double>& v) {
    v.assign(s, s + w.inputs);
    for (int i = 0; i < w.rows(); ++i)
        for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) v[w.indices[k]] += lambda[i] * w.weights[k];
}

// Relative duality gap accepted as optimal.
constexpr double kSweepGap = 1e-4;
// First attempt to finish exactly with the active-set system; the sweeps between attempts double.
constexpr int kFirstPolish = 4;
// Active-set rounds per attempt (each re-reads the sets from the previous solution).
constexpr int kPolishRounds = 6;
// A round that raises the dual by less than this (relative) has stalled: typically a violated row
// whose pixels are all clipped, which the system leaves out. The sweeps move it; more rounds do not.
constexpr double kStalledRise = 1e-9;

// Newton steps on the dual: the active-set system's solution gives the direction, the exact line
// search the step, so the dual never decreases. Returns true when the problem is finished: solved
// (x, result updated) or proven infeasible along a direction (result.certified_infeasible).
bool newton_finish(const ConstraintRows& w, const double* s, const double* lo, const double* hi, const double* a,
                   const double* b, const QpSettings& settings, QpWorkspace& work, double* x, QpResult& result) {
    const int n = w.inputs, rows = w.rows();
    double previous_dual = -std::numeric_limits<double>::infinity();
    for (int round = 0; round < kPolishRounds; ++round) {
        // The Newton direction on the dual's current piece first; where it is no ascent direction
        // (it cannot leave the piece), the one toward the primal-dual active-set rule's next sets.
        double t = 0;
        for (const ActiveRule rule : {ActiveRule::Sign, ActiveRule::PrimalDual}) {
            work.saved.assign(work.lambda.begin(), work.lambda.end());
            const bool solved = polish_active_set(w, s, lo, hi, a, b, work.v.data(), x, rule, work.polish,
                                                  work.lambda.data());
            work.direction.resize(static_cast<size_t>(rows));
            for (int i = 0; i < rows; ++i) work.direction[i] = work.lambda[i] - work.saved[i];
            work.lambda.assign(work.saved.begin(), work.saved.end());
            if (!solved) continue;
            t = dual_line_search(w, work.lambda.data(), work.direction.data(), work.v.data(), lo, hi, a, b,
                                 work.line_search);
            if (t < 0) {
                if (settings.stop_when_infeasible &&
                    certifies_infeasible(w, work.direction.data(), work.line_search.c.data(), lo, hi, a, b,
                                         settings.tolerance)) {
                    result.certified_infeasible = true;
                    result.feasible = false;
                    return true;
                }
                t = 0;
            }
            if (t > 0) break;
        }
        if (t == 0) return false;
        for (int i = 0; i < rows; ++i) {
            const double step = t * work.direction[i];
            // A multiplier the step takes to its kink lands on 0 exactly (the row leaves the active set).
            work.lambda[i] = std::abs(work.lambda[i] + step) <= 1e-12 * std::abs(step) ? 0.0 : work.lambda[i] + step;
        }
        rebuild(w, s, work.lambda.data(), work.v);
        for (int j = 0; j < n; ++j) x[j] = std::clamp(work.v[j], lo[j], hi[j]);
        measure(w, x, a, b, work.lambda.data(), result.residual, result.duality_gap);
        result.objective = objective_of(x, s, n);
        result.feasible = result.residual <= settings.tolerance;
        if (result.feasible && result.duality_gap <= kSweepGap * std::max(result.objective, 1.0)) return true;
        const double dual = result.objective - result.duality_gap;
        if (!(dual - previous_dual > kStalledRise * std::max(std::abs(dual), 1.0))) return false;
        previous_dual = dual;
    }
    return false;
}

}  // namespace

QpResult solve_box_interval_qp(const ConstraintRows& w, const double* s, const double* lo, const double* hi,
                               const double* a, const double* b, const QpSettings& settings, QpWorkspace& work,
                               double* x) {
    const int n = w.inputs;
    const int rows = w.rows();
    if (settings.warm_start && work.lambda.size() == static_cast<size_t>(rows)) {
        rebuild(w, s, work.lambda.data(), work.v);  // v = s + W^T lambda, unclipped
    } else {
        work.v.assign(s, s + n);
        work.lambda.assign(static_cast<size_t>(rows), 0.0);
    }
    work.u.resize(static_cast<size_t>(w.max_support));
    work.lo.resize(static_cast<size_t>(w.max_support));
    work.hi.resize(static_cast<size_t>(w.max_support));
    int next_polish = kFirstPolish;
    QpResult result;
    const int max_sweeps = w.disjoint ? 1 : std::max(1, settings.max_sweeps);
    for (result.sweeps = 1; result.sweeps <= max_sweeps; ++result.sweeps) {
        bool reachable = true;
        for (int i = 0; i < rows; ++i) {
            const int begin = w.offsets[i], count = w.offsets[i + 1] - begin;
            const double* weights = w.weights.data() + begin;
            const std::int32_t* index = w.indices.data() + begin;
            const double previous = work.lambda[i];
            for (int k = 0; k < count; ++k) {
                work.u[k] = work.v[index[k]] - previous * weights[k];
                work.lo[k] = lo[index[k]];
                work.hi[k] = hi[index[k]];
            }
            const RowStep step = solve_row_step(work.u.data(), weights, work.lo.data(), work.hi.data(), count, a[i], b[i],
                                                work.scratch);
            reachable = reachable && step.reachable;
            work.lambda[i] = step.lambda;
            for (int k = 0; k < count; ++k) work.v[index[k]] = work.u[k] + step.lambda * weights[k];
        }
        for (int j = 0; j < n; ++j) x[j] = std::clamp(work.v[j], lo[j], hi[j]);
        measure(w, x, a, b, work.lambda.data(), result.residual, result.duality_gap);
        result.objective = objective_of(x, s, n);
        const double gap_scale = std::max(result.objective, 1.0);
        result.feasible = reachable && result.residual <= settings.tolerance;
        // A row that no box point reaches stays unreachable: further sweeps cannot help.
        if (!reachable || w.disjoint) break;
        if (result.feasible && result.duality_gap <= kSweepGap * gap_scale) break;
        if (result.sweeps >= next_polish) {
            next_polish *= 2;
            if (newton_finish(w, s, lo, hi, a, b, settings, work, x, result)) break;
        }
    }
    result.sweeps = std::min(result.sweeps, max_sweeps);
    return result;
}

}  // namespace sd::attack
