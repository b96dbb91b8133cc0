#include "attack/infeasibility_certificate.hpp"

#include <cmath>

namespace sd::attack {

bool certifies_infeasible(const ConstraintRows& w, const double* y, const double* c, const double* lo,
                          const double* hi, const double* a, const double* b, double tolerance) {
    // required: the least y.Wx any x meeting the (relaxed) intervals has; reachable: the most any box point has.
    double required = 0, reachable = 0, magnitude = 0;
    for (int i = 0; i < w.rows(); ++i) {
        const double bound = y[i] > 0 ? a[i] - tolerance : b[i] + tolerance;
        required += y[i] * bound;
        magnitude += std::abs(y[i] * bound);
    }
    for (int j = 0; j < w.inputs; ++j) {
        const double most = c[j] > 0 ? c[j] * hi[j] : c[j] * lo[j];
        reachable += most;
        magnitude += std::abs(most);
    }
    // The margin covers the rounding of both sums (c itself is a difference of accumulated values).
    return required - reachable > 1e-9 * magnitude;
}

}  // namespace sd::attack
