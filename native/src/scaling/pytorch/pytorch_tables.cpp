#include "scaling/pytorch/pytorch_tables.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

namespace sd::pytorch {
namespace {

// Keys' cubic convolution with A = -0.75 (UpSample.h cubic_convolution1/2). The x86-64 AVX2
// build of 1.13 contracts the leading multiply-adds into FMA; the rest rounds step by step.
constexpr float kCubicA = -0.75f;

float cubic_inner(float z) {  // |z| <= 1: ((A + 2) z - (A + 3)) z z + 1
    const float p = std::fma(kCubicA + 2.0f, z, -(kCubicA + 3.0f));
    const float pz = p * z;
    const float pzz = pz * z;
    return pzz + 1.0f;
}

float cubic_outer(float z) {  // 1 <= |z| <= 2: ((A z - 5A) z + 8A) z - 4A
    const float p = std::fma(std::fma(kCubicA, z, -5.0f * kCubicA), z, 8.0f * kCubicA);
    const float pz = p * z;
    return pz - 4.0f * kCubicA;
}

// UpSampleKernel.cpp aa_filter for bilinear: the triangle, in float32.
float triangle_filter(float z) {
    if (z < 0.0f) z = -z;
    return z < 1.0f ? 1.0f - z : 0.0f;
}

// UpSampleKernel.cpp aa_filter for bicubic: Pillow's Keys kernel with a = -0.5. The inner
// piece is evaluated in double (the constant is a double), the outer one in float32 with its
// two multiply-adds fused (AVX2 build).
float keys_half_filter(float z) {
    constexpr double a = -0.5;
    if (z < 0.0f) z = -z;
    if (z < 1.0f) {
        const double x = z;
        return static_cast<float>(((a + 2.0) * x - (a + 3.0)) * x * x + 1.0);
    }
    if (z < 2.0f) {
        const float p = std::fma(std::fma(z - 5.0f, z, 8.0f), z, -4.0f);
        return p * static_cast<float>(a);
    }
    return 0.0f;
}

float antialias_support(float s, bool cubic) {
    const float h = cubic ? 2.0f : 1.0f;
    return s >= 1.0f ? h * s : h;
}

void set_tap(KernelTable& t, int output, int tap, int source, double weight) {
    t.source[t.at(output, tap)] = source;
    t.weight[t.at(output, tap)] = weight;
    t.fixed[t.at(output, tap)] = 0;
}

}  // namespace

float scale_value(int inputs, int outputs) {
    return static_cast<float>(inputs) / static_cast<float>(outputs);
}

KernelTable nearest_table(int inputs, int outputs) {
    const float s = scale_value(inputs, outputs);
    KernelTable t(outputs, inputs, 1);
    for (int i = 0; i < outputs; ++i) {
        const float p = static_cast<float>(i) * s;
        set_tap(t, i, 0, std::min(static_cast<int>(std::floor(p)), inputs - 1), 1.0);
    }
    return t;
}

KernelTable nearest_exact_table(int inputs, int outputs) {
    const float s = scale_value(inputs, outputs);
    KernelTable t(outputs, inputs, 1);
    for (int i = 0; i < outputs; ++i) {
        // area_pixel_compute_source_index (cubic = false), then nearest_exact_idx's + 0.5.
        const float centre = static_cast<float>(i + 0.5);
        const float p = s * centre;
        const float r = std::max(p - 0.5f, 0.0f);
        const float q = r + 0.5f;
        set_tap(t, i, 0, std::min(static_cast<int>(std::floor(q)), inputs - 1), 1.0);
    }
    return t;
}

KernelTable linear_table(int inputs, int outputs) {
    const float s = scale_value(inputs, outputs);
    KernelTable t(outputs, inputs, 2);
    for (int i = 0; i < outputs; ++i) {
        if (inputs == outputs) {  // compute_source_index_and_lambda's identity short-cut
            set_tap(t, i, 0, i, 1.0);
            set_tap(t, i, 1, i, 0.0);
            continue;
        }
        const double r = std::max(static_cast<double>(s) * (i + 0.5) - 0.5, 0.0);
        const int i0 = std::min(static_cast<int>(r), inputs - 1);
        const int i1 = i0 + (i0 < inputs - 1 ? 1 : 0);
        const float l1 = static_cast<float>(r - i0);
        const float l0 = 1.0f - l1;
        set_tap(t, i, 0, i0, l0);
        set_tap(t, i, 1, i1, l1);
    }
    return t;
}

KernelTable cubic_table(int inputs, int outputs) {
    const float s = scale_value(inputs, outputs);
    KernelTable t(outputs, inputs, 4);
    for (int i = 0; i < outputs; ++i) {
        const double r = static_cast<double>(s) * (i + 0.5) - 0.5;  // not clamped for cubic
        const double f = std::floor(static_cast<float>(r));
        const float x = static_cast<float>(r - f);
        const float u = 1.0f - x;
        const float w[4] = {cubic_outer(x + 1.0f), cubic_inner(x), cubic_inner(u), cubic_outer(u + 1.0f)};
        const int first = static_cast<int>(f) - 1;
        for (int k = 0; k < 4; ++k) set_tap(t, i, k, std::clamp(first + k, 0, inputs - 1), w[k]);
    }
    return t;
}

double antialias_width(int inputs, int outputs, bool cubic) {
    return 2.0 * antialias_support(scale_value(inputs, outputs), cubic);
}

AntialiasTable antialias_table(int inputs, int outputs, bool cubic) {
    const float s = scale_value(inputs, outputs);
    const float support = antialias_support(s, cubic);
    const float inv = s >= 1.0f ? 1.0f / s : 1.0f;
    std::vector<int> first(outputs), count(outputs);
    std::vector<std::vector<float>> weights(outputs);
    int widest = 1;
    for (int i = 0; i < outputs; ++i) {
        const float centre = static_cast<float>(s * (i + 0.5));
        const int xmin = std::max(static_cast<int>(static_cast<float>(centre - support) + 0.5), 0);
        const int xmax = std::min(static_cast<int>(static_cast<float>(centre + support) + 0.5), inputs);
        const int cnt = std::max(xmax - xmin, 0);
        auto& w = weights[i];
        w.resize(cnt);
        float total = 0.0f;
        for (int j = 0; j < cnt; ++j) {
            const float offset = static_cast<float>(xmin + j) - centre;
            const float z = static_cast<float>((offset + 0.5) * inv);
            w[j] = cubic ? keys_half_filter(z) : triangle_filter(z);
            total += w[j];
        }
        if (total != 0.0f)
            for (float& v : w) v /= total;
        first[i] = xmin;
        count[i] = cnt;
        widest = std::max(widest, cnt);
    }
    KernelTable t(outputs, inputs, widest);
    for (int i = 0; i < outputs; ++i) {
        for (int j = 0; j < widest; ++j) {
            // Padding taps repeat the window's last pixel with weight 0; the sums stop at the count.
            const int source = std::min(first[i] + std::min(j, std::max(count[i] - 1, 0)), inputs - 1);
            set_tap(t, i, j, source, j < count[i] ? weights[i][j] : 0.0);
        }
    }
    return AntialiasTable{std::move(t), std::move(count)};
}

AreaWindows area_windows(int inputs, int outputs) {
    AreaWindows w;
    w.start.resize(outputs);
    w.end.resize(outputs);
    for (int i = 0; i < outputs; ++i) {
        const std::int64_t a = static_cast<std::int64_t>(i) * inputs;
        const std::int64_t b = a + inputs;
        w.start[i] = static_cast<int>(std::floor(static_cast<float>(a) / static_cast<float>(outputs)));
        w.end[i] = static_cast<int>(std::ceil(static_cast<float>(b) / static_cast<float>(outputs)));
        w.widest = std::max(w.widest, w.end[i] - w.start[i]);
    }
    return w;
}

KernelTable area_table(const AreaWindows& windows, int inputs) {
    const int outputs = static_cast<int>(windows.start.size());
    KernelTable t(outputs, inputs, windows.widest);
    for (int i = 0; i < outputs; ++i) {
        const int k = windows.end[i] - windows.start[i];
        for (int j = 0; j < windows.widest; ++j)
            set_tap(t, i, j, windows.start[i] + std::min(j, k - 1), j < k ? 1.0 / k : 0.0);
    }
    return t;
}

}  // namespace sd::pytorch
