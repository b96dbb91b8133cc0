// TensorFlow's per-axis tables, worked out by hand from the kernel sources' definitions
// (values of /work/shared/reference/tensorflow-resize.md §2–§7 and §11).
#include <gtest/gtest.h>

#include <cmath>

#include "scaling/tensorflow/tensorflow_tables.hpp"

using namespace sd::tensorflow;

namespace {
float lerp(const AxisTable& t, int p) { return static_cast<float>(t.taps.w(p, 1)); }
}  // namespace

TEST(TensorFlowTables, ScaleIsFloatRatio) {
    EXPECT_EQ(resize_scale(10, 4), 2.5f);
    EXPECT_EQ(resize_scale(4, 3), 4.0f / 3.0f);
}

TEST(TensorFlowTables, LegacyBilinearSamplesAtPTimesBeta) {
    // E1: n = 10, m = 4, beta = 2.5: x = 0, 2.5, 5, 7.5.
    const AxisTable t = bilinear_table(10, 4, false);
    const int lower[] = {0, 2, 5, 7};
    const float lerps[] = {0.0f, 0.5f, 0.0f, 0.5f};
    for (int p = 0; p < 4; ++p) {
        EXPECT_EQ(t.taps.index(p, 0), lower[p]) << p;
        EXPECT_EQ(lerp(t, p), lerps[p]) << p;
    }
}

TEST(TensorFlowTables, HalfPixelBilinearSamplesAtCentres) {
    // E1: x = (p + 0.5) * 2.5 - 0.5 = 0.75, 3.25, 5.75, 8.25.
    const AxisTable t = bilinear_table(10, 4, true);
    const int lower[] = {0, 3, 5, 8};
    const float lerps[] = {0.75f, 0.25f, 0.75f, 0.25f};
    for (int p = 0; p < 4; ++p) {
        EXPECT_EQ(t.taps.index(p, 0), lower[p]) << p;
        EXPECT_EQ(t.taps.index(p, 1), lower[p] + 1) << p;
        EXPECT_EQ(lerp(t, p), lerps[p]) << p;
    }
    // E4: n = 5, m = 8: x = 0.5 * 0.625 - 0.5 = -0.1875: lower = max(-1, 0) = 0, upper = ceil = 0,
    // lerp = x - floor(x) = 0.8125 (both taps read pixel 0).
    const AxisTable up = bilinear_table(5, 8, true);
    EXPECT_EQ(up.taps.index(0, 0), 0);
    EXPECT_EQ(up.taps.index(0, 1), 0);
    EXPECT_EQ(lerp(up, 0), 0.8125f);
    // Last output: x = 7.5 * 0.625 - 0.5 = 4.1875: lower 4, upper min(5, 4) = 4.
    EXPECT_EQ(up.taps.index(7, 0), 4);
    EXPECT_EQ(up.taps.index(7, 1), 4);
}

TEST(TensorFlowTables, NearestLegacyFloorsFloatPosition) {
    // §3: n = 26, m = 22, p = 11: fl(11 * fl(26/22)) = 12.999999 -> 12, not the exact 13.
    EXPECT_EQ(nearest_table(26, 22, false).taps.index(11, 0), 12);
    // E1 TF1: floor(0, 2.5, 5, 7.5); TF2: floor(1.25, 3.75, 6.25, 8.75).
    const int legacy[] = {0, 2, 5, 7};
    const int half[] = {1, 3, 6, 8};
    for (int p = 0; p < 4; ++p) {
        EXPECT_EQ(nearest_table(10, 4, false).taps.index(p, 0), legacy[p]);
        EXPECT_EQ(nearest_table(10, 4, true).taps.index(p, 0), half[p]);
    }
}

