#include "scaling/opencv/opencv_tables.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <vector>

#include "scaling/opencv/opencv_weights.hpp"

namespace sd::opencv {
namespace {

constexpr float kFixedOne = 2048.0f;  // INTER_RESIZE_COEF_SCALE: 11 fractional bits

int clamp_index(long long i, int n) { return static_cast<int>(std::clamp<long long>(i, 0, n - 1)); }

std::int16_t to_fixed(float w) {
    // saturate_cast<short>(float) rounds half to even (cvRound under the default FP mode).
    const float scaled = w * kFixedOne;
    return static_cast<std::int16_t>(std::clamp(std::nearbyint(scaled), -32768.0f, 32767.0f));
}

int taps_of(Interpolation kind) {
    switch (kind) {
        case Interpolation::Linear: return 2;
        case Interpolation::Cubic: return 4;
        case Interpolation::Lanczos4: return 8;
    }
    return 2;
}

// resizeNN_bitexact computes in int32 and wraps; unsigned arithmetic reproduces that without UB.
std::int32_t wrap32(std::uint32_t v) { return static_cast<std::int32_t>(v); }

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

KernelTable nearest_exact_table(int inputs, int outputs) {
    KernelTable t(outputs, inputs, 1);
    t.weight.assign(outputs, 1.0);
    t.fixed.assign(outputs, static_cast<std::int32_t>(kFixedOne));
    const auto n = static_cast<std::uint32_t>(inputs);
    const auto m = static_cast<std::uint32_t>(outputs);
    const std::int32_t step = wrap32((n << 16) + m / 2) / static_cast<std::int32_t>(m);
    const std::int32_t offset = step / 2 - static_cast<std::int32_t>(n % 2);
    for (int d = 0; d < outputs; ++d) {
        const std::int32_t x =
            wrap32(static_cast<std::uint32_t>(step) * static_cast<std::uint32_t>(d) + static_cast<std::uint32_t>(offset));
        // OpenCV only caps the top; a wrapped negative index (n >= 32768) is clamped here
        // instead of reading outside the image.
        t.source[d] = clamp_index(x >> 16, inputs);
    }
    return t;
}

KernelTable interpolation_table(Interpolation kind, int inputs, int outputs, bool horizontal, bool area_mode) {
    const int taps = taps_of(kind);
    const int centre = taps / 2 - 1;
    KernelTable t(outputs, inputs, taps);
    const double s = source_step(inputs, outputs);
    const double inverse = static_cast<double>(outputs) / inputs;
    float c[8];
    for (int d = 0; d < outputs; ++d) {
        long long i;
        float f;
        if (!area_mode) {
            // The coordinate is rounded to float32 before the integer/fraction split.
            const float x = static_cast<float>((d + 0.5) * s - 0.5);
            i = static_cast<long long>(std::floor(x));
            f = x - static_cast<float>(i);
        } else {
            i = static_cast<long long>(std::floor(d * s));
            const float g = static_cast<float>((d + 1) - (i + 1) * inverse);
            f = g <= 0 ? 0.0f : g - std::floor(g);
        }
        if (horizontal && kind == Interpolation::Linear) {
            if (i < 0) i = 0, f = 0.0f;
            if (i >= inputs - 1) i = inputs - 1, f = 0.0f;
        }
        switch (kind) {
            case Interpolation::Linear: c[0] = 1.0f - f, c[1] = f; break;
            case Interpolation::Cubic: cubic_coefficients(f, c); break;
            case Interpolation::Lanczos4: lanczos4_coefficients(f, c); break;
        }
        for (int k = 0; k < taps; ++k) {
            const std::size_t at = t.at(d, k);
            t.source[at] = clamp_index(i - centre + k, inputs);
            t.weight[at] = c[k];
            t.fixed[at] = to_fixed(c[k]);
        }
    }
    return t;
}

KernelTable linear_table(int inputs, int outputs, bool horizontal) {
    return interpolation_table(Interpolation::Linear, inputs, outputs, horizontal, false);
}

KernelTable area_table(int inputs, int outputs) {
    struct Entry {
        int output, source;
        float weight;
    };
    std::vector<Entry> entries;
    std::vector<int> count(outputs, 0);
    const double s = source_step(inputs, outputs);
    for (int d = 0; d < outputs; ++d) {
        const double a = d * s;
        const double b = a + s;
        const double cell = std::min(s, inputs - a);
        int hi = static_cast<int>(std::floor(b));
        int lo = static_cast<int>(std::ceil(a));
        hi = std::min(hi, inputs - 1);
        lo = std::min(lo, hi);
        const auto add = [&](int j, double w) {
            entries.push_back({d, j, static_cast<float>(w)});
            ++count[d];
        };
        if (lo - a > 1e-3) add(lo - 1, (lo - a) / cell);
        for (int j = lo; j < hi; ++j) add(j, 1.0 / cell);
        if (b - hi > 1e-3) add(hi, std::min(std::min(b - hi, 1.0), cell) / cell);
    }
    const int taps = std::max(1, *std::max_element(count.begin(), count.end()));
    KernelTable t(outputs, inputs, taps);
    std::vector<int> filled(outputs, 0);
    for (const Entry& e : entries) {
        const std::size_t at = t.at(e.output, filled[e.output]++);
        t.source[at] = e.source;
        t.weight[at] = e.weight;
        t.fixed[at] = 0;  // the 8-bit area path computes in float32 too
    }
    for (int d = 0; d < outputs; ++d) {
        const int last = filled[d] > 0 ? t.index(d, filled[d] - 1) : 0;
        for (int k = filled[d]; k < taps; ++k) t.source[t.at(d, k)] = last;
    }
    return t;
}

}  // namespace sd::opencv
