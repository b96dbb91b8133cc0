// Index rules of OpenCV's tables, worked out by hand from resize.cpp's definitions.
#include <gtest/gtest.h>

#include "scaling/opencv/opencv_tables.hpp"

using namespace sd::opencv;

TEST(OpenCvTables, NearestPicksTopLeftBiasedPixel) {
    const auto t = nearest_table(9, 3);  // s = 3: floor(d * 3)
    EXPECT_EQ(t.index(0, 0), 0);
    EXPECT_EQ(t.index(1, 0), 3);
    EXPECT_EQ(t.index(2, 0), 6);
}

TEST(OpenCvTables, NearestUpscaleRepeatsAndClamps) {
    const auto t = nearest_table(2, 5);  // s = 0.4: 0, 0, 0, 1, 1
    const int expected[] = {0, 0, 0, 1, 1};
    for (int d = 0; d < 5; ++d) EXPECT_EQ(t.index(d, 0), expected[d]) << d;
}

TEST(OpenCvTables, LinearOddIntegerRatioReadsOnePixel) {
    const auto t = linear_table(15, 5, true);  // x = 3d + 1, f = 0
    for (int d = 0; d < 5; ++d) {
        EXPECT_EQ(t.index(d, 0), 3 * d + 1);
        EXPECT_EQ(t.q(d, 0), 2048);
        EXPECT_EQ(t.q(d, 1), 0);
    }
}

TEST(OpenCvTables, LinearEvenIntegerRatioReadsTwoCentrePixels) {
    const auto t = linear_table(16, 4, false);  // x = 4d + 1.5
    for (int d = 0; d < 4; ++d) {
        EXPECT_EQ(t.index(d, 0), 4 * d + 1);
        EXPECT_EQ(t.index(d, 1), 4 * d + 2);
        EXPECT_EQ(t.q(d, 0), 1024);
        EXPECT_EQ(t.q(d, 1), 1024);
    }
}

TEST(OpenCvTables, LinearUpscaleEdgesDifferPerAxis) {
    // 2 -> 4: x = 0.5 d - 0.25; d = 0 gives i = -1, f = 0.75.
    const auto horizontal = linear_table(2, 4, true);
    EXPECT_EQ(horizontal.index(0, 0), 0);
    EXPECT_EQ(horizontal.q(0, 0), 2048);  // moved to the edge with f = 0
    EXPECT_EQ(horizontal.q(0, 1), 0);
    const auto vertical = linear_table(2, 4, false);
    EXPECT_EQ(vertical.index(0, 0), 0);  // row -1 clamped to 0, f kept
    EXPECT_EQ(vertical.index(0, 1), 0);
    EXPECT_EQ(vertical.q(0, 0), 512);
    EXPECT_EQ(vertical.q(0, 1), 1536);
    // d = 3: x = 1.25, i = 1 = n - 1: horizontal moves to (1, f = 0), vertical keeps f = 0.25.
    EXPECT_EQ(horizontal.q(3, 1), 0);
    EXPECT_EQ(vertical.q(3, 1), 512);
    EXPECT_EQ(vertical.index(3, 1), 1);
}

TEST(OpenCvTables, IntegerStepTest) {
    EXPECT_TRUE(is_integer_step(200, 100, 2));
    EXPECT_FALSE(is_integer_step(201, 100, 2));
    EXPECT_FALSE(is_integer_step(300, 100, 2));
}
