// Tables of NEAREST_EXACT, CUBIC, LANCZOS4 and AREA, worked out by hand from resize.cpp's
// definitions (resizeNN_bitexact, interpolateCubic, interpolateLanczos4, computeResizeAreaTab).
#include <gtest/gtest.h>

#include "scaling/opencv/opencv_tables.hpp"
#include "scaling/opencv/opencv_weights.hpp"

using namespace sd::opencv;

TEST(OpenCvWideTables, NearestExactPicksTheCentrePixel) {
    const auto odd = nearest_exact_table(9, 3);  // cells of 3: centres 1, 4, 7
    for (int d = 0; d < 3; ++d) EXPECT_EQ(odd.index(d, 0), 3 * d + 1);
    // 10 -> 4: step = (655360 + 2) / 4 = 163840, offset = 81920: x = 2.5 d + 1.25.
    const auto even = nearest_exact_table(10, 4);
    const int expected[] = {1, 3, 6, 8};
    for (int d = 0; d < 4; ++d) EXPECT_EQ(even.index(d, 0), expected[d]) << d;
}

TEST(OpenCvWideTables, CubicWeightsAtHalfAreKeysValues) {
    float c[4];
    cubic_coefficients(0.5f, c);  // A = -0.75: (-3/32, 19/32, 19/32, -3/32), all exact in float32
    EXPECT_EQ(c[0], -0.09375f);
    EXPECT_EQ(c[1], 0.59375f);
    EXPECT_EQ(c[2], 0.59375f);
    EXPECT_EQ(c[3], -0.09375f);
}

TEST(OpenCvWideTables, CubicOddIntegerRatioCopiesOnePixel) {
    const auto t = interpolation_table(Interpolation::Cubic, 15, 5, true, false);  // x = 3d + 1, f = 0
    for (int d = 0; d < 5; ++d) {
        EXPECT_EQ(t.index(d, 1), 3 * d + 1);
        EXPECT_EQ(t.q(d, 0), 0);
        EXPECT_EQ(t.q(d, 1), 2048);
        EXPECT_EQ(t.q(d, 2), 0);
        EXPECT_EQ(t.q(d, 3), 0);
    }
    EXPECT_EQ(t.index(4, 3), 14);  // tap 15 clamped to the last column, kept as its own tap
}

TEST(OpenCvWideTables, CubicKeepsOutOfImageTapsOnBothAxes) {
    // 4 -> 8: d = 0 has x = -0.25, i = -1, f = 0.75 on both axes (no edge fix-up for CUBIC).
    for (bool horizontal : {true, false}) {
        const auto t = interpolation_table(Interpolation::Cubic, 4, 8, horizontal, false);
        EXPECT_EQ(t.index(0, 0), 0);
        EXPECT_EQ(t.index(0, 1), 0);
        EXPECT_EQ(t.index(0, 2), 0);
        EXPECT_EQ(t.index(0, 3), 1);
        EXPECT_NE(t.q(0, 0), 0);
        EXPECT_NE(t.q(0, 3), 0);
    }
}

TEST(OpenCvWideTables, FixedPointWeightsAreNotRenormalised) {
    const auto cubic = interpolation_table(Interpolation::Cubic, 97, 31, false, false);
    const auto lanczos = interpolation_table(Interpolation::Lanczos4, 97, 31, false, false);
    bool cubic_off = false;
    for (int d = 0; d < 31; ++d) {
        int sc = 0, sl = 0;
        for (int k = 0; k < 4; ++k) sc += cubic.q(d, k);
        for (int k = 0; k < 8; ++k) sl += lanczos.q(d, k);
        EXPECT_GE(sc, 2047);
        EXPECT_LE(sc, 2049);
        EXPECT_GE(sl, 2046);
        EXPECT_LE(sl, 2050);
        cubic_off |= sc != 2048;
    }
    EXPECT_TRUE(cubic_off) << "some rows should sum to 2047 or 2049";
}

TEST(OpenCvWideTables, LanczosAtZeroOffsetIsTheCentreTap) {
    float c[8];
    lanczos4_coefficients(0.0f, c);
    for (int k = 0; k < 8; ++k) EXPECT_NEAR(c[k], k == 3 ? 1.0 : 0.0, 1e-6) << k;
    const auto t = interpolation_table(Interpolation::Lanczos4, 21, 7, true, false);  // f = 0
    for (int k = 0; k < 8; ++k) EXPECT_EQ(t.q(2, k), k == 3 ? 2048 : 0) << k;
    EXPECT_EQ(t.index(2, 3), 7);
}

TEST(OpenCvWideTables, AreaTableCoversFractionalCells) {
    const auto t = area_table(5, 2);  // s = 2.5
    // d = 0: pixels 0, 1 whole (1/2.5), pixel 2 half (0.5/2.5).
    EXPECT_EQ(t.index(0, 0), 0);
    EXPECT_EQ(t.w(0, 0), static_cast<double>(0.4f));
    EXPECT_EQ(t.index(0, 1), 1);
    EXPECT_EQ(t.index(0, 2), 2);
    EXPECT_EQ(t.w(0, 2), static_cast<double>(0.2f));
    // d = 1: pixel 2 half first, then 3 and 4 whole.
    EXPECT_EQ(t.index(1, 0), 2);
    EXPECT_EQ(t.w(1, 0), static_cast<double>(0.2f));
    EXPECT_EQ(t.index(1, 1), 3);
    EXPECT_EQ(t.index(1, 2), 4);
    EXPECT_EQ(t.w(1, 2), static_cast<double>(0.4f));
}

TEST(OpenCvWideTables, AreaTablePadsShortRowsWithZeroWeights) {
    const auto t = area_table(7, 3);  // s = 7/3: rows of 3 and 4 entries
    EXPECT_EQ(t.taps, 3);
    double total = 0;
    for (int d = 0; d < 3; ++d)
        for (int k = 0; k < t.taps; ++k) total += t.w(d, k);
    EXPECT_NEAR(total, 3.0, 1e-6);
}

TEST(OpenCvWideTables, AreaModeUpscaleBlendsOnlyAtCellBoundaries) {
    // 2 -> 5 (inverse 2.5): outputs 0, 1 copy pixel 0; output 2 straddles the boundary: f = 0.5.
    const auto t = interpolation_table(Interpolation::Linear, 2, 5, true, true);
    EXPECT_EQ(t.q(0, 0), 2048);
    EXPECT_EQ(t.q(1, 0), 2048);
    EXPECT_EQ(t.index(2, 0), 0);
    EXPECT_EQ(t.index(2, 1), 1);
    EXPECT_EQ(t.q(2, 0), 1024);
    EXPECT_EQ(t.q(2, 1), 1024);
    EXPECT_EQ(t.index(4, 0), 1);  // last column: moved to the edge with f = 0
    EXPECT_EQ(t.q(4, 0), 2048);
}
