// The one-row closed form against a brute-force search over a fine grid of box points.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "attack/row_step.hpp"

namespace {

using sd::attack::row_value;
using sd::attack::solve_row_step;

double distance2(const std::vector<double>& u, const std::vector<double>& w, const std::vector<double>& lo,
                 const std::vector<double>& hi, double lambda) {
    double d = 0;
    for (size_t j = 0; j < u.size(); ++j) {
        const double x = std::min(hi[j], std::max(lo[j], u[j] + lambda * w[j]));
        d += (x - u[j]) * (x - u[j]);
    }
    return d;
}

}  // namespace

TEST(AttackRowStep, ZeroWhenAlreadyInside) {
    std::vector<double> u{10, 20}, w{0.5, 0.5}, lo{0, 0}, hi{255, 255}, scratch;
    const auto step = solve_row_step(u.data(), w.data(), lo.data(), hi.data(), 2, 14, 16, scratch);
    EXPECT_EQ(step.lambda, 0);
    EXPECT_TRUE(step.reachable);
}

TEST(AttackRowStep, ReachesTheNearerEndWithoutClipping) {
    // w.(u + lambda w) = 15 + 0.5 lambda reaches the lower end 99 at lambda = 168.
    std::vector<double> u{10, 20}, w{0.5, 0.5}, lo{0, 0}, hi{255, 255}, scratch;
    const auto step = solve_row_step(u.data(), w.data(), lo.data(), hi.data(), 2, 99, 100, scratch);
    EXPECT_NEAR(step.lambda, 168, 1e-9);
}

TEST(AttackRowStep, ClipsAtTheBoxAndKeepsGoingWithTheOthers) {
    // x0 saturates at 255 first; then only x1 moves: 0.8*255 + 0.2*x1 = 250 => x1 = 230.
    std::vector<double> u{200, 0}, w{0.8, 0.2}, lo{0, 0}, hi{255, 255}, scratch;
    const auto step = solve_row_step(u.data(), w.data(), lo.data(), hi.data(), 2, 250, 251, scratch);
    EXPECT_NEAR(row_value(u.data(), w.data(), lo.data(), hi.data(), 2, step.lambda), 250, 1e-9);
    EXPECT_NEAR(u[1] + step.lambda * w[1], 230, 1e-9);
}

TEST(AttackRowStep, ReportsUnreachable) {
    std::vector<double> u{10, 10}, w{0.5, 0.5}, lo{0, 0}, hi{20, 20}, scratch;
    const auto step = solve_row_step(u.data(), w.data(), lo.data(), hi.data(), 2, 30, 31, scratch);
    EXPECT_FALSE(step.reachable);
    EXPECT_NEAR(row_value(u.data(), w.data(), lo.data(), hi.data(), 2, step.lambda), 20, 1e-9);
}

TEST(AttackRowStep, OptimalAgainstAGridSearchWithNegativeWeights) {
    std::mt19937 random(7);
    std::uniform_real_distribution<double> pixel(0, 255), weight(-0.2, 0.8);
    for (int trial = 0; trial < 50; ++trial) {
        const int n = 2 + trial % 5;
        std::vector<double> u(n), w(n), lo(n, 0.0), hi(n, 255.0), scratch;
        for (int j = 0; j < n; ++j) {
            u[j] = pixel(random);
            w[j] = weight(random);
        }
        const double goal = pixel(random) * 0.5;
        const auto step = solve_row_step(u.data(), w.data(), lo.data(), hi.data(), n, goal - 1, goal + 1, scratch);
        if (!step.reachable) continue;
        const double value = row_value(u.data(), w.data(), lo.data(), hi.data(), n, step.lambda);
        EXPECT_GE(value, goal - 1 - 1e-9);
        EXPECT_LE(value, goal + 1 + 1e-9);
        // Along the KKT family no feasible lambda is closer to u.
        const double best = distance2(u, w, lo, hi, step.lambda);
        for (double lambda = -3000; lambda <= 3000; lambda += 0.25) {
            const double v = row_value(u.data(), w.data(), lo.data(), hi.data(), n, lambda);
            if (v >= goal - 1 && v <= goal + 1) {
                EXPECT_GE(distance2(u, w, lo, hi, lambda), best - 1e-6);
            }
        }
    }
}
