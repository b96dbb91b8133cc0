// The two builds of the OpenCV 8-bit kernels (opencv_u8_kernels.hpp) give the same bytes: random
// sizes up and down, 1 to 4 channels, padded rows, buffers that end at the last pixel. The IPP
// cubic also gives the float32 path's values rounded.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "scaling/opencv/opencv_ipp_cubic.hpp"
#include "scaling/opencv/opencv_tables.hpp"
#include "scaling/opencv/opencv_u8_kernels.hpp"

using namespace sd;
using namespace sd::opencv;

namespace {

enum class Kernel { Nearest, Linear, LinearAreaMode, IppCubic, Area };

struct Image {
    std::vector<std::uint8_t> bytes;  // exactly (h - 1) * stride + w * c: nothing to read past the end
    int width, height, channels;
    std::ptrdiff_t stride;
};

Image make_image(int width, int height, int channels, int padding, std::mt19937& rng, bool random_pixels) {
    Image image{{}, width, height, channels, static_cast<std::ptrdiff_t>(width) * channels + padding};
    image.bytes.resize(static_cast<std::size_t>((height - 1) * image.stride + static_cast<std::ptrdiff_t>(width) * channels));
    std::uniform_int_distribution<int> byte(0, 255);
    for (auto& b : image.bytes) b = random_pixels ? static_cast<std::uint8_t>(byte(rng)) : 0xA5;
    return image;
}

std::vector<std::uint8_t> run(Kernel kernel, const Image& source, int target_width, int target_height, int padding,
                              U8Isa isa) {
    std::mt19937 unused(0);  // the target starts as a constant pattern
    Image target = make_image(target_width, target_height, source.channels, padding, unused, false);
    const U8Source s{source.bytes.data(), source.stride, source.width, source.height, source.channels};
    const U8Target t{target.bytes.data(), target.stride, target.width, target.height, target.channels};
    const int w = source.width, h = source.height;
    switch (kernel) {
        case Kernel::Nearest:
            scale_nearest_u8(s, t, all_taps(nearest_table(w, target_width)), all_taps(nearest_table(h, target_height)), isa);
            break;
        case Kernel::Linear:
            scale_linear_u8(s, t, all_taps(linear_table(w, target_width, true)), all_taps(linear_table(h, target_height, false)),
                            isa);
            break;
        case Kernel::LinearAreaMode:
            scale_linear_u8(s, t, all_taps(interpolation_table(Interpolation::Linear, w, target_width, true, true)),
                            all_taps(interpolation_table(Interpolation::Linear, h, target_height, false, true)), isa);
            break;
        case Kernel::IppCubic:
            scale_ipp_cubic_u8(s, t, ipp_cubic_taps(ipp_cubic_table(w, target_width)), all_taps(ipp_cubic_table(h, target_height)),
                               isa);
            break;
        case Kernel::Area:
            scale_area_u8(s, t, weighted_taps(area_table(w, target_width)), weighted_taps(area_table(h, target_height)), isa);
            break;
    }
    return target.bytes;  // padding included: neither build may write it
}

}  // namespace

TEST(OpenCvU8Kernels, Avx2AndPortableBuildsGiveTheSameBytes) {
    if (!u8_avx2_available()) GTEST_SKIP() << "no AVX2+FMA on this CPU";
    std::mt19937 rng(1313);
    const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const Kernel kernels[] = {Kernel::Nearest, Kernel::Linear, Kernel::LinearAreaMode, Kernel::IppCubic, Kernel::Area};
    int compared = 0;
    for (int round = 0; round < 120; ++round) {
        const int channels = pick(1, 4);
        const int w = pick(1, round % 4 == 0 ? 700 : 90);
        const int h = pick(1, 60);
        // Down, up, or one axis each way.
        const int tw = pick(0, 1) ? pick(1, w) : pick(w, 3 * w + 5);
        const int th = pick(0, 1) ? pick(1, h) : pick(h, 3 * h + 5);
        const Image source = make_image(w, h, channels, pick(0, 1) ? 0 : pick(1, 9), rng, true);
        const int target_padding = pick(0, 1) ? 0 : pick(1, 9);
        for (Kernel kernel : kernels) {
            if (kernel == Kernel::IppCubic && !ipp_takes_channels(channels)) continue;
            if (kernel == Kernel::Area && (tw > w || th > h)) continue;  // area tables are for s >= 1
            const auto portable = run(kernel, source, tw, th, target_padding, U8Isa::Portable);
            const auto avx2 = run(kernel, source, tw, th, target_padding, U8Isa::Avx2);
            ASSERT_EQ(portable, avx2) << "kernel " << static_cast<int>(kernel) << ", " << w << "x" << h << " -> " << tw << "x"
                                      << th << ", " << channels << " channels";
            ++compared;
        }
    }
    EXPECT_GT(compared, 400);
}

