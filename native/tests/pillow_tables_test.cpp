// Pillow's per-axis tables, checked against values worked out by hand from Resample.c and
// Geometry.c (Pillow 9.4) as described in docs/scalers/pillow.md.
#include <gtest/gtest.h>

#include <cmath>

#include "scaling/pillow/pillow_filters.hpp"
#include "scaling/pillow/pillow_tables.hpp"

using namespace sd;
using namespace sd::pillow;

namespace {
constexpr int kOne = 1 << 22;
}

TEST(PillowTables, BilinearRatioTwoUsesFourTapsOfOneEighthAndThreeEighths) {
    const auto t = filter_table(16, 8, filter_for(Algorithm::Bilinear));  // support 2, centre 2i + 1
    ASSERT_EQ(t.table.taps, 5);                                           // 2 * ceil(2) + 1
    EXPECT_EQ(t.count[3], 4);
    EXPECT_EQ(t.table.index(3, 0), 5);  // pixels 2i - 1 .. 2i + 2
    const int expected[] = {kOne / 8, 3 * kOne / 8, 3 * kOne / 8, kOne / 8};
    for (int k = 0; k < 4; ++k) EXPECT_EQ(t.table.q(3, k), expected[k]) << k;
    EXPECT_EQ(t.table.q(3, 4), 0);  // padding
}

TEST(PillowTables, WindowsAreTruncatedAtTheBorderAndRenormalised) {
    const auto t = filter_table(16, 8, filter_for(Algorithm::Bilinear));
    EXPECT_EQ(t.count[0], 3);  // pixel -1 does not exist: 3/8, 3/8, 1/8 over 7/8
    EXPECT_EQ(t.table.index(0, 0), 0);
    EXPECT_DOUBLE_EQ(t.table.w(0, 0), 3.0 / 7.0);
    EXPECT_DOUBLE_EQ(t.table.w(0, 2), 1.0 / 7.0);
    EXPECT_EQ(t.table.q(0, 2), static_cast<int>(0.5 + (1.0 / 7.0) * kOne));
}

TEST(PillowTables, NegativeWeightsRoundHalfAwayFromZero) {
    const auto t = filter_table(30, 10, filter_for(Algorithm::Bicubic));  // support 6, 12 taps
    bool negative = false;
    for (int k = 0; k < t.count[5]; ++k) {
        const double w = t.table.w(5, k);
        if (w < 0) {
            negative = true;
            EXPECT_EQ(t.table.q(5, k), static_cast<int>(w * kOne - 0.5));
        }
    }
    EXPECT_TRUE(negative);
}

TEST(PillowTables, BoxAveragesWholePixelsWithHalfOpenWindow) {
    const auto t = filter_table(5, 2, filter_for(Algorithm::Box));  // scale 2.5, centres 1.25, 3.75
    // Output 0: centres 0.5, 1.5, 2.5 against (0, 2.5]: pixels 0, 1 and 2 (2.5 is inside).
    ASSERT_EQ(t.count[0], 3);
    EXPECT_DOUBLE_EQ(t.table.w(0, 0), 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(t.table.w(0, 2), 1.0 / 3.0);
    // Output 1: window from trunc(3.75 - 1.25 + 0.5) = 3: centres 3.5 and 4.5, pixel 2 not at all.
    ASSERT_EQ(t.count[1], 2);
    EXPECT_EQ(t.table.index(1, 0), 3);
    EXPECT_DOUBLE_EQ(t.table.w(1, 0), 0.5);
    EXPECT_DOUBLE_EQ(t.table.w(1, 1), 0.5);
}

TEST(PillowTables, UpscaleKeepsTheUnwidenedSupport) {
    const auto t = filter_table(4, 8, filter_for(Algorithm::Bilinear));  // scale 0.5, support 1
    EXPECT_EQ(t.table.taps, 3);
    // Output 1: centre 0.75; pixels 0 and 1 at distances 0.25 and 0.75.
    EXPECT_DOUBLE_EQ(t.table.w(1, 0), 0.75);
    EXPECT_DOUBLE_EQ(t.table.w(1, 1), 0.25);
}

TEST(PillowTables, EqualSizesAreTheIdentityAndSkipThePass) {
    const auto t = filter_table(7, 7, filter_for(Algorithm::Lanczos));
    EXPECT_FALSE(t.needed);
    for (int i = 0; i < 7; ++i) {
        EXPECT_EQ(t.count[i], 1);
        EXPECT_EQ(t.table.index(i, 0), i);
        EXPECT_EQ(t.table.q(i, 0), kOne);
    }
}

TEST(PillowTables, NearestUsesTheRunningSumNotTheClosedForm) {
    const auto t = nearest_table(64, 15);
    // Closed form floor(7.5 * 64 / 15) = 32, but the accumulated sum lands just below 32.
    EXPECT_EQ(t.table.index(7, 0), 31);
    EXPECT_EQ(t.table.index(0, 0), 2);  // floor(0.5 * 64 / 15)
    EXPECT_EQ(t.count[7], 1);
}

TEST(PillowTables, FilterWidthGrowsWithTheDownscaleRatioOnly) {
    EXPECT_DOUBLE_EQ(filter_width(100, 25, filter_for(Algorithm::Bicubic)), 16.0);
    EXPECT_DOUBLE_EQ(filter_width(25, 100, filter_for(Algorithm::Bicubic)), 4.0);
    EXPECT_DOUBLE_EQ(filter_width(90, 30, filter_for(Algorithm::Lanczos)), 18.0);
    EXPECT_DOUBLE_EQ(filter_width(9, 3, filter_for(Algorithm::Box)), 3.0);
}

TEST(PillowFilters, KernelValuesAtKnownPoints) {
    EXPECT_DOUBLE_EQ(filter_for(Algorithm::Lanczos).kernel(0.0), 1.0);
    EXPECT_DOUBLE_EQ(filter_for(Algorithm::Lanczos).kernel(3.0), 0.0);  // half-open [-3, 3)
    EXPECT_NE(filter_for(Algorithm::Lanczos).kernel(-3.0), 1.0);
    EXPECT_DOUBLE_EQ(filter_for(Algorithm::Bicubic).kernel(1.5), -0.0625);  // a = -0.5
    EXPECT_DOUBLE_EQ(filter_for(Algorithm::Box).kernel(0.5), 1.0);
    EXPECT_DOUBLE_EQ(filter_for(Algorithm::Box).kernel(-0.5), 0.0);
    // Hamming at 0.5: sin(pi/2)/(pi/2) * (0.54f + 0.46f * cos(pi/2)), with float constants.
    const double expected = 1.0 / (3.14159265358979323846 / 2) *
                            (static_cast<double>(0.54f) + static_cast<double>(0.46f) * std::cos(3.14159265358979323846 / 2));
    EXPECT_DOUBLE_EQ(filter_for(Algorithm::Hamming).kernel(0.5), expected);
    EXPECT_THROW(filter_for(Algorithm::Area), std::invalid_argument);
}
