// The selective median over a band of P's rows in constant time per image pixel (Perreault &
// Hebert, "Median Filtering in Constant Time", 2007): one histogram per column of the band holds
// that column's pixels outside P in the current rows' window; moving to the next row of P only
// removes the rows that leave the window and adds those that enter, so every image pixel is
// counted about once on the way in and once on the way out. The window's histogram is the sum of
// its columns' histograms, slid along the row; the median is found in a 16-bin coarse level, then
// in the 16 fine bins of that coarse bin, summed over the window's columns only for that bin.
//
// A `Bins` whose kScansWindow is true (AVX-512) keeps only the coarse counts per column: the
// median's fine value is found by a bisection within that coarse bin over the window's own pixels,
// held in registers (Bins::fine_by_scan). That takes the fine read-modify-writes, the bulk of the
// updates, out of the per-sample cost.
//
// Included only by the kernel sources (portable, AVX2, AVX-512): `Bins` supplies the 16-lane operations.
// Everything here has internal linkage so that the AVX2 translation unit's copies never stand in
// for the portable ones.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <utility>
#include <vector>

#include "defense/median_detail.hpp"

namespace sd::median_detail {
namespace {

// One channel of one column: 16 coarse bins (values >> 4) then 256 fine bins, 16-bit counts.
struct alignas(32) ColumnHistogram {
    std::uint16_t coarse[16];
    std::uint16_t fine[256];
};

// The coarse level alone, for kernels that scan the window for the fine level: 8-bit counts (such
// a kernel serves windows of at most 255 rows), counted 4 columns x channels at a time by Bins.
struct alignas(16) CoarseHistogram {
    std::uint8_t coarse[16];
};

// Column histograms of one strip (at least four windows wide, so that the columns counted twice at
// strip edges stay few): small enough to stay in the L2 cache while the band is swept; measured
// here, 128 KiB beat 384 KiB and 2 MiB by a fifth.
constexpr std::size_t kStripBytes = 128 * 1024;

inline int lo(int a, int b) { return a < b ? a : b; }
inline int hi(int a, int b) { return a > b ? a : b; }

template <class Bins, int Channels>
class BandMedian {
    static constexpr bool kScan = Bins::kScansWindow;
    using Column = std::conditional_t<kScan, CoarseHistogram, ColumnHistogram>;

public:
    BandMedian(const Job& job, std::size_t begin, std::size_t end)
        : job_(job), p_(*job.p), begin_(begin), end_(end), width_(job.source.width), height_(job.source.height) {
        p_columns_before_.assign(static_cast<std::size_t>(width_) + 1, 0);
        for (int x = 0; x < width_; ++x) p_columns_before_[x + 1] = p_columns_before_[x] + p_.column_in_p[x];
        p_rows_before_.assign(static_cast<std::size_t>(height_) + 1, 0);
        for (int y = 0; y < height_; ++y) p_rows_before_[y + 1] = p_rows_before_[y] + p_.row_in_p[y];
        if constexpr (kScan) scan_.prepare(job_, Channels);
    }

