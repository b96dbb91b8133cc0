#include "attack/pixel_bounds.hpp"

#include <algorithm>
#include <numeric>

namespace sd::attack {

std::vector<char> free_pixel_mask(const ConstraintRows& w, int free_pixels) {
    std::vector<char> mask(static_cast<size_t>(w.inputs), 0);
    std::vector<int> order;
    for (int i = 0; i < w.rows(); ++i) {
        const int begin = w.offsets[i], count = w.offsets[i + 1] - begin;
        order.resize(static_cast<size_t>(count));
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [&](int p, int q) { return w.weights[begin + p] > w.weights[begin + q]; });
        for (int k = 0; k < std::min(free_pixels, count); ++k) mask[w.indices[begin + order[k]]] = 1;
    }
    return mask;
}

void pixel_bounds(const std::vector<char>& free_mask, double max_change, const double* s, int n, double* lo,
                  double* hi) {
    for (int j = 0; j < n; ++j) {
        const bool free = free_mask.empty() || free_mask[j];
        lo[j] = free ? 0.0 : std::max(0.0, s[j] - max_change);
        hi[j] = free ? 255.0 : std::min(255.0, s[j] + max_change);
    }
}

}  // namespace sd::attack
