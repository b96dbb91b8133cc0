// The column solver: exact on disjoint supports, certified by the duality gap on overlapping ones.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "attack/box_interval_qp.hpp"

namespace {

using namespace sd::attack;

// A banded matrix with `taps` weights per row and the given stride between rows.
ConstraintRows banded(int rows, int inputs, int taps, int stride, const std::vector<double>& kernel) {
    ConstraintRows w;
    w.inputs = inputs;
    w.offsets.push_back(0);
    std::vector<int> readers(inputs, 0);
    for (int i = 0; i < rows; ++i) {
        for (int k = 0; k < taps; ++k) {
            const int index = i * stride + k;
            w.indices.push_back(index);
            w.weights.push_back(kernel[k]);
            if (++readers[index] > 1) w.disjoint = false;
        }
        w.offsets.push_back(static_cast<int>(w.indices.size()));
        w.max_support = taps;
    }
    return w;
}

}  // namespace

TEST(AttackQp, DisjointSupportsSolvedInOneSweep) {
    const ConstraintRows w = banded(8, 32, 2, 4, {0.5, 0.5});
    ASSERT_TRUE(w.disjoint);
    std::vector<double> s(32), lo(32, 0.0), hi(32, 255.0), a(8), b(8), x(32);
    for (int j = 0; j < 32; ++j) s[j] = 7.0 * j;
    for (int i = 0; i < 8; ++i) {
        a[i] = 100 - 1;
        b[i] = 100 + 1;
    }
    QpWorkspace work;
    const QpResult r = solve_box_interval_qp(w, s.data(), lo.data(), hi.data(), a.data(), b.data(), {}, work, x.data());
    EXPECT_EQ(r.sweeps, 1);
    EXPECT_TRUE(r.feasible);
    EXPECT_NEAR(r.duality_gap, 0, 1e-9);
    // Row 0 reads s0 = 0, s1 = 7: mean 3.5 -> 99, each moves by 95.5.
    EXPECT_NEAR(x[0], 95.5, 1e-9);
    EXPECT_NEAR(x[1], 102.5, 1e-9);
    EXPECT_EQ(x[2], s[2]);  // unread pixels stay
}

TEST(AttackQp, OverlappingSupportsConvergeWithSmallGap) {
    // A bicubic-like kernel at stride 1.5 -> rows overlap.
    const ConstraintRows w = banded(20, 44, 5, 2, {-0.05, 0.3, 0.5, 0.3, -0.05});
    ASSERT_FALSE(w.disjoint);
    std::mt19937 random(3);
    std::uniform_real_distribution<double> pixel(0, 255);
    std::vector<double> s(44), lo(44, 0.0), hi(44, 255.0), a(20), b(20), x(44);
    for (auto& v : s) v = pixel(random);
    for (int i = 0; i < 20; ++i) {
        const double t = 60 + 100 * (i % 2);
        a[i] = t - 1;
        b[i] = t + 1;
    }
    QpWorkspace work;
    const QpResult r = solve_box_interval_qp(w, s.data(), lo.data(), hi.data(), a.data(), b.data(), {}, work, x.data());
    EXPECT_TRUE(r.feasible);
    EXPECT_GT(r.sweeps, 1);
    EXPECT_LE(r.sweeps, 16);  // the active-set finish ends it long before coordinate ascent alone would
    EXPECT_LE(r.residual, 1e-3);
    EXPECT_LT(std::abs(r.duality_gap), 1e-2 * std::max(1.0, r.objective));
    // The solution respects the box.
    for (int j = 0; j < 44; ++j) {
        EXPECT_GE(x[j], 0);
        EXPECT_LE(x[j], 255);
    }
}
