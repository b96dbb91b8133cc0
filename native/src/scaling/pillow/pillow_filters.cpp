#include "scaling/pillow/pillow_filters.hpp"

#include <cmath>
#include <stdexcept>

namespace sd::pillow {
namespace {

constexpr double kPi = 3.14159265358979323846;  // C's M_PI

// Half-open (-0.5, 0.5]: a centre exactly half a pixel away on the right is not counted.
double box(double x) { return (x > -0.5 && x <= 0.5) ? 1.0 : 0.0; }

double bilinear(double x) {
    if (x < 0.0) x = -x;
    return x < 1.0 ? 1.0 - x : 0.0;
}

// The window's constants are the float literals 0.54f and 0.46f, widened to double.
double hamming(double x) {
    if (x < 0.0) x = -x;
    if (x == 0.0) return 1.0;
    if (x >= 1.0) return 0.0;
    x = x * kPi;
    return std::sin(x) / x * (static_cast<double>(0.54f) + static_cast<double>(0.46f) * std::cos(x));
}

// Keys' cubic with a = -0.5, in Pillow's operation order.
double bicubic(double x) {
    constexpr double a = -0.5;
    if (x < 0.0) x = -x;
    if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    if (x < 2.0) return (((x - 5) * x + 8) * x - 4) * a;
    return 0.0;
}

double sinc(double x) {
    if (x == 0.0) return 1.0;
    x = x * kPi;
    return std::sin(x) / x;
}

// Truncated to the half-open [-3, 3).
double lanczos(double x) { return (-3.0 <= x && x < 3.0) ? sinc(x) * sinc(x / 3) : 0.0; }

}  // namespace

Filter filter_for(Algorithm algorithm) {
    switch (algorithm) {
        case Algorithm::Box: return {box, 0.5};
        case Algorithm::Bilinear: return {bilinear, 1.0};
        case Algorithm::Hamming: return {hamming, 1.0};
        case Algorithm::Bicubic: return {bicubic, 2.0};
        case Algorithm::Lanczos: return {lanczos, 3.0};
        default: throw std::invalid_argument("Pillow has no resampling filter for this algorithm");
    }
}

}  // namespace sd::pillow
