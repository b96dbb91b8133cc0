#include "attack/dual_line_search.hpp"

#include <algorithm>
#include <numeric>

namespace sd::attack {

double dual_line_search(const ConstraintRows& w, const double* lambda, const double* d, const double* v,
                        const double* lo, const double* hi, const double* a, const double* b,
                        LineSearchWorkspace& work) {
    const int n = w.inputs, rows = w.rows();
    work.c.assign(static_cast<size_t>(n), 0.0);
    for (int i = 0; i < rows; ++i)
        if (d[i] != 0)
            for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) work.c[w.indices[k]] += d[i] * w.weights[k];
    // Events: (t, change of the slope, jump of phi').
    work.events.clear();
    double derivative = 0, slope = 0;
    int moving = 0;  // pixels inside their box: the slope is exactly 0 once none is
    for (int i = 0; i < rows; ++i) {
        if (d[i] == 0) continue;
        // The goal just after t = 0 (a multiplier at 0 moves to the sign of d_i).
        const bool up = lambda[i] > 0 || (lambda[i] == 0 && d[i] > 0);
        derivative += d[i] * (up ? a[i] : b[i]);
        const double cross = -lambda[i] / d[i];
        if (cross > 0) {
            work.events.insert(work.events.end(), {cross, 0.0, -std::abs(d[i]) * (b[i] - a[i])});
        }
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
        } else {
            work.events.insert(work.events.end(), {enter, -c * c, 0.0});
        }
        work.events.insert(work.events.end(), {exit, c * c, 0.0});
    }
    if (derivative <= 0) return 0;
    const int count = static_cast<int>(work.events.size() / 3);
    work.order.resize(static_cast<size_t>(count));
    std::iota(work.order.begin(), work.order.end(), 0);
    std::sort(work.order.begin(), work.order.end(), [&](int p, int q) { return work.events[3 * p] < work.events[3 * q]; });
    double t = 0;
    for (int e : work.order) {
        const double at = work.events[3 * e];
        if (slope < 0 && derivative + slope * (at - t) <= 0) return t - derivative / slope;
        derivative += slope * (at - t);
        t = at;
        const double change = work.events[3 * e + 1];
        if (change != 0) {
            slope += change;
            moving += change < 0 ? 1 : -1;
            if (moving == 0) slope = 0;
        }
        derivative += work.events[3 * e + 2];
        if (derivative <= 0) return t;
    }
    if (slope < 0) return t - derivative / slope;
    return -1;  // still rising with no event left: unbounded
}

}  // namespace sd::attack
