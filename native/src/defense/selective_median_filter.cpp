#include <algorithm>
#include <array>
#include <stdexcept>
#include <vector>

#include "core/cpu_features.hpp"
#include "core/parallel.hpp"
#include "defense/median_detail.hpp"
#include "defense/selective_filters.hpp"

namespace sd {

namespace median_detail {

bool median_of_widened(const ImageRef<const std::uint8_t>& source, const ConsideredPixels& p, const WindowWidening& widening,
                       Window w, std::uint8_t* out) {
    if (!widening.widen(w)) return false;
    std::vector<std::uint8_t> values;
    for (int c = 0; c < source.channels; ++c) {
        values.clear();
        for (int y = w.y0; y <= w.y1; ++y)
            for (int x = w.x0; x <= w.x1; ++x)
                if (!p.contains(y, x)) values.push_back(source.row(y)[x * source.channels + c]);
        const auto k = values.begin() + static_cast<std::ptrdiff_t>((values.size() - 1) / 2);
        std::nth_element(values.begin(), k, values.end());
        out[c] = *k;
    }
    return true;
}

}  // namespace median_detail

namespace {

using median_detail::median_of_widened;

// Histogram of one channel's values with a coarse level (16 bins of 16) so that the k-th
// smallest value is found in at most 32 steps instead of 256.
struct Histogram {
    std::array<std::uint32_t, 256> fine{};
    std::array<std::uint32_t, 16> coarse{};

    void add(std::uint8_t v) { ++fine[v], ++coarse[v >> 4]; }
    void remove(std::uint8_t v) { --fine[v], --coarse[v >> 4]; }
    void clear() { fine.fill(0), coarse.fill(0); }