TEST(TensorFlowTables, BicubicCoefficientTable) {
    const std::vector<float>& legacy = bicubic_coefficients(false);  // a = -0.75
    const std::vector<float>& keys = bicubic_coefficients(true);     // a = -0.5
    // t = 0.5 (entry 512): W(0.5) = (a+2)/8 - (a+3)/4 + 1, W(1.5) = a/8.
    EXPECT_EQ(legacy[512 * 2], 0.59375f);
    EXPECT_EQ(legacy[512 * 2 + 1], -0.09375f);
    // t = 0.25 (entry 256), Keys: W(0.25) = 0.8671875, W(1.25) = -0.0703125.
    EXPECT_EQ(keys[256 * 2], 0.8671875f);
    EXPECT_EQ(keys[256 * 2 + 1], -0.0703125f);
    // W(0) = 1, W(1) = 0 at both ends of the table, W(2) = 0.
    EXPECT_EQ(keys[0], 1.0f);
    EXPECT_EQ(keys[1], 0.0f);
    EXPECT_EQ(keys[2048], 0.0f);
    EXPECT_EQ(keys[2049], 0.0f);
    // E5: row position 0.16666669 rounds to table index 171 (170.67).
    const double t = 171.0 / 1024;
    EXPECT_NEAR(keys[171 * 2], (1.5 * t - 2.5) * t * t + 1, 1e-7);
}

TEST(TensorFlowTables, LegacyBicubicClampsAndKeepsWeights) {
    // n = 3, m = 2: output 1 at x = 1.5 reads 0, 1, 2, 2 with -0.09375, 0.59375, 0.59375, -0.09375.
    const AxisTable t = bicubic_table(3, 2, false);
    const int index[] = {0, 1, 2, 2};
    const float weight[] = {-0.09375f, 0.59375f, 0.59375f, -0.09375f};
    for (int k = 0; k < 4; ++k) {
        EXPECT_EQ(t.taps.index(1, k), index[k]) << k;
        EXPECT_EQ(static_cast<float>(t.taps.w(1, k)), weight[k]) << k;
    }
}

TEST(TensorFlowTables, KeysBicubicDropsOutsideTapsAndRenormalises) {
    // E1 TF2 out 0: x = 0.75; tap -1 weight 0; (0.2265625, 0.8671875, -0.0703125) / 1.0234375.
    const AxisTable t = bicubic_table(10, 4, true);
    EXPECT_EQ(t.taps.w(0, 0), 0.0);
    const float r = 1.0f / 1.0234375f;
    EXPECT_EQ(static_cast<float>(t.taps.w(0, 1)), 0.2265625f * r);
    EXPECT_EQ(static_cast<float>(t.taps.w(0, 2)), 0.8671875f * r);
    EXPECT_EQ(static_cast<float>(t.taps.w(0, 3)), -0.0703125f * r);
}

TEST(TensorFlowTables, AreaCoverage) {
    // E1 out 0: [0, 2.5): pixels 0, 1 whole, pixel 2 half.
    const AxisTable t = area_table(10, 4);
    ASSERT_EQ(t.count[0], 3);
    EXPECT_EQ(t.taps.w(0, 0), 1.0);
    EXPECT_EQ(t.taps.w(0, 1), 1.0);
    EXPECT_EQ(t.taps.w(0, 2), 0.5);
    // Out 1: [2.5, 5): pixel 2 half, 3 and 4 whole.
    ASSERT_EQ(t.count[1], 3);
    EXPECT_EQ(t.taps.index(1, 0), 2);
    EXPECT_EQ(t.taps.w(1, 0), 0.5);
    // §6 float artefact: n = 14, m = 13, p = 12: b = fl(13 * fl(14/13)) = 14.000001 adds a third
    // tap (index 14 clamped to 13) with a weight of about 1e-6.
    const AxisTable s = area_table(14, 13);
    ASSERT_EQ(s.count[12], 3);
    EXPECT_EQ(s.taps.index(12, 2), 13);
    EXPECT_GT(s.taps.w(12, 2), 0.0);
    EXPECT_LT(s.taps.w(12, 2), 1e-4);
}

