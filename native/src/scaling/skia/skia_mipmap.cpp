#include "scaling/skia/skia_mipmap.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace sd::skia {
namespace {

// Taps of one downsampling step along an axis, as (offset from 2i, integer weight).
int step_taps(int inputs) { return inputs == 1 ? 1 : (inputs & 1) ? 3 : 2; }

int step_weight(int taps, int k) { return taps == 3 && k == 1 ? 2 : 1; }

int step_shift(int taps) { return taps == 3 ? 2 : taps == 2 ? 1 : 0; }

}  // namespace

int mip_level_count(Size base) {
    const int largest = std::max(base.width, base.height);
    if (largest < 2) return 0;
    int bits = 0;
    while ((largest >> bits) > 1) ++bits;
    return bits;
}

Size mip_level_size(Size base, int level) {
    return {std::max(1, base.width >> level), std::max(1, base.height >> level)};
}

int nearest_mip_level(Size base, float inverse_x, float inverse_y) {
    const float scale = std::min(1.0f / inverse_x, 1.0f / inverse_y);
    if (!(scale < 1.0f) || !(scale > 0.0f) || !std::isfinite(scale)) return 0;
    const float level = std::max(-std::log2(scale) - 0.5f, 0.0f);
    const int rounded = static_cast<int>(std::floor(level + 0.5f));
    return rounded <= mip_level_count(base) ? rounded : 0;
}

namespace {

// SkMipmap::ComputeLevel: L = max(-log2(scale) - 0.5, 0) for the smaller scale; negative when
// there is no downscale.
float compute_level(float inverse_x, float inverse_y) {
    const float scale = std::min(1.0f / inverse_x, 1.0f / inverse_y);
    if (!(scale < 1.0f) || !(scale > 0.0f) || !std::isfinite(scale)) return -1.0f;
    return std::max(-std::log2(scale) - 0.5f, 0.0f);
}

}  // namespace

LinearMip linear_mip_levels(Size base, float inverse_x, float inverse_y) {
    const float level = compute_level(inverse_x, inverse_y);
    if (!(level > 0.0f)) return {};
    const int upper = static_cast<int>(std::floor(level));
    const int count = mip_level_count(base);
    if (upper > count) return {};
    const float weight = level - static_cast<float>(upper);
    return {upper, upper + 1 <= count ? weight : 0.0f};
}

float level_inverse(int level_inputs, int base_inputs, float base_inverse) {
    const float level_scale = static_cast<float>(level_inputs) / static_cast<float>(base_inputs);
    return level_scale * base_inverse;
}

KernelTable downsample_table(int inputs) {
    const int outputs = std::max(1, inputs >> 1);
    const int taps = step_taps(inputs);
    KernelTable t(outputs, inputs, taps);
    for (int d = 0; d < outputs; ++d) {
        for (int k = 0; k < taps; ++k) {
            t.source[t.at(d, k)] = inputs == 1 ? 0 : 2 * d + k;
            t.weight[t.at(d, k)] = std::ldexp(static_cast<double>(step_weight(taps, k)), -step_shift(taps));
        }
    }
    return t;
}

void downsample(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target) {
    const int channels = source.channels;
    const int taps_x = step_taps(source.width);
    const int taps_y = step_taps(source.height);
    const int shift = step_shift(taps_x) + step_shift(taps_y);
    for (int y = 0; y < target.height; ++y) {
        std::uint8_t* out = target.row(y);
        const int top = source.height == 1 ? 0 : 2 * y;
        for (int x = 0; x < target.width; ++x) {
            const int left = source.width == 1 ? 0 : 2 * x;
            for (int c = 0; c < channels; ++c) {
                int sum = 0;
                for (int j = 0; j < taps_y; ++j) {
                    const std::uint8_t* row = source.row(top + j);
                    for (int i = 0; i < taps_x; ++i)
                        sum += step_weight(taps_x, i) * step_weight(taps_y, j) * row[(left + i) * channels + c];
                }
                out[x * channels + c] = static_cast<std::uint8_t>(sum >> shift);
            }
        }
    }
}

KernelTable compose_with_pyramid(const KernelTable& sampling, int base_inputs, int levels) {
    std::vector<KernelTable> steps;  // steps[i]: level i + 1 from level i
    int size = base_inputs;
    for (int i = 0; i < levels; ++i) {
        steps.push_back(downsample_table(size));
        size = steps.back().outputs;
    }
    std::vector<std::map<int, double>> rows(static_cast<std::size_t>(sampling.outputs));
    std::size_t widest = 1;
    for (int d = 0; d < sampling.outputs; ++d) {
        std::map<int, double> current;
        for (int k = 0; k < sampling.taps; ++k) current[sampling.index(d, k)] += sampling.w(d, k);
        for (int level = levels; level > 0; --level) {
            const KernelTable& step = steps[static_cast<std::size_t>(level - 1)];
            std::map<int, double> below;
            for (const auto& [index, weight] : current)
                for (int k = 0; k < step.taps; ++k) below[step.index(index, k)] += weight * step.w(index, k);
            current = std::move(below);
        }
        widest = std::max(widest, current.size());
        rows[static_cast<std::size_t>(d)] = std::move(current);
    }
    KernelTable t(sampling.outputs, base_inputs, static_cast<int>(widest));
    for (int d = 0; d < t.outputs; ++d) {
        int k = 0;
        int last = 0;
        for (const auto& [index, weight] : rows[static_cast<std::size_t>(d)]) {
            t.source[t.at(d, k)] = index;
            t.weight[t.at(d, k)] = weight;
            last = index;
            ++k;
        }
        for (; k < t.taps; ++k) t.source[t.at(d, k)] = last;  // zero-weight padding
    }
    return t;
}

KernelTable blend_tables(const KernelTable& upper, const KernelTable& lower, float weight) {
    std::vector<std::map<int, double>> rows(static_cast<std::size_t>(upper.outputs));
    std::size_t widest = 1;
    const double w = weight;
    for (int d = 0; d < upper.outputs; ++d) {
        std::map<int, double>& row = rows[static_cast<std::size_t>(d)];
        for (int k = 0; k < upper.taps; ++k)
            if (upper.w(d, k) != 0.0) row[upper.index(d, k)] += (1.0 - w) * upper.w(d, k);
        for (int k = 0; k < lower.taps; ++k)
            if (lower.w(d, k) != 0.0) row[lower.index(d, k)] += w * lower.w(d, k);
        widest = std::max(widest, row.size());
    }
    KernelTable t(upper.outputs, upper.inputs, static_cast<int>(widest));
    for (int d = 0; d < t.outputs; ++d) {
        int k = 0;
        int last = 0;
        for (const auto& [index, value] : rows[static_cast<std::size_t>(d)]) {
            t.source[t.at(d, k)] = index;
            t.weight[t.at(d, k)] = value;
            last = index;
            ++k;
        }
        for (; k < t.taps; ++k) t.source[t.at(d, k)] = last;
    }
    return t;
}

}  // namespace sd::skia
