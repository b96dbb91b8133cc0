#include "attack/active_set_polish.hpp"

#include <algorithm>
#include <cmath>

namespace sd::attack {

bool polish_active_set(const ConstraintRows& w, const double* s, const double* lo, const double* hi, const double* a,
                       const double* b, const double* v, const double* x, ActiveRule rule, PolishWorkspace& work,
                       double* lambda) {
    const int n = w.inputs, rows = w.rows();
    work.free.assign(static_cast<size_t>(n), 0);
    for (int j = 0; j < n; ++j) work.free[j] = v[j] > lo[j] && v[j] < hi[j];
    work.active.clear();
    work.goal.clear();
    work.pinned.assign(static_cast<size_t>(rows), 0);
    for (int i = 0; i < rows; ++i) {
        double value = 0;
        bool moves = false;  // the row reads a free pixel
        for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) {
            value += w.weights[k] * x[w.indices[k]];
            moves = moves || (work.free[w.indices[k]] && w.weights[k] != 0);
        }
        const bool low = rule == ActiveRule::PrimalDual ? lambda[i] + (a[i] - value) > 0
                                                        : lambda[i] > 0 || (lambda[i] == 0 && value < a[i]);
        const bool high = rule == ActiveRule::PrimalDual ? -lambda[i] + (value - b[i]) > 0
                                                         : lambda[i] < 0 || (lambda[i] == 0 && value > b[i]);
        if (!low && !high) continue;
        // An active row whose pixels are all clipped cannot be moved by its multiplier (which only
        // pushes them further into their bounds, and would make the system singular): it stays out
        // of the system and keeps its multiplier.
        if (!moves) {
            work.pinned[i] = 1;
            continue;
        }
        work.active.push_back(i);
        work.goal.push_back(low ? a[i] : b[i]);
    }
    const int m = static_cast<int>(work.active.size());
    if (m == 0) return false;

    // Bandwidth of W_A W_A^T: rows are ordered by their support's position.
    int bandwidth = 0;
    for (int p = 0; p < m; ++p) {
        const int last = w.indices[w.offsets[work.active[p] + 1] - 1];
        for (int q = p + 1; q < m && w.indices[w.offsets[work.active[q]]] <= last; ++q) bandwidth = std::max(bandwidth, q - p);
    }
    const int width = bandwidth + 1;
    // Band storage: band[p * width + d] = M(p, p - d) for d = 0..bandwidth (lower triangle).
    work.band.assign(static_cast<size_t>(m) * width, 0.0);
    work.rhs.assign(static_cast<size_t>(m), 0.0);
    // Row p's weights on its free pixels, scattered into a dense row, give its dot products with the
    // rows before it without merging index lists.
    work.dense.assign(static_cast<size_t>(n), 0.0);
    for (int p = 0; p < m; ++p) {
        const int i = work.active[p];
        for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k)
            if (work.free[w.indices[k]]) work.dense[w.indices[k]] = w.weights[k];
        for (int d = 0; d <= bandwidth && d <= p; ++d) {
            const int q = work.active[p - d];
            double sum = 0;
            for (int k = w.offsets[q]; k < w.offsets[q + 1]; ++k) sum += w.weights[k] * work.dense[w.indices[k]];
            work.band[static_cast<size_t>(p) * width + d] = sum;
        }
        for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) work.dense[w.indices[k]] = 0.0;
        // PrimalDual: the right-hand side of the multipliers themselves; Sign: of the step (the
        // gradient goal - (Wx)_i), so that a row dropped as dependent keeps its multiplier.
        double r = work.goal[p];
        for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) {
            const int j = w.indices[k];
            r -= w.weights[k] * (work.free[j] && rule == ActiveRule::PrimalDual ? s[j] : x[j]);
        }
        work.rhs[p] = r;
    }
    // Banded Cholesky (L L^T) in place, then the two triangular solves. A row dependent on earlier
    // ones over the free pixels (its pivot vanishes) is dropped: its row and column of L are zeroed
    // and its unknown is 0 (Sign: no step, the multiplier stays; PrimalDual: the multiplier becomes
    // 0 and the next round re-reads the sets).
    const double scale = [&] {
        double largest = 0;
        for (int p = 0; p < m; ++p) largest = std::max(largest, work.band[static_cast<size_t>(p) * width]);
        return largest;
    }();
    work.dropped.assign(static_cast<size_t>(m), 0);
    int dropped = 0;
    for (int p = 0; p < m; ++p) {
        double* row = &work.band[static_cast<size_t>(p) * width];
        for (int d = std::min(bandwidth, p); d >= 0; --d) {
            const int q = p - d;  // entry (p, q), q <= p
            if (d > 0 && work.dropped[q]) {
                row[d] = 0;
                continue;
            }
            double sum = row[d];
            for (int e = q - std::min(bandwidth - d, q); e < q; ++e)
                sum -= row[p - e] * work.band[static_cast<size_t>(q) * width + (q - e)];
            if (d > 0) {
                row[d] = sum / work.band[static_cast<size_t>(q) * width];
            } else if (sum > 1e-12 * std::max(scale, 1e-300)) {
                row[0] = std::sqrt(sum);
            } else {
                std::fill(row, row + width, 0.0);
                row[0] = 1;
                work.dropped[p] = 1;
                ++dropped;
            }
        }
    }
    if (dropped == m) return false;
    for (int p = 0; p < m; ++p) {
        if (work.dropped[p]) {
            work.rhs[p] = 0;
            continue;
        }
        double sum = work.rhs[p];
        for (int e = p - std::min(bandwidth, p); e < p; ++e) sum -= work.band[static_cast<size_t>(p) * width + (p - e)] * work.rhs[e];
        work.rhs[p] = sum / work.band[static_cast<size_t>(p) * width];
    }
    for (int p = m - 1; p >= 0; --p) {
        double sum = work.rhs[p];
        for (int e = p + 1; e <= std::min(m - 1, p + bandwidth); ++e) sum -= work.band[static_cast<size_t>(e) * width + (e - p)] * work.rhs[e];
        work.rhs[p] = sum / work.band[static_cast<size_t>(p) * width];
    }
    if (rule == ActiveRule::Sign) {
        for (int p = 0; p < m; ++p) lambda[work.active[p]] += work.rhs[p];
        return true;
    }
    for (int i = 0; i < rows; ++i)
        if (!work.pinned[i]) lambda[i] = 0.0;
    for (int p = 0; p < m; ++p) lambda[work.active[p]] = work.rhs[p];
    return true;
}

}  // namespace sd::attack
