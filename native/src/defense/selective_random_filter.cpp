#include <cstring>
#include <vector>

#include "defense/random_source.hpp"
#include "defense/selective_filters.hpp"

namespace sd {

std::int64_t selective_random_filter(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target,
                                     const ConsideredPixels& p, WindowKind window, std::uint64_t seed) {
    if (static_cast<const void*>(source.data) != static_cast<const void*>(target.data)) {
        const std::size_t bytes = static_cast<std::size_t>(source.row_elements());
        for (int y = 0; y < source.height; ++y) std::memcpy(target.row(y), source.row(y), bytes);
    }
    if (p.covers_image()) return 0;
    const int channels = source.channels;
    const int half_x = half_width(p.ratio_x, window);
    const int half_y = half_width(p.ratio_y, window);
    RandomSource random(seed);
    // Whether the window's column (row) span alone already holds an index outside P: then the
    // window holds a pixel outside P and needs no widening. Computed once per column and row.
    std::vector<std::uint8_t> column_span_open(p.columns.size()), row_span_open(p.rows.size());
    for (std::size_t i = 0; i < p.columns.size(); ++i) {
        const Window w = window_at(0, p.columns[i], half_x, 0, source.width, source.height);
        for (int x = w.x0; x <= w.x1 && !column_span_open[i]; ++x) column_span_open[i] = !p.column_in_p[x];
    }
    for (std::size_t i = 0; i < p.rows.size(); ++i) {
        const Window w = window_at(p.rows[i], 0, 0, half_y, source.width, source.height);
        for (int y = w.y0; y <= w.y1 && !row_span_open[i]; ++y) row_span_open[i] = !p.row_in_p[y];
    }
    std::int64_t rewritten = 0;
    for (std::size_t i = 0; i < p.rows.size(); ++i) {
        const int y = p.rows[i];
        for (std::size_t j = 0; j < p.columns.size(); ++j) {
            const int x = p.columns[j];
            Window w = window_at(y, x, half_x, half_y, source.width, source.height);
            if (!row_span_open[i] && !column_span_open[j] && !widen_until_outside(w, p, source.width, source.height))
                continue;  // the whole image is P
            const auto rows = static_cast<std::uint32_t>(w.y1 - w.y0 + 1);
            const auto cols = static_cast<std::uint32_t>(w.x1 - w.x0 + 1);
            int sy, sx;
            do {
                sy = w.y0 + static_cast<int>(random.below(rows));
                sx = w.x0 + static_cast<int>(random.below(cols));
            } while (p.contains(sy, sx));
            const std::uint8_t* from = source.row(sy) + static_cast<std::ptrdiff_t>(sx) * channels;
            std::uint8_t* to = target.row(y) + static_cast<std::ptrdiff_t>(x) * channels;
            for (int c = 0; c < channels; ++c) to[c] = from[c];
            ++rewritten;
        }
    }
    return rewritten;
}

}  // namespace sd
