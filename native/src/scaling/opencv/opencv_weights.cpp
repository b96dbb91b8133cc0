#include "scaling/opencv/opencv_weights.hpp"

#include <cmath>

namespace sd::opencv {

void cubic_coefficients(float f, float* c) {
    // Every step in float32, left to right (no fused multiply-add: -ffp-contract=off).
    const float a = -0.75f;
    const float u = f + 1.0f;
    c[0] = ((a * u - 5.0f * a) * u + 8.0f * a) * u - 4.0f * a;
    c[1] = ((a + 2.0f) * f - (a + 3.0f)) * f * f + 1.0f;
    const float v = 1.0f - f;
    c[2] = ((a + 2.0f) * v - (a + 3.0f)) * v * v + 1.0f;
    c[3] = 1.0f - c[0] - c[1] - c[2];
}

void lanczos4_coefficients(float f, float* c) {
    constexpr double pi = 3.1415926535897932384626433832795;
    constexpr double s45 = 0.70710678118654752440084436210485;
    // (cos 3πk/4, −sin 3πk/4): the sine of each tap's angle from the one pair sin y0, cos y0.
    static const double rotation[8][2] = {{1, 0},   {-s45, -s45}, {0, 1},  {s45, -s45},
                                          {-1, 0},  {s45, s45},   {0, -1}, {-s45, s45}};
    const float z = f + 3.0f;
    const double y0 = -static_cast<double>(z) * pi * 0.25;
    const double sine = std::sin(y0);
    const double cosine = std::cos(y0);
    float sum = 0.0f;
    for (int k = 0; k < 8; ++k) {
        const float u = z - static_cast<float>(k);
        if (std::fabs(u) >= 1e-6f) {
            const double y = -static_cast<double>(u) * pi * 0.25;
            c[k] = static_cast<float>((rotation[k][0] * sine + rotation[k][1] * cosine) / (y * y));
        } else {
            c[k] = 1e30f;  // the centre tap at f = 0: normalisation makes it ~1 and the rest ~0
        }
        sum += c[k];
    }
    const float r = 1.0f / sum;
    for (int k = 0; k < 8; ++k) c[k] *= r;
}

}  // namespace sd::opencv
