#include "attack/row_step.hpp"

#include <algorithm>
#include <cmath>

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
    const double goal = g0 < a ? a : b;

    // Breakpoints: where a pixel enters or leaves its box, on the side we move to.
    scratch.clear();
    for (int j = 0; j < n; ++j) {
        if (w[j] == 0) continue;
        for (double bound : {lo[j], hi[j]}) {
            const double t = (bound - u[j]) / w[j];
            if (t * direction > 0) scratch.push_back(t * direction);
        }
    }
    std::sort(scratch.begin(), scratch.end());

    // g is linear between consecutive breakpoints: find the segment that crosses the goal.
    double previous = 0, g_previous = g0;
    for (double distance : scratch) {
        if (distance == previous) continue;
        const double g = row_value(u, w, lo, hi, n, direction * distance);
        if ((direction > 0 && g >= goal) || (direction < 0 && g <= goal)) {
            const double along = previous + (goal - g_previous) * (distance - previous) / (g - g_previous);
            return {direction * along, true};
        }
        previous = distance;
        g_previous = g;
    }
    return {direction * previous, false};  // every pixel saturated and still short of the goal
}

}  // namespace sd::attack
