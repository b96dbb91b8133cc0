// The pieces of the solver's Newton finish: the exact dual line search against a grid search, the
// Farkas certificate on problems known to be infeasible or feasible, and the solver stopping on it.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "attack/box_interval_qp.hpp"
#include "attack/dual_line_search.hpp"
#include "attack/infeasibility_certificate.hpp"

namespace {

using namespace sd::attack;

// Rows of `taps` weights, `stride` apart (overlapping when stride < taps).
ConstraintRows banded(int rows, int taps, int stride, const std::vector<double>& kernel) {
    ConstraintRows w;
    w.inputs = (rows - 1) * stride + taps;
    w.offsets.push_back(0);
    for (int i = 0; i < rows; ++i) {
        for (int k = 0; k < taps; ++k) {
            w.indices.push_back(i * stride + k);
            w.weights.push_back(kernel[k]);
        }
        w.offsets.push_back(static_cast<int>(w.indices.size()));
    }
    w.max_support = taps;
    w.disjoint = stride >= taps;
    return w;
}

// The dual g(lambda) = min over the box of 1/2||x - s||^2 - lambda.Wx + sum_i (lambda_i > 0 ? lambda_i a_i : lambda_i b_i).
double dual_value(const ConstraintRows& w, const std::vector<double>& s, const std::vector<double>& lo,
                  const std::vector<double>& hi, const std::vector<double>& a, const std::vector<double>& b,
                  const std::vector<double>& lambda) {
    std::vector<double> v(s);
    for (int i = 0; i < w.rows(); ++i)
        for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) v[w.indices[k]] += lambda[i] * w.weights[k];
    double value = 0;
    std::vector<double> x(v.size());
    for (size_t j = 0; j < v.size(); ++j) {
        x[j] = std::clamp(v[j], lo[j], hi[j]);
        value += 0.5 * (x[j] - s[j]) * (x[j] - s[j]);
    }
    for (int i = 0; i < w.rows(); ++i) {
        double wx = 0;
        for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) wx += w.weights[k] * x[w.indices[k]];
        value += -lambda[i] * wx + (lambda[i] > 0 ? lambda[i] * a[i] : lambda[i] * b[i]);
    }
    return value;
}

}  // namespace

TEST(AttackNewton, LineSearchFindsTheMaximumOfTheDualAlongADirection) {
    const ConstraintRows w = banded(12, 4, 2, {-0.1, 0.6, 0.6, -0.1});
    std::mt19937 random(11);
    std::uniform_real_distribution<double> pixel(0, 255), multiplier(-3, 3);
    for (int trial = 0; trial < 20; ++trial) {
        const int n = w.inputs, rows = w.rows();
        std::vector<double> s(n), lo(n, 0.0), hi(n, 255.0), a(rows), b(rows), lambda(rows), d(rows), v(n);
        for (auto& value : s) value = pixel(random);
        // Targets some box point meets (the scaled image of a random one): the problem is feasible,
        // so the dual is bounded along every direction.
        std::vector<double> reachable(n);
        for (auto& value : reachable) value = pixel(random);
        for (int i = 0; i < rows; ++i) {
            double t = 0;
            for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) t += w.weights[k] * reachable[w.indices[k]];
            a[i] = t - 1;
            b[i] = t + 1;
            lambda[i] = trial % 3 == 0 ? 0.0 : multiplier(random);  // at the kink too
            d[i] = multiplier(random);
        }
        v = s;
        for (int i = 0; i < rows; ++i)
            for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) v[w.indices[k]] += lambda[i] * w.weights[k];
        LineSearchWorkspace work;
        const double t = dual_line_search(w, lambda.data(), d.data(), v.data(), lo.data(), hi.data(), a.data(), b.data(), work);
        ASSERT_GE(t, 0) << "a feasible problem has a bounded dual along every direction";
        auto at = [&](double step) {
            std::vector<double> l(lambda);
            for (int i = 0; i < rows; ++i) l[i] += step * d[i];
            return dual_value(w, s, lo, hi, a, b, l);
        };
        const double best = at(t);
        EXPECT_GE(best, at(0) - 1e-9) << "trial " << trial << ": the step never lowers the dual";
        for (double step = 0; step <= 4 * std::max(t, 1.0); step += std::max(t, 1.0) / 200)
            EXPECT_GE(best, at(step) - 1e-7 * std::max(1.0, std::abs(best))) << "trial " << trial << ", t " << t << ", step " << step;
    }
}

TEST(AttackNewton, CertificateProvesConflictingRowsInfeasible) {
    // Two rows reading the same two pixels must average 100 and 200 at once: y = (-1, 1) proves it.
    const ConstraintRows w = banded(2, 2, 0, {0.5, 0.5});
    const std::vector<double> lo(2, 0.0), hi(2, 255.0), a{99, 199}, b{101, 201};
    const std::vector<double> y{-1, 1}, c{0, 0};  // W^T y
    EXPECT_TRUE(certifies_infeasible(w, y.data(), c.data(), lo.data(), hi.data(), a.data(), b.data(), 1e-3));
    // The same rows with overlapping intervals are feasible: no y may certify otherwise.
    const std::vector<double> a2{99, 100}, b2{101, 102};
    EXPECT_FALSE(certifies_infeasible(w, y.data(), c.data(), lo.data(), hi.data(), a2.data(), b2.data(), 1e-3));
    const std::vector<double> y2{1, -1};
    EXPECT_FALSE(certifies_infeasible(w, y2.data(), c.data(), lo.data(), hi.data(), a2.data(), b2.data(), 1e-3));
    // A gap smaller than the tolerance is not proof: the solver would accept it.
    const std::vector<double> a3{99, 101.0005}, b3{101, 103};
    EXPECT_FALSE(certifies_infeasible(w, y.data(), c.data(), lo.data(), hi.data(), a3.data(), b3.data(), 1e-3));
}

TEST(AttackNewton, SolverStopsEarlyOnlyOnInfeasibleProblems) {
    // Alternating targets 0 and 255 through an overlapping positive kernel: no box point reaches them
    // together, though each row alone can.
    const ConstraintRows w = banded(16, 4, 2, {0.25, 0.25, 0.25, 0.25});
    const int n = w.inputs, rows = w.rows();
    std::vector<double> s(n, 128.0), lo(n, 0.0), hi(n, 255.0), a(rows), b(rows), x(n);
    for (int i = 0; i < rows; ++i) {
        const double t = i % 2 ? 250 : 5;
        a[i] = t - 1;
        b[i] = t + 1;
    }
    QpSettings settings;
    settings.stop_when_infeasible = true;
    QpWorkspace work;
    const QpResult r = solve_box_interval_qp(w, s.data(), lo.data(), hi.data(), a.data(), b.data(), settings, work, x.data());
    EXPECT_FALSE(r.feasible);
    EXPECT_TRUE(r.certified_infeasible);
    EXPECT_LT(r.sweeps, settings.max_sweeps);
    // Targets every row can meet together: solved, never certified.
    for (int i = 0; i < rows; ++i) {
        a[i] = 100 + (i % 3) - 1;
        b[i] = 100 + (i % 3) + 1;
    }
    const QpResult ok = solve_box_interval_qp(w, s.data(), lo.data(), hi.data(), a.data(), b.data(), settings, work, x.data());
    EXPECT_TRUE(ok.feasible);
    EXPECT_FALSE(ok.certified_infeasible);
}