    std::int64_t run() {
        const std::size_t columns = p_.columns.size();
        const int reach = 2 * job_.half_x + 1;
        const int budget = hi(4 * reach, static_cast<int>(kStripBytes / (Channels * sizeof(Column))));
        std::int64_t rewritten = 0;
        for (std::size_t j0 = 0; j0 < columns;) {
            const int x0 = hi(0, p_.columns[j0] - job_.half_x);
            std::size_t j1 = j0 + 1;
            while (j1 < columns && lo(width_ - 1, p_.columns[j1] + job_.half_x) - x0 + 1 <= budget) ++j1;
            rewritten += strip(j0, j1);
            j0 = j1;
        }
        return rewritten;
    }

private:
    // P's columns [j0, j1): their windows span the strip's columns, counted in hist_.
    std::int64_t strip(std::size_t j0, std::size_t j1) {
        const int half_x = job_.half_x, half_y = job_.half_y;
        strip_x0_ = hi(0, p_.columns[j0] - half_x);
        const int strip_x1 = lo(width_ - 1, p_.columns[j1 - 1] + half_x);
        hist_.assign(static_cast<std::size_t>(strip_x1 - strip_x0_ + 1) * Channels, Column{});
        // Columns some window reads, as runs; and those of them outside P (all a row of P offers).
        segments_.clear();
        for (std::size_t j = j0; j < j1; ++j) {
            const int a = hi(0, p_.columns[j] - half_x), b = lo(width_ - 1, p_.columns[j] + half_x);
            if (!segments_.empty() && a <= segments_.back().second + 1)
                segments_.back().second = hi(segments_.back().second, b);
            else
                segments_.emplace_back(a, b);
        }
        outside_columns_.clear();
        for (const auto& s : segments_)
            for (int x = s.first; x <= s.second; ++x)
                if (!p_.column_in_p[x]) outside_columns_.push_back(x);

        std::int64_t rewritten = 0;
        int top = 0, bottom = -1;  // rows counted in hist_
        for (std::size_t i = begin_; i < end_; ++i) {
            const int y = p_.rows[i];
            const int y0 = hi(0, y - half_y), y1 = lo(height_ - 1, y + half_y);
            if (bottom < top || y0 > bottom) {
                if (bottom >= top) std::memset(static_cast<void*>(hist_.data()), 0, hist_.size() * sizeof(Column));
                top = y0;
                bottom = y0 - 1;
            }
            if constexpr (kScan)  // a row leaving and a row entering in one pass over the counts
                for (; top < y0 && bottom < y1; ++top) count_rows<true, true>(top, ++bottom);
            for (; top < y0; ++top) update_row<false>(top);
            while (bottom < y1) update_row<true>(++bottom);
            const int rows_all = y1 - y0 + 1;
            const int rows_outside = rows_all - (p_rows_before_[y1 + 1] - p_rows_before_[y0]);
            rewritten += row_of_p(y, y0, y1, j0, j1, rows_all, rows_outside);
        }
        return rewritten;
    }

    // The coarse counts of row `out` leave (Remove) and those of row `in` enter (Add), by Bins.
    template <bool Remove, bool Add>
    void count_rows(int out, int in) {
        for (const auto& s : segments_) {
            const std::size_t first = static_cast<std::size_t>(s.first) * Channels;
            const typename Bins::SampleRow leaving{Remove ? job_.source.row(out) + first : nullptr, Remove && p_.row_in_p[out]};
            const typename Bins::SampleRow entering{Add ? job_.source.row(in) + first : nullptr, Add && p_.row_in_p[in]};
            Bins::template count_rows<Remove, Add>(leaving, entering, hist_[static_cast<std::size_t>(s.first - strip_x0_) * Channels].coarse,
                                                   static_cast<std::size_t>(s.second - s.first + 1) * Channels, scan_, first);
        }
    }

    template <bool Add>
    void update_row(int r) {
        if constexpr (kScan) {
            Add ? count_rows<false, true>(0, r) : count_rows<true, false>(r, 0);
            return;
        }
        const std::uint8_t* row = job_.source.row(r);
        if (!p_.row_in_p[r]) {
            for (const auto& s : segments_)
                for (int x = s.first; x <= s.second; ++x) count_pixel<Add>(row, x);
        } else {  // only the columns outside P: P's pixels are never read (they may be written concurrently in place)
            for (const int x : outside_columns_) count_pixel<Add>(row, x);
        }
    }

    template <bool Add>
    void count_pixel(const std::uint8_t* row, int x) {
        const std::uint8_t* pixel = row + static_cast<std::ptrdiff_t>(x) * Channels;
        Column* h = &hist_[static_cast<std::size_t>(x - strip_x0_) * Channels];
        for (int c = 0; c < Channels; ++c) {
            const std::uint8_t v = pixel[c];
            if (Add) {
                if constexpr (!kScan) ++h[c].fine[v];
                ++h[c].coarse[v >> 4];
            } else {
                if constexpr (!kScan) --h[c].fine[v];
                --h[c].coarse[v >> 4];
            }
        }
    }

    const Column& column(int x, int c) const { return hist_[static_cast<std::size_t>(x - strip_x0_) * Channels + c]; }