// The 8-bit IPP cubic against the float32 path (opencv_ipp_cubic.cpp, written apart from the 8-bit
// kernels) rounded half to even and saturated: on upscales consecutive output rows share their
// source rows and the 8-bit kernel computes them two at a time, so both builds could agree and
// still give a row the other's weights.
TEST(OpenCvU8Kernels, IppCubicIsTheFloatPathRounded) {
    std::mt19937 rng(20261204);
    const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const int channel_counts[] = {1, 3, 4};
    for (int round = 0; round < 60; ++round) {
        const int channels = channel_counts[pick(0, 2)];
        const int w = pick(4, 120), h = pick(4, 50);
        const int tw = pick(0, 1) ? pick(1, w) : pick(w, 3 * w + 5);
        const int th = round % 3 == 0 ? pick(1, h) : pick(h, 4 * h + 5);
        const Image source = make_image(w, h, channels, pick(0, 1) ? 0 : pick(1, 9), rng, true);
        std::vector<float> from(static_cast<std::size_t>(w) * h * channels), to(static_cast<std::size_t>(tw) * th * channels);
        const int row = w * channels;
        for (int y = 0; y < h; ++y)
            for (int i = 0; i < row; ++i) from[static_cast<std::size_t>(y) * row + i] = source.bytes[y * source.stride + i];
        const auto float_row = static_cast<std::ptrdiff_t>(sizeof(float));
        resize_ipp_cubic(F32Source{from.data(), row * float_row, w, h, channels},
                         F32Target{to.data(), tw * channels * float_row, tw, th, channels}, ipp_cubic_table(w, tw),
                         ipp_cubic_table(h, th));
        std::vector<std::uint8_t> expected(to.size());
        for (std::size_t i = 0; i < to.size(); ++i)
            expected[i] = static_cast<std::uint8_t>(std::clamp(std::nearbyint(to[i]), 0.0f, 255.0f));
        for (const U8Isa isa : {U8Isa::Portable, U8Isa::Auto}) {
            ASSERT_EQ(run(Kernel::IppCubic, source, tw, th, 0, isa), expected)
                << w << "x" << h << " -> " << tw << "x" << th << ", " << channels << " channels, isa " << static_cast<int>(isa);
        }
    }
}

TEST(OpenCvU8Kernels, AreaTapsDropOnlyThePadding) {
    const KernelTable table = area_table(10, 3);  // cells of 10/3: 4 taps where the cell straddles two boundaries
    const AxisTaps taps = weighted_taps(table);
    ASSERT_EQ(taps.start.size(), 4u);
    for (int d = 0; d < 3; ++d) {
        int nonzero = 0;
        for (int k = 0; k < table.taps; ++k) nonzero += table.w(d, k) != 0.0 ? 1 : 0;
        EXPECT_EQ(taps.taps(d), nonzero) << d;
    }
    EXPECT_EQ(all_taps(table).index.size(), static_cast<std::size_t>(3 * table.taps));
}

TEST(OpenCvU8Kernels, AnAvx2RequestWithoutTheCpuIsRefused) {
    if (u8_avx2_available()) GTEST_SKIP() << "this CPU has AVX2+FMA";
    std::vector<std::uint8_t> in(3, 0), out(3, 0);
    const U8Source s{in.data(), 3, 1, 1, 3};
    const U8Target t{out.data(), 3, 1, 1, 3};
    const AxisTaps one = all_taps(nearest_table(1, 1));
    EXPECT_THROW(scale_nearest_u8(s, t, one, one, U8Isa::Avx2), std::invalid_argument);
}