TEST(TensorFlowTables, ScaleAndTranslateTriangleWithAntialias) {
    // E1 bilinear AA out 0: beta' = 2.5, c = 1.25, reach 2.5: taps 0..3 weighted 0.7, 0.9, 0.5, 0.1
    // (1 - |j + 0.5 - 1.25| / 2.5), divided by 2.2; span size min(2 * 3 + 1, 10) = 7, rest zero.
    const AxisTable t = span_table(10, 4, SpanKernel::Triangle, true);
    ASSERT_EQ(t.taps.taps, 7);
    EXPECT_EQ(t.taps.index(0, 0), 0);
    const double expected[] = {0.7, 0.9, 0.5, 0.1};
    for (int k = 0; k < 4; ++k) EXPECT_NEAR(t.taps.w(0, k), expected[k] / 2.2, 1e-6) << k;
    for (int k = 4; k < 7; ++k) EXPECT_EQ(t.taps.w(0, k), 0.0) << k;
}

TEST(TensorFlowTables, ScaleAndTranslateDropsTapsOutsideImage) {
    // Lanczos3 without AA, n = 10, m = 4, out 0 at c = 1.25: pixels j with j + 0.5 in [-1.75, 4.25]
    // -> 0..3 (the left part of the kernel falls outside and is dropped, the rest renormalised).
    const AxisTable t = span_table(10, 4, SpanKernel::Lanczos3, false);
    EXPECT_EQ(t.taps.index(0, 0), 0);
    double sum = 0;
    for (int k = 0; k < t.taps.taps; ++k) sum += t.taps.w(0, k);
    EXPECT_NEAR(sum, 1.0, 1e-6);
    EXPECT_EQ(t.taps.w(0, 4), 0.0);
    EXPECT_NE(t.taps.w(0, 3), 0.0);
}

TEST(TensorFlowTables, SamplingKernels) {
    EXPECT_EQ(span_kernel_value(SpanKernel::Triangle, 0.25f), 0.75f);
    EXPECT_EQ(span_kernel_value(SpanKernel::Triangle, -1.0f), 0.0f);
    EXPECT_EQ(span_kernel_value(SpanKernel::KeysCubic, 0.0f), 1.0f);
    EXPECT_EQ(span_kernel_value(SpanKernel::KeysCubic, 0.5f), 0.5625f);  // 1.5/8 - 2.5/4 + 1
    EXPECT_EQ(span_kernel_value(SpanKernel::KeysCubic, 2.0f), 0.0f);
    EXPECT_EQ(span_kernel_value(SpanKernel::Lanczos3, 0.0005f), 1.0f);  // |x| <= 1e-3
    EXPECT_NEAR(span_kernel_value(SpanKernel::Lanczos3, 0.5f), 3 * std::sin(M_PI / 6) / (M_PI * M_PI * 0.25), 1e-6);
    EXPECT_EQ(span_kernel_value(SpanKernel::Lanczos5, 5.5f), 0.0f);
    EXPECT_EQ(span_kernel_value(SpanKernel::Gaussian, 0.0f), 1.0f);
    EXPECT_NEAR(span_kernel_value(SpanKernel::Gaussian, 0.5f), std::exp(-0.5), 1e-7);  // sigma = 0.5
    EXPECT_EQ(span_kernel_value(SpanKernel::Gaussian, 1.5f), 0.0f);
    EXPECT_NEAR(span_kernel_value(SpanKernel::MitchellCubic, 0.0f), 8.0 / 9.0, 1e-7);
    // 16/9 - 10/3 + 2 - 7/18 = 1/18, evaluated in float32 with cancellation (~1.5e-7 off).
    EXPECT_NEAR(span_kernel_value(SpanKernel::MitchellCubic, 1.0f), 1.0 / 18.0, 1e-6);
    EXPECT_EQ(span_kernel_radius(SpanKernel::Gaussian), 1.5f);
    EXPECT_EQ(span_inverse_scale(10, 4), 2.5f);
}
