// The window around each pixel of P, and the rule that widens it when it holds nothing but P.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "defense/considered_pixels.hpp"

namespace sd {

// Values equal the ABI's sd_window (checked by capi/enum_agreement.cpp).
enum class WindowKind { Paper = 0, Narrow = 1 };

struct Window {
    int x0, x1, y0, y1;  // inclusive bounds, clipped to the image
};

// Half-widths: the paper's 2-beta window reaches floor(beta) to each side; the narrow window
// of the authors' code floor(beta / 2). Never below 1, so a window always has neighbours.
inline int half_width(double ratio, WindowKind kind) {
    const double reach = kind == WindowKind::Paper ? ratio : ratio / 2;
    return std::max(1, static_cast<int>(std::floor(reach)));
}

inline Window window_at(int y, int x, int half_x, int half_y, int width, int height) {
    return {std::max(0, x - half_x), std::min(width - 1, x + half_x), std::max(0, y - half_y),
            std::min(height - 1, y + half_y)};
}

// Grows a window by the same number of pixels on every side (clipped to the image) until it holds
// a pixel outside P, in constant time: the nearest row and column outside P on either side of
// every index are tabulated once. (The managed twin is WindowWidening.cs.)
class WindowWidening {
public:
    WindowWidening(const ConsideredPixels& p, int width, int height)
        : width_(width), height_(height), rows_(p.row_in_p, height), columns_(p.column_in_p, width) {}

    // False when the whole image is P (nothing to rebuild from; the pixel is left as it is).
    bool widen(Window& w) const {
        const std::int64_t grow = std::min(rows_.reach(w.y0, w.y1), columns_.reach(w.x0, w.x1));
        if (grow == kNever) return false;
        const int g = static_cast<int>(grow);
        w = {std::max(0, w.x0 - g), std::min(width_ - 1, w.x1 + g), std::max(0, w.y0 - g), std::min(height_ - 1, w.y1 + g)};
        return true;
    }

private:
    static constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();

    struct Nearest {
        std::vector<int> before, after;  // largest index <= i outside P (or -1); smallest >= i (or length)
        int length;

        Nearest(const std::vector<std::uint8_t>& in_p, int n) : before(static_cast<std::size_t>(n)), after(static_cast<std::size_t>(n)), length(n) {
            for (int i = 0, last = -1; i < n; ++i) before[i] = last = in_p[i] ? last : i;
            for (int i = n - 1, next = n; i >= 0; --i) after[i] = next = in_p[i] ? next : i;
        }
        // Growth per side until [first, last] holds an index outside P: 0 when it holds one, kNever when none exists.
        std::int64_t reach(int first, int last) const {
            if (after[first] <= last) return 0;
            std::int64_t r = kNever;
            if (before[first] >= 0) r = first - before[first];
            if (after[last] < length) r = std::min<std::int64_t>(r, after[last] - last);
            return r;
        }
    };

    int width_, height_;
    Nearest rows_, columns_;
};

}  // namespace sd