    // The medians of row y at P's columns [j0, j1), from the column histograms of its window rows.
    std::int64_t row_of_p(int y, int y0, int y1, std::size_t j0, std::size_t j1, int rows_all, int rows_outside) {
        alignas(32) std::uint16_t kernel[Channels][16] = {};
        alignas(32) std::uint16_t fine[Channels][16] = {};
        int fine_bin[Channels], fine_x0[Channels], fine_x1[Channels];
        for (int c = 0; c < Channels; ++c) fine_bin[c] = -1, fine_x0[c] = 0, fine_x1[c] = -1;
        int left = 0, right = -1;  // columns summed in kernel
        std::int64_t rewritten = 0;
        for (std::size_t j = j0; j < j1; ++j) {
            const int x = p_.columns[j];
            const int x0 = hi(0, x - job_.half_x), x1 = lo(width_ - 1, x + job_.half_x);
            if (x0 > right) {  // disjoint from the previous window
                for (int c = 0; c < Channels; ++c) Bins::clear(kernel[c]);
                left = x0;
                right = x0 - 1;
            }
            for (; left < x0; ++left)
                for (int c = 0; c < Channels; ++c) Bins::sub(kernel[c], column(left, c).coarse);
            while (right < x1) {
                ++right;
                for (int c = 0; c < Channels; ++c) Bins::add(kernel[c], column(right, c).coarse);
            }
            std::uint8_t* out = job_.target.row(y) + static_cast<std::ptrdiff_t>(x) * Channels;
            const int p_columns = p_columns_before_[x1 + 1] - p_columns_before_[x0];
            const std::int64_t count = static_cast<std::int64_t>(rows_all) * (x1 - x0 + 1 - p_columns) +
                                       static_cast<std::int64_t>(rows_outside) * p_columns;
            if (count == 0) {
                if (median_of_widened(job_.source, p_, *job_.widening, window_at(y, x, job_.half_x, job_.half_y, width_, height_), out))
                    ++rewritten;
                continue;
            }
            if constexpr (kScan) {
                const auto rank = static_cast<std::uint32_t>((count - 1) / 2);
                unsigned bins[Channels];
                for (int c = 0; c < Channels; ++c) {
                    std::uint32_t within = rank;  // the rank within the bin: not needed by the scan
                    bins[c] = Bins::select(kernel[c], within);
                }
                Bins::template fine_by_scan<Channels>(job_, scan_, y0, y1, x0, x1, bins, rank, out);
            } else {
                for (int c = 0; c < Channels; ++c) {
                    auto k = static_cast<std::uint32_t>((count - 1) / 2);
                    const int bin = static_cast<int>(Bins::select(kernel[c], k));
                    // The fine bins of `bin` over [x0, x1]: slid from the last sum when that is cheaper.
                    const int offset = bin * 16;
                    if (fine_bin[c] == bin && x0 <= fine_x1[c] && (x0 - fine_x0[c]) + (x1 - fine_x1[c]) < x1 - x0 + 1) {
                        for (int xx = fine_x0[c]; xx < x0; ++xx) Bins::sub(fine[c], column(xx, c).fine + offset);
                        for (int xx = fine_x1[c] + 1; xx <= x1; ++xx) Bins::add(fine[c], column(xx, c).fine + offset);
                    } else {
                        Bins::clear(fine[c]);
                        for (int xx = x0; xx <= x1; ++xx) Bins::add(fine[c], column(xx, c).fine + offset);
                        fine_bin[c] = bin;
                    }
                    fine_x0[c] = x0;
                    fine_x1[c] = x1;
                    out[c] = static_cast<std::uint8_t>(offset + static_cast<int>(Bins::select(fine[c], k)));
                }
            }
            ++rewritten;
        }
        return rewritten;
    }

    const Job& job_;
    const ConsideredPixels& p_;
    const std::size_t begin_, end_;
    const int width_, height_;
    std::vector<int> p_columns_before_, p_rows_before_;  // prefix counts of P's columns and rows
    std::vector<Column> hist_;                            // strip columns x channels
    typename Bins::Scratch scan_;                         // the fine scan's buffers (empty unless kScan)
    int strip_x0_ = 0;
    std::vector<std::pair<int, int>> segments_;
    std::vector<int> outside_columns_;
};

template <class Bins>
std::int64_t band_median(const Job& job, std::size_t begin, std::size_t end) {
    switch (job.source.channels) {
        case 1: return BandMedian<Bins, 1>(job, begin, end).run();
        case 2: return BandMedian<Bins, 2>(job, begin, end).run();
        case 3: return BandMedian<Bins, 3>(job, begin, end).run();
        default: return BandMedian<Bins, 4>(job, begin, end).run();
    }
}

}  // namespace
}  // namespace sd::median_detail
