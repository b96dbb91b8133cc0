#include "scaling/tensorflow/tensorflow_tables.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace sd::tensorflow {
namespace {

AxisTable make_table(int inputs, int outputs, int taps) {
    AxisTable t{KernelTable(outputs, inputs, taps), std::vector<int>(static_cast<std::size_t>(outputs), taps)};
    return t;
}

// resize_bicubic_op.cc / resize_area_op.cc: Bound.
std::int64_t bound(std::int64_t value, int limit) {
    return std::min<std::int64_t>(limit - 1, std::max<std::int64_t>(0, value));
}

// image_resizer_state.h: LegacyScaler (x * scale) and HalfPixelScaler ((x + 0.5) * scale - 0.5),
// each operation rounded to float32 (the build must not fuse them: -ffp-contract=off).
float scaled_position(int p, float scale, bool half_pixel) {
    if (!half_pixel) return static_cast<float>(p) * scale;
    const float centre = (static_cast<float>(p) + 0.5f) * scale;
    return centre - 0.5f;
}

std::vector<float> build_bicubic_coefficients(double a) {
    // resize_bicubic_op.cc: InitCoeffsTable, kTableSize = 1024: x is float32, the cubic in double.
    constexpr int kTableSize = 1024;
    std::vector<float> table((kTableSize + 1) * 2);
    for (int i = 0; i <= kTableSize; ++i) {
        float x = static_cast<float>(i * 1.0 / kTableSize);
        const double xd = x;
        table[i * 2] = static_cast<float>(((a + 2) * xd - (a + 3)) * xd * xd + 1);
        x = static_cast<float>(x + 1.0);
        const double x1 = x;
        table[i * 2 + 1] = static_cast<float>(((a * x1 - 5 * a) * x1 + 8 * a) * x1 - 4 * a);
    }
    return table;
}

// resize_area_op.cc: the coverage of source pixel i by the cell [a, b) (start_scale,
// end_minus_one_scale and scale_y share this rule; interior pixels give exactly 1).
float area_weight(std::int64_t i, float a, float b, float scale) {
    if (static_cast<float>(i) < a) return static_cast<float>(i + 1) > b ? scale : static_cast<float>(i + 1) - a;
    return static_cast<float>(i + 1) > b ? b - static_cast<float>(i) : 1.0f;
}

}  // namespace

float resize_scale(int inputs, int outputs) { return static_cast<float>(inputs) / static_cast<float>(outputs); }

AxisTable nearest_table(int inputs, int outputs, bool half_pixel) {
    AxisTable t = make_table(inputs, outputs, 1);
    const float scale = resize_scale(inputs, outputs);
    for (int p = 0; p < outputs; ++p) {
        // HalfPixelScalerForNN has no -0.5: (p + 0.5) * scale, then floor.
        const float x = half_pixel ? (static_cast<float>(p) + 0.5f) * scale : static_cast<float>(p) * scale;
        std::int64_t i = std::min<std::int64_t>(static_cast<std::int64_t>(std::floor(x)), inputs - 1);
        if (half_pixel) i = std::max<std::int64_t>(0, i);
        t.taps.source[t.taps.at(p, 0)] = static_cast<std::int32_t>(i);
        t.taps.weight[t.taps.at(p, 0)] = 1.0;
    }
    return t;
}

AxisTable bilinear_table(int inputs, int outputs, bool half_pixel) {
    AxisTable t = make_table(inputs, outputs, 2);
    const float scale = resize_scale(inputs, outputs);
    for (int p = 0; p < outputs; ++p) {
        const float in = scaled_position(p, scale, half_pixel);
        const float in_f = std::floor(in);
        // lower is not clamped above by TF; it never exceeds n-1 for positions of these scalers.
        const std::int64_t lower = std::min<std::int64_t>(std::max<std::int64_t>(static_cast<std::int64_t>(in_f), 0), inputs - 1);
        const std::int64_t upper = std::min<std::int64_t>(static_cast<std::int64_t>(std::ceil(in)), inputs - 1);
        const float lerp = in - in_f;
        t.taps.source[t.taps.at(p, 0)] = static_cast<std::int32_t>(lower);
        t.taps.source[t.taps.at(p, 1)] = static_cast<std::int32_t>(upper);
        t.taps.weight[t.taps.at(p, 0)] = 1.0 - static_cast<double>(lerp);  // exact in double
        t.taps.weight[t.taps.at(p, 1)] = lerp;
    }
    return t;
}

