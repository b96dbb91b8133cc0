#include "attack/row_step.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sd::attack {

double row_value(const double* u, const double* w, const double* lo, const double* hi, int n, double lambda) {
    double sum = 0;
    for (int j = 0; j < n; ++j) sum += w[j] * std::clamp(u[j] + lambda * w[j], lo[j], hi[j]);
    return sum;
}

RowStep solve_row_step(const double* u, const double* w, const double* lo, const double* hi, int n, double a, double b,
                       std::vector<double>& scratch) {
    const double g0 = row_value(u, w, lo, hi, n, 0.0);
    if (g0 >= a && g0 <= b) return {0.0, true};
    const double direction = g0 < a ? 1.0 : -1.0;
    const double need = direction * ((g0 < a ? a : b) - g0);  // > 0: how far g must move

    // Moving lambda = direction * d (d >= 0), pixel j moves at rate r = direction * w_j while inside
    // its box and adds w_j^2 to the slope of direction * g(d). Events: (d, slope change) pairs.
    scratch.clear();
    double slope = 0;
    int moving = 0;  // counted separately so that slope is exactly 0 once every pixel has stopped
    for (int j = 0; j < n; ++j) {
        const double r = direction * w[j];
        if (r == 0) continue;
        const double w2 = w[j] * w[j];
        const double toward = r > 0 ? hi[j] : lo[j];  // the bound it moves toward
        const double away = r > 0 ? lo[j] : hi[j];
        const double exit = (toward - u[j]) / r;
        if (exit <= 0) continue;  // already at or beyond the bound it moves toward: never moves
        const double enter = std::max(0.0, (away - u[j]) / r);
        if (enter == 0) {
            slope += w2;
            ++moving;
        } else {
            scratch.push_back(enter);
            scratch.push_back(w2);
        }
        scratch.push_back(exit);
        scratch.push_back(-w2);
    }
    // Walk the events in order of d. The goal is usually reached within the first few, so the next
    // event is found by a linear scan (processed ones are set to infinity) instead of a full sort.
    const int events = static_cast<int>(scratch.size() / 2);
    double d = 0, gained = 0;
    for (int done = 0; done < events; ++done) {
        int next = 0;
        for (int e = 1; e < events; ++e)
            if (scratch[2 * e] < scratch[2 * next]) next = e;
        const double at = scratch[2 * next];
        if (slope > 0 && gained + slope * (at - d) >= need) return {direction * (d + (need - gained) / slope), true};
        gained += slope * (at - d);
        d = at;
        slope += scratch[2 * next + 1];
        moving += scratch[2 * next + 1] > 0 ? 1 : -1;
        if (moving == 0) slope = 0;
        scratch[2 * next] = std::numeric_limits<double>::infinity();
    }
    if (slope > 0) return {direction * (d + (need - gained) / slope), true};
    return {direction * d, false};  // every pixel saturated and still short of the goal
}

}  // namespace sd::attack
