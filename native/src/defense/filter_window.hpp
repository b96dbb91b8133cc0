// The window around each pixel of P, and the rule that widens it when it holds nothing but P.
#pragma once

#include <algorithm>
#include <cmath>

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

// True when some pixel of the window lies outside P: a row or a column of it is not in P.
inline bool has_outside_pixel(const Window& w, const ConsideredPixels& p) {
    for (int y = w.y0; y <= w.y1; ++y)
        if (!p.row_in_p[y]) return true;
    for (int x = w.x0; x <= w.x1; ++x)
        if (!p.column_in_p[x]) return true;
    return false;
}

// Grows the window by one pixel on every side until it holds a pixel outside P. Returns false
// when the whole image is P (nothing to rebuild from; the pixel is left as it is).
inline bool widen_until_outside(Window& w, const ConsideredPixels& p, int width, int height) {
    while (!has_outside_pixel(w, p)) {
        if (w.x0 == 0 && w.y0 == 0 && w.x1 == width - 1 && w.y1 == height - 1) return false;
        w = {std::max(0, w.x0 - 1), std::min(width - 1, w.x1 + 1), std::max(0, w.y0 - 1), std::min(height - 1, w.y1 + 1)};
    }
    return true;
}

}  // namespace sd
