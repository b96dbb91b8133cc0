#include "scaling/opencv/opencv_tables.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace sd::opencv {
namespace {

constexpr float kFixedOne = 2048.0f;  // INTER_RESIZE_COEF_SCALE: 11 fractional bits

int clamp_index(long long i, int n) { return static_cast<int>(std::clamp<long long>(i, 0, n - 1)); }

std::int16_t to_fixed(float w) {
    // saturate_cast<short>(float) rounds half to even (cvRound under the default FP mode).
    const float scaled = w * kFixedOne;
    return static_cast<std::int16_t>(std::clamp(std::nearbyint(scaled), -32768.0f, 32767.0f));
}

}  // namespace

double source_step(int inputs, int outputs) {
    const double inverse = static_cast<double>(outputs) / inputs;
    return 1.0 / inverse;
}

bool is_integer_step(int inputs, int outputs, int k) {
    const double s = source_step(inputs, outputs);
    const double rounded = std::nearbyint(s);
    return rounded == k && std::fabs(s - rounded) < DBL_EPSILON;
}

KernelTable nearest_table(int inputs, int outputs) {
    KernelTable t(outputs, inputs, 1);
    t.weight.assign(outputs, 1.0);
    t.fixed.assign(outputs, static_cast<std::int32_t>(kFixedOne));
    const double s = source_step(inputs, outputs);
    for (int d = 0; d < outputs; ++d) {
        const auto i = static_cast<long long>(std::floor(d * s));
        t.source[d] = static_cast<std::int32_t>(std::min<long long>(i, inputs - 1));
    }
    return t;
}

KernelTable linear_table(int inputs, int outputs, bool horizontal) {
    KernelTable t(outputs, inputs, 2);
    const double s = source_step(inputs, outputs);
    for (int d = 0; d < outputs; ++d) {
        // The coordinate is rounded to float32 before the integer/fraction split.
        float x = static_cast<float>((d + 0.5) * s - 0.5);
        long long i = static_cast<long long>(std::floor(x));
        float f = x - static_cast<float>(i);
        if (horizontal && i < 0) {
            i = 0;
            f = 0.0f;
        }
        if (horizontal && i >= inputs - 1) {
            i = inputs - 1;
            f = 0.0f;
        }
        const float w0 = 1.0f - f;
        const std::size_t at = static_cast<std::size_t>(d) * 2;
        t.source[at] = clamp_index(i, inputs);
        t.source[at + 1] = clamp_index(i + 1, inputs);
        t.weight[at] = w0;
        t.weight[at + 1] = f;
        t.fixed[at] = to_fixed(w0);
        t.fixed[at + 1] = to_fixed(f);
    }
    return t;
}

}  // namespace sd::opencv
