#include "attack/box_interval_qp.hpp"

#include <algorithm>
#include <cmath>

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

}  // namespace

QpResult solve_box_interval_qp(const ConstraintRows& w, const double* s, const double* lo, const double* hi,
                               const double* a, const double* b, const QpSettings& settings, QpWorkspace& work,
                               double* x) {
    const int n = w.inputs;
    const int rows = w.rows();
    work.v.assign(s, s + n);  // v = s + W^T lambda, unclipped
    work.lambda.assign(static_cast<size_t>(rows), 0.0);
    work.u.resize(static_cast<size_t>(w.max_support));
    work.lo.resize(static_cast<size_t>(w.max_support));
    work.hi.resize(static_cast<size_t>(w.max_support));
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
        result.feasible = reachable && result.residual <= settings.tolerance;
        // A row that no box point reaches stays unreachable: further sweeps cannot help.
        if (result.feasible || !reachable) break;
    }
    result.sweeps = std::min(result.sweeps, max_sweeps);
    double objective = 0;
    for (int j = 0; j < n; ++j) objective += 0.5 * (x[j] - s[j]) * (x[j] - s[j]);
    result.objective = objective;
    return result;
}

}  // namespace sd::attack
