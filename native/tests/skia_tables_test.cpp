// Rules of SkiaSharp 3.119's sampling tables and mip pyramid, worked out by hand from Skia m119's
// SkMatrix, SkRasterPipeline_opts.h, SkImageShader.cpp and SkMipmap (docs/scalers/skiasharp.md).
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "scaling/skia/skia_mipmap.hpp"
#include "scaling/skia/skia_tables.hpp"

using namespace sd;
using namespace sd::skia;

TEST(SkiaTables, TheInverseIsTheInvertedFloatScaleNotTheQuotient) {
    EXPECT_EQ(inverse_scale(3, 13), 1.0f / (13.0f / 3.0f));
    EXPECT_NE(inverse_scale(3, 13), 3.0f / 13.0f);
}

TEST(SkiaTables, NearestTakesThePixelBeforeAnExactInteger) {
    const auto t = nearest_table(4, 2);  // positions 1.0 and 3.0
    EXPECT_EQ(t.index(0, 0), 0);
    EXPECT_EQ(t.index(1, 0), 2);
    const auto up = nearest_table(2, 4);  // positions 0.25, 0.75, 1.25, 1.75
    const int expected[] = {0, 0, 1, 1};
    for (int i = 0; i < 4; ++i) EXPECT_EQ(up.index(i, 0), expected[i]) << i;
}

TEST(SkiaTables, LinearUsesTheSixteenBitFractionOfThePositionMinusAHalf) {
    const auto t = linear_table(4, 2);  // positions 1.0, 3.0: 0.5 -> taps 0, 1 at 1/2
    EXPECT_EQ(t.table.index(0, 0), 0);
    EXPECT_EQ(t.table.index(0, 1), 1);
    EXPECT_EQ(t.table.w(0, 1), 0.5);
    EXPECT_EQ(t.lerp[0], 0);  // f - 32768 with f = 32768
    const auto edge = linear_table(2, 4);  // position 0.25: -0.25 -> taps clamped to 0, 0
    EXPECT_EQ(edge.table.index(0, 0), 0);
    EXPECT_EQ(edge.table.index(0, 1), 0);
    EXPECT_EQ(edge.table.w(0, 1), 0.75);
}

TEST(SkiaTables, MitchellAtAPixelCentreIsTheOneSixthBlur) {
    const auto w = cubic_coefficients(1 / 3.0f, 1 / 3.0f);
    const auto t = cubic_table(5, 5, w);  // t = 0: weights B/6, 1 - B/3, B/6, 0
    EXPECT_FLOAT_EQ(static_cast<float>(t.w(2, 0)), 1 / 18.0f);
    EXPECT_FLOAT_EQ(static_cast<float>(t.w(2, 1)), 16 / 18.0f);
    EXPECT_FLOAT_EQ(static_cast<float>(t.w(2, 2)), 1 / 18.0f);
    EXPECT_EQ(t.w(2, 3), 0.0);
    EXPECT_EQ(t.index(2, 1), 2);
}

TEST(SkiaMipmap, LevelsHalveDownToOnePixel) {
    EXPECT_EQ(mip_level_count({1, 1}), 0);
    EXPECT_EQ(mip_level_count({5, 2}), 2);
    EXPECT_EQ(mip_level_size({5, 2}, 2).width, 1);
    EXPECT_EQ(mip_level_size({5, 2}, 2).height, 1);
    EXPECT_EQ(nearest_mip_level({400, 300}, 5.0f, 5.0f), 2);  // L = log2 5 - 0.5 = 1.82
    const LinearMip linear = linear_mip_levels({400, 300}, 5.0f, 5.0f);
    EXPECT_EQ(linear.upper, 1);
    EXPECT_NEAR(linear.lower_weight, 0.8219f, 1e-3f);
}

TEST(SkiaMipmap, OddSidesTakeTheOneTwoOneFilterAndTruncate) {
    const std::vector<std::uint8_t> row = {1, 2, 4};  // 3x1 -> 1x1: (1 + 4 + 4) >> 2 = 2
    std::uint8_t out = 0;
    downsample(ImageRef<const std::uint8_t>{row.data(), 3, 3, 1, 1}, ImageRef<std::uint8_t>{&out, 1, 1, 1, 1});
    EXPECT_EQ(out, 2);
    const auto t = downsample_table(3);
    EXPECT_EQ(t.taps, 3);
    EXPECT_EQ(t.w(0, 1), 0.5);
}
