#include "scaling/pillow/pillow_tables.hpp"

#include <algorithm>
#include <cmath>

namespace sd::pillow {
namespace {

// The box is single-precision floats in _imaging.c: _resize; (in1 - in0) is a float difference.
double box_scale(int inputs, int outputs) {
    const float extent = static_cast<float>(inputs) - 0.0f;
    return static_cast<double>(extent) / outputs;
}

// Resample.c: normalize_coeffs_8bpc, round half away from zero with a C truncating cast.
std::int32_t to_fixed(double w) {
    constexpr double one = static_cast<double>(1 << kPrecisionBits);
    return w < 0 ? static_cast<std::int32_t>(-0.5 + w * one) : static_cast<std::int32_t>(0.5 + w * one);
}

void pad_fixed(AxisTable& t) {
    const int taps = t.table.taps;
    t.padded_taps = (taps + 7) / 8 * 8;
    t.padded_fixed.assign(static_cast<std::size_t>(t.table.outputs) * static_cast<std::size_t>(t.padded_taps), 0);
    for (int o = 0; o < t.table.outputs; ++o)
        for (int k = 0; k < taps; ++k)
            t.padded_fixed[static_cast<std::size_t>(o) * static_cast<std::size_t>(t.padded_taps) + static_cast<std::size_t>(k)] =
                t.table.q(o, k);
}

AxisTable identity_table(int size) {
    AxisTable t{KernelTable(size, size, 1), std::vector<int>(static_cast<std::size_t>(size), 1), false, {}, 0};
    for (int i = 0; i < size; ++i) {
        t.table.source[static_cast<std::size_t>(i)] = i;
        t.table.weight[static_cast<std::size_t>(i)] = 1.0;
        t.table.fixed[static_cast<std::size_t>(i)] = 1 << kPrecisionBits;
    }
    pad_fixed(t);
    return t;
}

}  // namespace

AxisTable filter_table(int inputs, int outputs, const Filter& filter) {
    if (inputs == outputs) return identity_table(inputs);
    const double scale = box_scale(inputs, outputs);
    const double filterscale = std::max(scale, 1.0);  // widen only when down-scaling
    const double support = filter.support * filterscale;
    const int ksize = static_cast<int>(std::ceil(support)) * 2 + 1;
    AxisTable t{KernelTable(outputs, inputs, ksize), std::vector<int>(static_cast<std::size_t>(outputs)), true, {}, 0};
    std::vector<double> w(static_cast<std::size_t>(ksize));
    for (int xx = 0; xx < outputs; ++xx) {
        const double center = 0.0 + (xx + 0.5) * scale;
        const double ss = 1.0 / filterscale;  // Pillow multiplies by the reciprocal
        const int xmin = std::max(static_cast<int>(center - support + 0.5), 0);
        const int xmax = std::min(static_cast<int>(center + support + 0.5), inputs);
        const int count = xmax - xmin;
        double ww = 0.0;
        for (int x = 0; x < count; ++x) {
            w[static_cast<std::size_t>(x)] = filter.kernel((x + xmin - center + 0.5) * ss);
            ww += w[static_cast<std::size_t>(x)];
        }
        t.count[static_cast<std::size_t>(xx)] = count;
        for (int x = 0; x < ksize; ++x) {
            const std::size_t at = t.table.at(xx, x);
            if (x < count) {
                const double v = ww != 0.0 ? w[static_cast<std::size_t>(x)] / ww : w[static_cast<std::size_t>(x)];
                t.table.source[at] = xmin + x;
                t.table.weight[at] = v;
                t.table.fixed[at] = to_fixed(v);
            } else {
                t.table.source[at] = xmin;  // padding, weight 0
                t.table.weight[at] = 0.0;
                t.table.fixed[at] = 0;
            }
        }
    }
    pad_fixed(t);
    return t;
}

AxisTable nearest_table(int inputs, int outputs) {
    AxisTable t{KernelTable(outputs, inputs, 1), std::vector<int>(static_cast<std::size_t>(outputs)), inputs != outputs, {}, 0};
    const double a = box_scale(inputs, outputs);
    double xo = 0.0 + a * 0.5;
    for (int x = 0; x < outputs; ++x) {
        const int xin = xo < 0.0 ? -1 : static_cast<int>(xo);  // Geometry.c: COORD
        const bool inside = xin >= 0 && xin < inputs;
        const std::size_t at = static_cast<std::size_t>(x);
        t.count[at] = inside ? 1 : 0;
        t.table.source[at] = inside ? xin : 0;
        t.table.weight[at] = inside ? 1.0 : 0.0;
        t.table.fixed[at] = inside ? (1 << kPrecisionBits) : 0;
        xo += a;
    }
    return t;
}

double filter_width(int inputs, int outputs, const Filter& filter) {
    return 2.0 * filter.support * std::max(box_scale(inputs, outputs), 1.0);
}

}  // namespace sd::pillow
