#include <algorithm>
#include <cstring>
#include <vector>

#include "defense/random_source.hpp"
#include "defense/selective_filters.hpp"

namespace sd {

namespace {

// One axis of the window of a row (column) of P: its first index, its length, the draw's rejection
// threshold for that length, and whether the span alone already holds an index outside P (then
// the window holds a pixel outside P and needs no widening). Computed once per row and column.
struct Span {
    int start;
    std::uint32_t size;
    std::uint32_t threshold;
    bool open;
};

std::vector<Span> spans(const std::vector<std::int32_t>& indices, const std::vector<std::uint8_t>& in_p, int half, int extent) {
    std::vector<Span> out;
    out.reserve(indices.size());
    for (const int i : indices) {
        const int a = std::max(0, i - half), b = std::min(extent - 1, i + half);
        bool open = false;
        for (int k = a; k <= b && !open; ++k) open = !in_p[k];
        const auto size = static_cast<std::uint32_t>(b - a + 1);
        out.push_back({a, size, RandomSource::rejection_threshold(size), open});
    }
    return out;
}

template <int Channels>
std::int64_t random_filter(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target,
                           const ConsideredPixels& p, int half_x, int half_y, std::uint64_t seed) {
    RandomSource random(seed);
    const std::vector<Span> rows = spans(p.rows, p.row_in_p, half_y, source.height);
    const std::vector<Span> columns = spans(p.columns, p.column_in_p, half_x, source.width);
    const std::uint8_t* row_in_p = p.row_in_p.data();
    const std::uint8_t* column_in_p = p.column_in_p.data();
    // Per row of P: the draws first, then the reads, then the writes. In place, reads interleaved
    // with writes to the same rows were slower by half (the loads wait on the stores before them).
    std::vector<const std::uint8_t*> picks(columns.size());
    std::vector<std::uint8_t> values(columns.size() * Channels);
    std::int64_t rewritten = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const int y = p.rows[i];
        const Span r = rows[i];
        for (std::size_t j = 0; j < columns.size(); ++j) {
            const int x = p.columns[j];
            Span c = columns[j];
            int sy, sx;
            if (r.open || c.open) {  // the common case: draws exactly as below, without divisions
                do {
                    sy = r.start + static_cast<int>(random.below(r.size, r.threshold));
                    sx = c.start + static_cast<int>(random.below(c.size, c.threshold));
                } while ((row_in_p[sy] & column_in_p[sx]) != 0);  // one branch, rarely taken: && branched on the row alone, which mispredicts
            } else {
                Window w = window_at(y, x, half_x, half_y, source.width, source.height);
                if (!widen_until_outside(w, p, source.width, source.height)) {  // the whole image is P
                    picks[j] = nullptr;
                    continue;
                }
                const auto height = static_cast<std::uint32_t>(w.y1 - w.y0 + 1);
                const auto width = static_cast<std::uint32_t>(w.x1 - w.x0 + 1);
                do {
                    sy = w.y0 + static_cast<int>(random.below(height));
                    sx = w.x0 + static_cast<int>(random.below(width));
                } while (p.contains(sy, sx));
            }
            picks[j] = source.row(sy) + static_cast<std::ptrdiff_t>(sx) * Channels;
            // The picks land anywhere in the window's rows, so nearly every cache line of those rows
            // is read, in random order; asked for now, the line has arrived when the row's reads
            // come (this halved the filter's time at 2048x1536).
            __builtin_prefetch(picks[j]);
        }
        for (std::size_t j = 0; j < columns.size(); ++j)
            if (picks[j] != nullptr)
                for (int k = 0; k < Channels; ++k) values[j * Channels + k] = picks[j][k];
        std::uint8_t* to_row = target.row(y);
        for (std::size_t j = 0; j < columns.size(); ++j) {
            if (picks[j] == nullptr) continue;
            std::uint8_t* to = to_row + static_cast<std::ptrdiff_t>(p.columns[j]) * Channels;
            for (int k = 0; k < Channels; ++k) to[k] = values[j * Channels + k];
            ++rewritten;
        }
    }
    return rewritten;
}

}  // namespace

std::int64_t selective_random_filter(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target,
                                     const ConsideredPixels& p, WindowKind window, std::uint64_t seed) {
    if (static_cast<const void*>(source.data) != static_cast<const void*>(target.data)) {
        const std::size_t bytes = static_cast<std::size_t>(source.row_elements());
        for (int y = 0; y < source.height; ++y) std::memcpy(target.row(y), source.row(y), bytes);
    }
    if (p.covers_image()) return 0;
    const int half_x = half_width(p.ratio_x, window);
    const int half_y = half_width(p.ratio_y, window);
    switch (source.channels) {
        case 1: return random_filter<1>(source, target, p, half_x, half_y, seed);
        case 2: return random_filter<2>(source, target, p, half_x, half_y, seed);
        case 3: return random_filter<3>(source, target, p, half_x, half_y, seed);
        default: return random_filter<4>(source, target, p, half_x, half_y, seed);
    }
}

}  // namespace sd
