// IPP's cubic tables (opencv_ipp_cubic.hpp), worked out by hand, and the build switch of the model.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include <Eigen/Dense>

#include "scaling/opencv/opencv_ipp_cubic.hpp"
#include "scaling/scaling_model.hpp"

using namespace sd;
using namespace sd::opencv;

TEST(OpenCvIppCubic, RatioTwoGivesKeysValuesAtHalfWithClampedTaps) {
    const auto t = ipp_cubic_table(8, 4);  // x = 2d + 0.5: t = 1/2, (-3/32, 19/32, 19/32, -3/32)
    const double w[] = {-0.09375, 0.59375, 0.59375, -0.09375};
    for (int k = 0; k < 4; ++k) EXPECT_EQ(t.w(1, k), w[k]) << k;
    const int first[] = {0, 0, 1, 2};  // i = 0: taps -1..2, the first clamped and kept apart
    for (int k = 0; k < 4; ++k) EXPECT_EQ(t.index(0, k), first[k]) << k;
    EXPECT_EQ(t.index(3, 3), 7);  // i = 6: taps 5..8, the last clamped
}

TEST(OpenCvIppCubic, FractionLiesOnTheGridOfOneToTwo) {
    // 10 -> 3, d = 0: x = 5/3 - 1/2 = 7/6, t = 1/6 (no float); IPP's t is (fl32(t) + 1) - 1 in
    // float32, a multiple of 2^-23.
    const auto t = ipp_cubic_table(10, 3);
    const double x = 0.5 * 10.0 / 3.0 - 0.5;
    const float u = static_cast<float>(x - std::floor(x)) + 1.0f;
    const double fraction = static_cast<double>(u - 1.0f);
    EXPECT_EQ(std::fmod(fraction * 8388608.0, 1.0), 0.0);
    const double keys = ((1.25 * fraction - 2.25) * fraction * fraction) + 1;  // |t| < 1, a = -0.75
    EXPECT_EQ(t.w(0, 1), static_cast<double>(static_cast<float>(keys)));
}

TEST(OpenCvIppCubic, IppTakesSourcesOfFourByFourAndC1C3C4) {
    EXPECT_TRUE(ipp_takes_cubic(4, 4));
    EXPECT_FALSE(ipp_takes_cubic(3, 40));
    EXPECT_FALSE(ipp_takes_cubic(40, 3));
    EXPECT_TRUE(ipp_takes_channels(1));
    EXPECT_FALSE(ipp_takes_channels(2));
    EXPECT_TRUE(ipp_takes_channels(3));
    EXPECT_TRUE(ipp_takes_channels(4));
}

TEST(OpenCvIppCubic, BuildsDifferOnlyWhereIppTakesTheCall) {
    auto make = [](Size source, OpenCvBuild build) {
        ModelParams p{Library::OpenCV, Algorithm::Bicubic, source, {7, 5}};
        p.opencv_build = build;
        return create_scaling_model(p);
    };
    auto same = [&](Size source) {
        const Eigen::MatrixXd ipp(make(source, OpenCvBuild::Ipp)->coefficients(Axis::Horizontal, SampleType::UInt8));
        const Eigen::MatrixXd plain(make(source, OpenCvBuild::Plain)->coefficients(Axis::Horizontal, SampleType::UInt8));
        return (ipp.array() == plain.array()).all();
    };
    EXPECT_FALSE(same({23, 17}));  // IPP's float32 weights against OpenCV's 11-bit ones
    EXPECT_TRUE(same({23, 3}));    // a source under 4 rows: OpenCV's kernel in both builds
}
