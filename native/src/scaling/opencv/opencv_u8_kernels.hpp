// The 8-bit kernels of the paths cv::resize takes for photos (INTER_NEAREST, INTER_LINEAR, IPP's
// INTER_CUBIC, INTER_AREA at non-integer ratios), on tables prepared once per model, in two builds
// of one source (opencv_u8_kernels.inl): portable C++ and AVX2+FMA, chosen at run time. Both give
// the same bytes: the arithmetic is the one documented in opencv_kernels.hpp, opencv_ipp_cubic.hpp
// and opencv_area_kernels.hpp, only laid out so that it vectorises.
#pragma once

#include <cstdint>
#include <vector>

#include "scaling/kernel_table.hpp"
#include "scaling/opencv/opencv_kernels.hpp"

namespace sd::opencv {

// One axis of a table in the forms the kernels read: the taps of output d are
// [start[d], start[d + 1]) in index/fixed/weight.
struct AxisTaps {
    int outputs = 0;
    int inputs = 0;
    std::vector<std::int32_t> start;
    std::vector<std::int32_t> index;
    std::vector<std::int32_t> fixed;  // the 11-bit weights (linear)
    std::vector<float> weight;        // float32 weights (IPP cubic, area)
    // IPP cubic only: for each pair of outputs (2p, 2p + 1), 1 when both have four consecutive
    // taps, and then 32 floats in pair_weights[32p..]: per tap k, w_k(2p) four times and
    // w_k(2p + 1) four times (the vector kernel's registers, loaded without shuffles).
    std::vector<std::uint8_t> pair_consecutive;
    std::vector<float> pair_weights;
    std::int32_t taps(int d) const { return start[d + 1] - start[d]; }
};

// Every tap of every output (nearest, linear, IPP cubic: a fixed count per output).
AxisTaps all_taps(const KernelTable& table);
// Only the taps of nonzero weight, in table order (area: padding dropped).
AxisTaps weighted_taps(const KernelTable& table);
// all_taps of a 4-tap table plus the pair layout of the IPP cubic kernel.
AxisTaps ipp_cubic_taps(const KernelTable& table);

// Which build runs. Auto: AVX2 where the CPU has AVX2 and FMA and SCALEDEFENSE_OPENCV_PORTABLE
// is unset; the others are for tests (Avx2 throws std::invalid_argument without the CPU support).
enum class U8Isa { Auto, Portable, Avx2 };
bool u8_avx2_available();

void scale_nearest_u8(const U8Source& source, const U8Target& target, const AxisTaps& x, const AxisTaps& y,
                      U8Isa isa = U8Isa::Auto);
void scale_linear_u8(const U8Source& source, const U8Target& target, const AxisTaps& x, const AxisTaps& y,
                     U8Isa isa = U8Isa::Auto);
// 1, 3 or 4 channels (IPP's C1, C3, C4).
void scale_ipp_cubic_u8(const U8Source& source, const U8Target& target, const AxisTaps& x, const AxisTaps& y,
                        U8Isa isa = U8Isa::Auto);
void scale_area_u8(const U8Source& source, const U8Target& target, const AxisTaps& x, const AxisTaps& y,
                   U8Isa isa = U8Isa::Auto);

// The two builds (opencv_u8_portable.cpp, opencv_u8_avx2.cpp), one entry per kernel.
struct U8KernelSet {
    void (*nearest)(const U8Source&, const U8Target&, const AxisTaps&, const AxisTaps&);
    void (*linear)(const U8Source&, const U8Target&, const AxisTaps&, const AxisTaps&);
    void (*ipp_cubic)(const U8Source&, const U8Target&, const AxisTaps&, const AxisTaps&);
    void (*area)(const U8Source&, const U8Target&, const AxisTaps&, const AxisTaps&);
};
extern const U8KernelSet kU8Portable;
#if defined(__x86_64__) || defined(__i386__)
#define SD_OPENCV_HAS_AVX2 1
extern const U8KernelSet kU8Avx2;
#endif

}  // namespace sd::opencv