const std::vector<float>& bicubic_coefficients(bool keys) {
    // resize_bicubic_op.cc: GetCoeffsTable: a = -0.5f for Keys (half-pixel), -0.75f otherwise.
    static const std::vector<float> keys_table = build_bicubic_coefficients(-0.5f);
    static const std::vector<float> legacy_table = build_bicubic_coefficients(-0.75f);
    return keys ? keys_table : legacy_table;
}

AxisTable bicubic_table(int inputs, int outputs, bool half_pixel) {
    AxisTable t = make_table(inputs, outputs, 4);
    const float scale = resize_scale(inputs, outputs);
    const std::vector<float>& coeffs = bicubic_coefficients(half_pixel);
    constexpr std::int64_t kTableSize = 1024;
    for (int p = 0; p < outputs; ++p) {
        const float in_loc_f = scaled_position(p, scale, half_pixel);
        const std::int64_t in_loc = static_cast<std::int64_t>(std::floor(in_loc_f));
        const float delta = in_loc_f - static_cast<float>(in_loc);
        const std::int64_t offset = std::lrint(delta * static_cast<float>(kTableSize));  // lrintf: half to even
        float w[4] = {coeffs[offset * 2 + 1], coeffs[offset * 2], coeffs[(kTableSize - offset) * 2],
                      coeffs[(kTableSize - offset) * 2 + 1]};
        std::int64_t index[4];
        for (int k = 0; k < 4; ++k) index[k] = bound(in_loc - 1 + k, inputs);
        if (half_pixel) {
            // Keys branch: a tap that had to be clamped gets weight 0, the rest are renormalised
            // by multiplying with the float32 reciprocal of their sum.
            for (int k = 0; k < 4; ++k)
                if (index[k] != in_loc - 1 + k) w[k] = 0.0f;
            const float sum = w[0] + w[1] + w[2] + w[3];
            if (std::abs(sum) >= 1000.0f * std::numeric_limits<float>::min()) {
                const float one_over_sum = 1.0f / sum;
                for (float& weight : w) weight *= one_over_sum;
            }
        }
        for (int k = 0; k < 4; ++k) {
            t.taps.source[t.taps.at(p, k)] = static_cast<std::int32_t>(index[k]);
            t.taps.weight[t.taps.at(p, k)] = w[k];
        }
    }
    return t;
}

AxisTable area_table(int inputs, int outputs) {
    const float scale = resize_scale(inputs, outputs);
    std::vector<std::int64_t> starts(static_cast<std::size_t>(outputs));
    std::vector<std::int64_t> ends(starts.size());
    int taps = 1;
    for (int p = 0; p < outputs; ++p) {
        const float a = static_cast<float>(p) * scale;
        const float b = static_cast<float>(p + 1) * scale;
        starts[p] = static_cast<std::int64_t>(std::floor(a));
        ends[p] = static_cast<std::int64_t>(std::ceil(b));
        taps = std::max(taps, static_cast<int>(ends[p] - starts[p]));
    }
    AxisTable t = make_table(inputs, outputs, taps);
    for (int p = 0; p < outputs; ++p) {
        const float a = static_cast<float>(p) * scale;
        const float b = static_cast<float>(p + 1) * scale;
        t.count[p] = static_cast<int>(ends[p] - starts[p]);
        for (int k = 0; k < taps; ++k) {
            const std::int64_t i = starts[p] + k;
            const bool used = k < t.count[p];
            t.taps.source[t.taps.at(p, k)] = static_cast<std::int32_t>(bound(used ? i : ends[p] - 1, inputs));
            t.taps.weight[t.taps.at(p, k)] = used ? area_weight(i, a, b, scale) : 0.0f;
        }
    }
    return t;
}

float span_kernel_radius(SpanKernel kernel) {
    switch (kernel) {
        case SpanKernel::Triangle: return 1.0f;
        case SpanKernel::KeysCubic: return 2.0f;
        case SpanKernel::Lanczos3: return 3.0f;
        case SpanKernel::Lanczos5: return 5.0f;
        case SpanKernel::Gaussian: return 1.5f;
        case SpanKernel::MitchellCubic: return 2.0f;
    }
    return 1.0f;
}

