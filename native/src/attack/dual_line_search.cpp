#include "attack/dual_line_search.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sd::attack {

namespace {

// phi'(t) at one point, O(nnz): used to bracket the maximiser so that only the events before it are sorted.
double derivative_at(const ConstraintRows& w, const double* lambda, const double* d, const double* v, const double* lo,
                     const double* hi, const double* a, const double* b, const std::vector<double>& c, double t) {
    double derivative = 0;
    for (int i = 0; i < w.rows(); ++i) {
        if (d[i] == 0) continue;
        const double at = lambda[i] + t * d[i];
        const bool up = at > 0 || (at == 0 && d[i] > 0);
        derivative += d[i] * (up ? a[i] : b[i]);
    }
    for (int j = 0; j < w.inputs; ++j)
        if (c[j] != 0) derivative -= c[j] * std::clamp(v[j] + t * c[j], lo[j], hi[j]);
    return derivative;
}

// The full step of a Newton direction is 1; the bracket grows from there.
constexpr double kFirstBracket = 1;
constexpr double kLargestBracket = 1e12;

}  // namespace

double dual_line_search(const ConstraintRows& w, const double* lambda, const double* d, const double* v,
                        const double* lo, const double* hi, const double* a, const double* b,
                        LineSearchWorkspace& work) {
    const int n = w.inputs, rows = w.rows();
    work.c.assign(static_cast<size_t>(n), 0.0);
    for (int i = 0; i < rows; ++i)
        if (d[i] != 0)
            for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) work.c[w.indices[k]] += d[i] * w.weights[k];
    if (derivative_at(w, lambda, d, v, lo, hi, a, b, work.c, 0) <= 0) return 0;
    // An upper bound on the maximiser (phi' <= 0 there); none means phi may rise without bound.
    double bound = kFirstBracket;
    while (bound <= kLargestBracket && derivative_at(w, lambda, d, v, lo, hi, a, b, work.c, bound) > 0) bound *= 4;
    if (bound > kLargestBracket) bound = std::numeric_limits<double>::infinity();

    // Events before the bound: (t, change of the slope, jump of phi').
    work.events.clear();
    double derivative = 0, slope = 0;
    int moving = 0;  // pixels inside their box: the slope is exactly 0 once none is
    for (int i = 0; i < rows; ++i) {
        if (d[i] == 0) continue;
        // The goal just after t = 0 (a multiplier at 0 moves to the sign of d_i).
        const bool up = lambda[i] > 0 || (lambda[i] == 0 && d[i] > 0);
        derivative += d[i] * (up ? a[i] : b[i]);
        const double cross = -lambda[i] / d[i];
        if (cross > 0 && cross < bound) work.events.push_back({cross, 0.0, -std::abs(d[i]) * (b[i] - a[i])});
    }
    for (int j = 0; j < n; ++j) {
        const double c = work.c[j];
        if (c == 0) continue;
        const double x = std::clamp(v[j], lo[j], hi[j]);
        derivative -= c * x;
        const double toward = c > 0 ? hi[j] : lo[j], away = c > 0 ? lo[j] : hi[j];
        const double exit = (toward - v[j]) / c;
        if (exit <= 0) continue;  // at or beyond the bound it moves toward
        const double enter = std::max(0.0, (away - v[j]) / c);
        if (enter == 0) {
            slope -= c * c;
            ++moving;
        } else if (enter < bound) {
            work.events.push_back({enter, -c * c, 0.0});
        }
        if (exit < bound) work.events.push_back({exit, c * c, 0.0});
    }
    std::sort(work.events.begin(), work.events.end(),
              [](const LineSearchEvent& p, const LineSearchEvent& q) { return p.at < q.at; });
    double t = 0;
    for (const LineSearchEvent& e : work.events) {
        if (slope < 0 && derivative + slope * (e.at - t) <= 0) return t - derivative / slope;
        derivative += slope * (e.at - t);
        t = e.at;
        if (e.slope_change != 0) {
            slope += e.slope_change;
            moving += e.slope_change < 0 ? 1 : -1;
            if (moving == 0) slope = 0;
        }
        derivative += e.jump;
        if (derivative <= 0) return t;
    }
    if (slope < 0) return std::min(bound, t - derivative / slope);
    return std::isfinite(bound) ? bound : -1;  // still rising with no event left: unbounded
}

}  // namespace sd::attack
