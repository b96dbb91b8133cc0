#include "scaling/opencv/opencv_u8_kernels.hpp"

#include <cstdlib>
#include <stdexcept>

#include "core/cpu_features.hpp"

namespace sd::opencv {
namespace {

AxisTaps taps_of(const KernelTable& table, bool weighted_only) {
    AxisTaps a;
    a.outputs = table.outputs;
    a.inputs = table.inputs;
    a.start.reserve(static_cast<std::size_t>(table.outputs) + 1);
    a.start.push_back(0);
    for (int d = 0; d < table.outputs; ++d) {
        for (int k = 0; k < table.taps; ++k) {
            const auto weight = static_cast<float>(table.w(d, k));
            if (weighted_only && weight == 0.0f) continue;
            a.index.push_back(table.index(d, k));
            a.fixed.push_back(table.fixed.empty() ? 0 : table.q(d, k));
            a.weight.push_back(weight);
        }
        a.start.push_back(static_cast<std::int32_t>(a.index.size()));
    }
    return a;
}

bool avx2_supported() {
#ifdef SD_OPENCV_HAS_AVX2
    return cpu::has_avx2_fma();
#else
    return false;
#endif
}

// SCALEDEFENSE_OPENCV_PORTABLE=1 runs the portable build everywhere (to test it on AVX2 machines).
bool portable_forced() {
    static const bool forced = [] {
        const char* v = std::getenv("SCALEDEFENSE_OPENCV_PORTABLE");
        return v != nullptr && v[0] != '\0' && v[0] != '0';
    }();
    return forced;
}

const U8KernelSet& kernels(U8Isa isa) {
    if (isa == U8Isa::Auto) isa = avx2_supported() && !portable_forced() ? U8Isa::Avx2 : U8Isa::Portable;
    if (isa == U8Isa::Avx2) {
#ifdef SD_OPENCV_HAS_AVX2
        if (avx2_supported()) return kU8Avx2;
#endif
        throw std::invalid_argument("this CPU has no AVX2 and FMA");
    }
    return kU8Portable;
}

}  // namespace

AxisTaps all_taps(const KernelTable& table) { return taps_of(table, false); }
AxisTaps weighted_taps(const KernelTable& table) { return taps_of(table, true); }

AxisTaps ipp_cubic_taps(const KernelTable& table) {
    AxisTaps a = all_taps(table);
    const int pairs = table.outputs / 2;
    a.pair_consecutive.assign(static_cast<std::size_t>(pairs), 0);
    a.pair_weights.assign(static_cast<std::size_t>(pairs) * 32, 0.0f);
    const auto consecutive = [&](int d) {
        for (int k = 1; k < 4; ++k)
            if (table.index(d, k) != table.index(d, 0) + k) return false;
        return true;
    };
    for (int p = 0; p < pairs; ++p) {
        a.pair_consecutive[p] = consecutive(2 * p) && consecutive(2 * p + 1) ? 1 : 0;
        for (int k = 0; k < 4; ++k)
            for (int lane = 0; lane < 8; ++lane)
                a.pair_weights[32 * static_cast<std::size_t>(p) + 8 * k + lane] = a.weight[4 * (2 * p + lane / 4) + k];
    }
    return a;
}

bool u8_avx2_available() { return avx2_supported(); }

void scale_nearest_u8(const U8Source& s, const U8Target& t, const AxisTaps& x, const AxisTaps& y, U8Isa isa) {
    kernels(isa).nearest(s, t, x, y);
}
void scale_linear_u8(const U8Source& s, const U8Target& t, const AxisTaps& x, const AxisTaps& y, U8Isa isa) {
    kernels(isa).linear(s, t, x, y);
}
void scale_ipp_cubic_u8(const U8Source& s, const U8Target& t, const AxisTaps& x, const AxisTaps& y, U8Isa isa) {
    kernels(isa).ipp_cubic(s, t, x, y);
}
void scale_area_u8(const U8Source& s, const U8Target& t, const AxisTaps& x, const AxisTaps& y, U8Isa isa) {
    kernels(isa).area(s, t, x, y);
}

}  // namespace sd::opencv