float span_kernel_value(SpanKernel kernel, float x) {
    x = std::abs(x);
    switch (kernel) {
        case SpanKernel::Triangle:  // TriangleKernelFunc
            return x < 1.0f ? 1.0f - x : 0.0f;
        case SpanKernel::KeysCubic:  // KeysCubicKernelFunc
            if (x >= 2.0f) return 0.0f;
            if (x >= 1.0f) return ((-0.5f * x + 2.5f) * x - 4.0f) * x + 2.0f;
            return ((1.5f * x - 2.5f) * x) * x + 1.0f;
        case SpanKernel::Lanczos3:
        case SpanKernel::Lanczos5: {  // LanczosKernelFunc
            const float radius = span_kernel_radius(kernel);
            constexpr float kPi = 3.14159265359f;
            if (x > radius) return 0.0f;
            if (static_cast<double>(x) <= 1e-3) return 1.0f;
            const float px = kPi * x;
            const float num = radius * std::sin(px) * std::sin(px / radius);
            const float den = kPi * kPi * x * x;
            return num / den;
        }
        case SpanKernel::Gaussian: {  // GaussianKernelFunc: sigma = 1.5f / 3, exponent in double
            const float radius = 1.5f;
            const float sigma = radius / 3.0f;
            if (x >= radius) return 0.0f;
            const float minus_square = -x * x;
            return static_cast<float>(std::exp(minus_square / (2.0 * sigma * sigma)));
        }
        case SpanKernel::MitchellCubic:  // MitchellCubicKernelFunc
            if (x >= 2.0f) return 0.0f;
            if (x >= 1.0f) return (((-7.0f / 18.0f) * x + 2.0f) * x - 10.0f / 3.0f) * x + 16.0f / 9.0f;
            return (((7.0f / 6.0f) * x - 2.0f) * x) * x + 8.0f / 9.0f;
    }
    return 0.0f;
}

float span_inverse_scale(int inputs, int outputs) {
    // image_ops_impl.py: resize_with_scale_and_translate passes fl(m) / fl(n) (float32 tensors);
    // ComputeSpansCore: inv_scale = 1.0 / scale in double, stored as float.
    const float scale = static_cast<float>(outputs) / static_cast<float>(inputs);
    return static_cast<float>(1.0 / static_cast<double>(scale));
}

AxisTable span_table(int inputs, int outputs, SpanKernel kernel, bool antialias) {
    const float inv_scale = span_inverse_scale(inputs, outputs);
    const float kernel_scale = antialias ? std::max(inv_scale, 1.0f) : 1.0f;
    const float reach = span_kernel_radius(kernel) * kernel_scale;
    const int span_size = std::min(2 * static_cast<int>(std::ceil(reach)) + 1, inputs);
    const float one_over_kernel_scale = 1.0f / kernel_scale;
    AxisTable t = make_table(inputs, outputs, span_size);
    std::vector<float> weights;
    for (int p = 0; p < outputs; ++p) {
        const float col_f = static_cast<float>(p) + 0.5f;
        const float sample_f = col_f * inv_scale;  // + inv_translate (-0.0f) changes nothing
        std::int64_t start = 0;
        weights.clear();
        // Outside the image TF leaves an empty span (start 0, all weights 0); unreachable here.
        if (!(sample_f < 0 || sample_f > static_cast<float>(inputs))) {
            const float low = sample_f - reach;
            const float high = sample_f + reach;
            std::int64_t span_start = static_cast<std::int64_t>(std::ceil(low - 0.5f));
            std::int64_t span_end = static_cast<std::int64_t>(std::floor(high - 0.5f));
            span_start = std::clamp<std::int64_t>(span_start, 0, inputs - 1);
            span_end = std::clamp<std::int64_t>(span_end, 0, inputs - 1) + 1;
            float total = 0.0f;
            for (std::int64_t j = span_start; j < span_end; ++j) {
                const float kernel_pos = static_cast<float>(j) + 0.5f - sample_f;
                const float w = span_kernel_value(kernel, std::abs(kernel_pos * one_over_kernel_scale));
                total += w;
                weights.push_back(w);
            }
            if (std::abs(total) >= 1000.0f * std::numeric_limits<float>::min()) {
                const float one_over_total = 1.0f / total;
                for (float& w : weights) w *= one_over_total;
            } else {
                weights.assign(weights.size(), 0.0f);
            }
            start = span_start;
        }
        // GatherRows / GatherColumns visit min(start + span_size, n) - start taps.
        t.count[p] = static_cast<int>(std::min<std::int64_t>(start + span_size, inputs) - start);
        for (int k = 0; k < span_size; ++k) {
            t.taps.source[t.taps.at(p, k)] = static_cast<std::int32_t>(std::min<std::int64_t>(start + k, inputs - 1));
            t.taps.weight[t.taps.at(p, k)] = k < static_cast<int>(weights.size()) ? weights[k] : 0.0f;
        }
    }
    return t;
}

}  // namespace sd::tensorflow
