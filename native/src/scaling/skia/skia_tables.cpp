#include "scaling/skia/skia_tables.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace sd::skia {
namespace {

// ix_and_ptr: the coordinate clamped to [FLT_MIN, the float just below the size], truncated.
int clamped_index(float position, int size) {
    const float below_size = std::nextafter(static_cast<float>(size), 0.0f);
    const float x = std::min(std::max(position, std::numeric_limits<float>::min()), below_size);
    return static_cast<int>(x);
}

// The same with roundDownAtInteger: one ulp is taken off the clamped coordinate before truncating,
// so an exact integer k selects pixel k - 1.
int clamped_index_round_down(float position, int size) {
    const float below_size = std::nextafter(static_cast<float>(size), 0.0f);
    float x = std::min(std::max(position, std::numeric_limits<float>::min()), below_size);
    std::uint32_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    bits -= 1;
    std::memcpy(&x, &bits, sizeof x);
    return static_cast<int>(x);
}

float fract(float v) { return v - std::floor(v); }

}  // namespace

float inverse_scale(int inputs, int outputs) {
    const float scale = static_cast<float>(outputs) / static_cast<float>(inputs);
    return 1.0f / scale;
}

float sample_position(int output, float inverse) { return (static_cast<float>(output) + 0.5f) * inverse; }

KernelTable nearest_table(int inputs, int outputs) { return nearest_table(inputs, outputs, inverse_scale(inputs, outputs)); }

KernelTable nearest_table(int inputs, int outputs, float inverse) {
    KernelTable t(outputs, inputs, 1);
    for (int d = 0; d < outputs; ++d) {
        t.source[t.at(d, 0)] = clamped_index_round_down(sample_position(d, inverse), inputs);
        t.weight[t.at(d, 0)] = 1.0;
    }
    return t;
}

LinearTable linear_table(int inputs, int outputs) { return linear_table(inputs, outputs, inverse_scale(inputs, outputs)); }

LinearTable linear_table(int inputs, int outputs, float inverse) {
    LinearTable result{KernelTable(outputs, inputs, 2), std::vector<std::int16_t>(static_cast<std::size_t>(outputs))};
    KernelTable& t = result.table;
    for (int d = 0; d < outputs; ++d) {
        const float p = sample_position(d, inverse);
        const std::int32_t q = static_cast<std::int32_t>(std::floor(65536.0f * p + 0.5f)) - 32768;
        const int integer = q >> 16;  // arithmetic shift: floor, also below zero
        const int fraction = q & 0xffff;
        t.source[t.at(d, 0)] = std::clamp(integer, 0, inputs - 1);
        t.source[t.at(d, 1)] = std::clamp(integer + 1, 0, inputs - 1);
        t.weight[t.at(d, 0)] = 1.0 - fraction / 65536.0;
        t.weight[t.at(d, 1)] = fraction / 65536.0;
        result.lerp[static_cast<std::size_t>(d)] = static_cast<std::int16_t>(fraction - 32768);
    }
    return result;
}

KernelTable nearest_table_at(int inputs, const std::vector<float>& positions) {
    const int outputs = static_cast<int>(positions.size());
    KernelTable t(outputs, inputs, 1);
    for (int d = 0; d < outputs; ++d) {
        t.source[t.at(d, 0)] = clamped_index_round_down(positions[static_cast<std::size_t>(d)], inputs);
        t.weight[t.at(d, 0)] = 1.0;
    }
    return t;
}

KernelTable highp_linear_table_at(int inputs, const std::vector<float>& positions) {
    const int outputs = static_cast<int>(positions.size());
    KernelTable t(outputs, inputs, 2);
    for (int d = 0; d < outputs; ++d) {
        const float p = positions[static_cast<std::size_t>(d)];
        const float f = fract(p + 0.5f);
        t.source[t.at(d, 0)] = clamped_index(p - 0.5f, inputs);
        t.source[t.at(d, 1)] = clamped_index(p + 0.5f, inputs);
        t.weight[t.at(d, 0)] = 1.0f - f;
        t.weight[t.at(d, 1)] = f;
    }
    return t;
}

CubicCoefficients cubic_coefficients(float b, float c) {
    // The rows of CubicResamplerMatrix (one per tap), each term rounded to float as written there.
    const float rows[4][4] = {
        {(1.f / 6) * b, -(3.f / 6) * b - c, (3.f / 6) * b + 2 * c, -(1.f / 6) * b - c},
        {1 - (2.f / 6) * b, 0, -3 + (12.f / 6) * b + c, 2 - (9.f / 6) * b - c},
        {(1.f / 6) * b, (3.f / 6) * b + c, 3 - (15.f / 6) * b - 2 * c, -2 + (9.f / 6) * b + c},
        {0, 0, -c, (1.f / 6) * b + c},
    };
    CubicCoefficients w{};
    for (int row = 0; row < 4; ++row)
        for (int col = 0; col < 4; ++col) w[static_cast<std::size_t>(col * 4 + row)] = rows[row][col];
    return w;
}

KernelTable cubic_table(int inputs, int outputs, const CubicCoefficients& w) {
    return cubic_table(inputs, outputs, w, DrawSpan{0, outputs});
}

KernelTable cubic_table(int inputs, int outputs, const CubicCoefficients& w, DrawSpan span) {
    KernelTable t(outputs, inputs, 4);
    if (span.size <= 0) return t;  // an empty rectangle: Skia draws nothing
    const float inverse = inverse_scale(inputs, span.size);
    const float translate = -static_cast<float>(span.offset) * inverse;
    for (int d = 0; d < outputs; ++d) {
        if (d < span.offset || d - span.offset >= span.size) continue;  // not drawn: weights stay 0
        const float p = sample_position(d, inverse) + translate;
        const float f = fract(p + 0.5f);
        float sample = p - 1.5f;
        for (int k = 0; k < 4; ++k) {
            const auto at = [&](int i) { return w[static_cast<std::size_t>(i)]; };
            const float weight = f * (f * (f * at(12 + k) + at(8 + k)) + at(4 + k)) + at(k);
            t.source[t.at(d, k)] = clamped_index(sample, inputs);
            t.weight[t.at(d, k)] = weight;
            sample += 1.0f;
        }
    }
    return t;
}

}  // namespace sd::skia