    std::uint8_t kth(std::uint32_t k) const {  // 0-based
        int bin = 0;
        while (k >= coarse[bin]) k -= coarse[bin++];
        int v = bin << 4;
        while (k >= fine[v]) k -= fine[v++];
        return static_cast<std::uint8_t>(v);
    }
};

// The sweep: one histogram slid along each row of P over the window's full height. Its cost grows
// with the window; kept for windows too large for the 16-bit column histograms, and as a second
// implementation the tests compare the histogram kernels with.
template <int Channels>
std::int64_t median_filter_rows(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target,
                                const ConsideredPixels& p, const WindowWidening& widening, int half_x, int half_y,
                                std::size_t begin, std::size_t end) {
    Histogram histograms[Channels];
    std::vector<const std::uint8_t*> all_rows, outside_rows;  // row starts of the current window band
    std::int64_t rewritten = 0;

    for (std::size_t i = begin; i < end; ++i) {
        const int y = p.rows[i];
        // Rows of P often come in adjacent pairs (two-tap kernels). The window of y + 1 is the
        // window of y without its top row and with one more row at the bottom, so it is derived
        // from y's histograms at each column instead of sweeping the image a second time.
        const bool paired = i + 1 < end && p.rows[i + 1] == y + 1;
        const int leaving = y - half_y;       // in y's window, not in y + 1's (if >= 0)
        const int entering = y + 1 + half_y;  // in y + 1's window, not in y's (if < height)
        const Window rows = window_at(y, 0, 0, half_y, source.width, source.height);
        all_rows.clear();
        outside_rows.clear();
        for (int r = rows.y0; r <= rows.y1; ++r) {
            all_rows.push_back(source.row(r));
            if (!p.row_in_p[r]) outside_rows.push_back(source.row(r));
        }
        // Column x of the window contributes its rows outside P, or all rows when x is outside P.
        std::uint32_t count = 0;
        auto add_column = [&](int x) {
            const std::vector<const std::uint8_t*>& from = p.column_in_p[x] ? outside_rows : all_rows;
            const std::ptrdiff_t offset = static_cast<std::ptrdiff_t>(x) * Channels;
            for (const std::uint8_t* row : from)
                for (int c = 0; c < Channels; ++c) histograms[c].add(row[offset + c]);
            count += static_cast<std::uint32_t>(from.size());
        };
        auto remove_column = [&](int x) {
            const std::vector<const std::uint8_t*>& from = p.column_in_p[x] ? outside_rows : all_rows;
            const std::ptrdiff_t offset = static_cast<std::ptrdiff_t>(x) * Channels;
            for (const std::uint8_t* row : from)
                for (int c = 0; c < Channels; ++c) histograms[c].remove(row[offset + c]);
            count -= static_cast<std::uint32_t>(from.size());
        };
        // Adds or removes the pixels outside P of row r within columns [x0, x1]; returns how many.
        auto shift_row = [&](int r, int x0, int x1, bool add) -> std::uint32_t {
            if (r < 0 || r >= source.height) return 0;
            const std::uint8_t* row = source.row(r);
            const bool row_in_p = p.row_in_p[r] != 0;
            std::uint32_t n = 0;
            for (int xx = x0; xx <= x1; ++xx) {
                if (row_in_p && p.column_in_p[xx]) continue;
                const std::uint8_t* pixel = row + static_cast<std::ptrdiff_t>(xx) * Channels;
                for (int c = 0; c < Channels; ++c) add ? histograms[c].add(pixel[c]) : histograms[c].remove(pixel[c]);
                ++n;
            }
            return n;
        };
        for (Histogram& h : histograms) h.clear();
        int left = 0, right = -1;  // columns currently in the histograms
        for (const int x : p.columns) {
            const Window w = window_at(y, x, half_x, half_y, source.width, source.height);
            if (w.x0 > right) {  // disjoint from the previous window: start afresh
                for (Histogram& h : histograms) h.clear();
                count = 0;
                left = w.x0;
                right = w.x0 - 1;
            }
            for (; left < w.x0; ++left) remove_column(left);
            while (right < w.x1) add_column(++right);
            std::uint8_t* out = target.row(y) + static_cast<std::ptrdiff_t>(x) * Channels;
            if (count > 0) {
                for (int c = 0; c < Channels; ++c) out[c] = histograms[c].kth((count - 1) / 2);
                ++rewritten;
            } else if (median_of_widened(source, p, widening, w, out)) {
                ++rewritten;
            }
            if (paired) {
                const std::uint32_t next = count + shift_row(entering, w.x0, w.x1, true) - shift_row(leaving, w.x0, w.x1, false);
                std::uint8_t* below = target.row(y + 1) + static_cast<std::ptrdiff_t>(x) * Channels;
                if (next > 0) {
                    for (int c = 0; c < Channels; ++c) below[c] = histograms[c].kth((next - 1) / 2);
                    ++rewritten;
                } else if (median_of_widened(source, p, widening, window_at(y + 1, x, half_x, half_y, source.width, source.height), below)) {
                    ++rewritten;
                }
                shift_row(entering, w.x0, w.x1, false);
                shift_row(leaving, w.x0, w.x1, true);
            }
        }
        if (paired) ++i;
    }
    return rewritten;
}

bool avx2_supported() {
#ifdef SD_MEDIAN_HAS_AVX2
    return cpu::has_avx2();
#else
    return false;
#endif
}

bool avx512_supported() {
#ifdef SD_MEDIAN_HAS_AVX2
    return cpu::has_avx512_bw_vl();
#else
    return false;
#endif
}

bool avx512_blocks_supported() {
#ifdef SD_MEDIAN_HAS_AVX2
    return cpu::has_avx512_vbmi() && cpu::has_avx512_bitalg();
#else
    return false;
#endif
}

}  // namespace

bool median_detail::avx2_available() { return avx2_supported(); }
bool median_detail::avx512_available() { return avx512_supported(); }
bool median_detail::avx512_blocks_available() { return avx512_blocks_supported(); }

std::int64_t median_detail::filter(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target,
                                   const ConsideredPixels& p, WindowKind window, int threads, Path path, OtherPixels other) {
    copy_other_pixels(source, target, p, other);
    if (p.covers_image()) return 0;
    const int half_x = half_width(p.ratio_x, window);
    const int half_y = half_width(p.ratio_y, window);
    const std::int64_t window_pixels = (2 * static_cast<std::int64_t>(half_x) + 1) * (2 * static_cast<std::int64_t>(half_y) + 1);
    if (path == Path::Auto) {
        const bool blocks = avx512_blocks_supported() && blocks_fit(half_x, half_y, source.channels);
        path = window_pixels > kMaxHistogramWindow ? Path::Sweep
               : blocks                            ? Path::Avx512Blocks
               : avx512_supported() && window_pixels >= kMinScannedWindow ? Path::Avx512
               : avx2_supported()                  ? Path::Avx2
                                                   : Path::Portable;
    } else if (path != Path::Sweep && window_pixels > kMaxHistogramWindow) {
        throw std::invalid_argument("the window is too large for the histogram kernels");
    }
    if (path == Path::Avx2 && !avx2_supported()) throw std::invalid_argument("this CPU has no AVX2");
    if (path == Path::Avx512 && !avx512_supported()) throw std::invalid_argument("this CPU has no AVX-512 BW and VL");
    if (path == Path::Avx512Blocks && !avx512_blocks_supported()) throw std::invalid_argument("this CPU has no AVX-512 VBMI and BITALG");
    if (path == Path::Avx512Blocks && !blocks_fit(half_x, half_y, source.channels))
        throw std::invalid_argument("the window is too large for the block kernel");
    const WindowWidening widening(p, source.width, source.height);
    const Job job{source, target, &p, &widening, half_x, half_y};
    auto run = [&](std::size_t begin, std::size_t end) -> std::int64_t {
        switch (path) {
#ifdef SD_MEDIAN_HAS_AVX2
            case Path::Avx2: return histogram_rows_avx2(job, begin, end);
            case Path::Avx512: return histogram_rows_avx512(job, begin, end);
            case Path::Avx512Blocks: return block_rows_avx512(job, begin, end);
#endif
            case Path::Portable: return histogram_rows_portable(job, begin, end);
            default: break;
        }
        switch (source.channels) {
            case 1: return median_filter_rows<1>(source, target, p, widening, half_x, half_y, begin, end);
            case 2: return median_filter_rows<2>(source, target, p, widening, half_x, half_y, begin, end);
            case 3: return median_filter_rows<3>(source, target, p, widening, half_x, half_y, begin, end);
            default: return median_filter_rows<4>(source, target, p, widening, half_x, half_y, begin, end);
        }
    };
    const std::size_t rows = p.rows.size();
    const std::size_t bands = std::min<std::size_t>(static_cast<std::size_t>(std::max(threads, 1)), std::max<std::size_t>(rows / 8, 1));
    if (bands <= 1) return run(0, rows);
    // Band starts, moved forward so that no band starts on the second row of an adjacent pair
    // (the sweep derives the second row of a pair from the first).
    std::vector<std::size_t> starts{0};
    for (std::size_t b = 1; b < bands; ++b) {
        std::size_t start = std::max(starts.back(), rows * b / bands);
        if (start > 0 && start < rows && p.rows[start] == p.rows[start - 1] + 1) ++start;
        starts.push_back(std::min(start, rows));
    }
    starts.push_back(rows);
    std::vector<std::int64_t> counts(bands, 0);
    parallel_for(static_cast<int>(bands), static_cast<int>(bands),
                 [&](int b, int) { counts[b] = run(starts[b], starts[b + 1]); });
    std::int64_t total = 0;
    for (const std::int64_t c : counts) total += c;
    return total;
}

std::int64_t selective_median_filter(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target,
                                     const ConsideredPixels& p, WindowKind window, int threads, OtherPixels other) {
    return median_detail::filter(source, target, p, window, threads, median_detail::Path::Auto, other);
}

}  // namespace sd
