// Rules of PyTorch 1.13's interpolate tables, worked out by hand from UpSample.h,
// UpSampleKernel.cpp and AdaptiveAveragePooling.cpp (see docs/scalers/pytorch.md).
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "core/errors.hpp"
#include "scaling/pytorch/pytorch_model.hpp"
#include "scaling/pytorch/pytorch_tables.hpp"

using namespace sd;
using namespace sd::pytorch;

TEST(PyTorchTables, ScaleIsTheFloat32Quotient) {
    EXPECT_EQ(scale_value(870, 133), 870.0f / 133.0f);
    EXPECT_NE(static_cast<double>(scale_value(870, 133)), 870.0 / 133.0);
}

TEST(PyTorchTables, NearestFloorsTheFloat32Product) {
    const auto t = nearest_table(106, 26);  // f32(13 * 4.0769229) = 52.999996
    EXPECT_EQ(t.index(13, 0), 52);
    const auto up = nearest_table(2, 5);  // s = 0.4: 0, 0, 0, 1, 1
    const int expected[] = {0, 0, 0, 1, 1};
    for (int i = 0; i < 5; ++i) EXPECT_EQ(up.index(i, 0), expected[i]) << i;
}

TEST(PyTorchTables, NearestExactIsCentred) {
    const auto t = nearest_exact_table(3, 2);  // floor(1.5 (i + 0.5)) = 0, 2
    EXPECT_EQ(t.index(0, 0), 0);
    EXPECT_EQ(t.index(1, 0), 2);
}

TEST(PyTorchTables, LinearClampsNegativeCoordinatesAndTheLastPixel) {
    const auto t = linear_table(2, 4);  // s = 0.5: r = max(0.5 i - 0.25, 0) = 0, 0.25, 0.75, 1.25
    EXPECT_EQ(t.index(0, 0), 0);
    EXPECT_EQ(t.w(0, 0), 1.0);
    EXPECT_EQ(t.index(1, 1), 1);
    EXPECT_EQ(t.w(1, 1), 0.25);
    EXPECT_EQ(t.w(2, 1), 0.75);
    EXPECT_EQ(t.index(3, 0), 1);  // i0 = 1 is the last pixel: i1 = i0, lambda1 = 0.25 on the same pixel
    EXPECT_EQ(t.index(3, 1), 1);
}

TEST(PyTorchTables, CubicIsTheIdentityAtScaleOne) {
    const auto t = cubic_table(6, 6);
    for (int i = 0; i < 6; ++i) {
        EXPECT_EQ(t.w(i, 0), 0.0);
        EXPECT_EQ(t.w(i, 1), 1.0);
        EXPECT_EQ(t.w(i, 2), 0.0);
        EXPECT_EQ(t.w(i, 3), 0.0);
        EXPECT_EQ(t.index(i, 1), i);
    }
}

TEST(PyTorchTables, CubicHalfwayWeightsAreKeysWithMinusThreeQuarters) {
    // 4 -> 2: r = 2 (i + 0.5) - 0.5 = 0.5, 2.5; t = 0.5: K2(1.5) = -0.09375, K1(0.5) = 0.59375.
    const auto t = cubic_table(4, 2);
    EXPECT_EQ(t.w(0, 0), -0.09375);
    EXPECT_EQ(t.w(0, 1), 0.59375);
    EXPECT_EQ(t.w(0, 2), 0.59375);
    EXPECT_EQ(t.w(0, 3), -0.09375);
    EXPECT_EQ(t.index(0, 0), 0);  // floor(0.5) - 1 = -1 clamps to 0
    EXPECT_EQ(t.index(1, 3), 3);  // floor(2.5) + 2 = 4 clamps to 3
}

TEST(PyTorchTables, AntialiasWindowIsWidenedTruncatedAndNormalised) {
    // 4 -> 2, s = 2, support 2: output 0 centre 1, window [0, 3), weights 0.75, 0.75, 0.25 / 1.75.
    const auto t = antialias_table(4, 2, false).table;
    EXPECT_EQ(t.index(0, 0), 0);
    EXPECT_EQ(t.w(0, 0), static_cast<double>(0.75f / 1.75f));
    EXPECT_EQ(t.w(0, 2), static_cast<double>(0.25f / 1.75f));
    EXPECT_EQ(antialias_width(4, 2, false), 4.0);
    EXPECT_EQ(antialias_width(4, 2, true), 8.0);
    EXPECT_EQ(antialias_width(4, 8, true), 4.0);  // up-scaling: no widening
}

TEST(PyTorchTables, AreaWindowsOverlapByWholePixels) {
    const auto w = area_windows(5, 2);
    EXPECT_EQ(w.start, (std::vector<int>{0, 2}));
    EXPECT_EQ(w.end, (std::vector<int>{3, 5}));
    EXPECT_EQ(w.widest, 3);
}

TEST(PyTorchModel, AreaAveragesAndEightBitIsUnsupported) {
    ModelParams p;
    p.library = Library::PyTorch;
    p.algorithm = Algorithm::Area;
    p.source = {4, 2};
    p.target = {2, 1};
    const auto model = create_model(p);
    const float in[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    float out[2] = {0, 0};
    model->scale(ImageRef<const float>{in, 16, 4, 2, 1}, ImageRef<float>{out, 8, 2, 1, 1});
    EXPECT_EQ(out[0], 3.5f);  // (1 + 2 + 5 + 6) / 2 / 2
    EXPECT_EQ(out[1], 5.5f);
    EXPECT_FALSE(model->supports(SampleType::UInt8));
    const std::uint8_t in8[8] = {};
    std::uint8_t out8[2] = {};
    EXPECT_THROW(model->scale(ImageRef<const std::uint8_t>{in8, 4, 4, 2, 1}, ImageRef<std::uint8_t>{out8, 2, 2, 1, 1}),
                 UnsupportedError);
}
