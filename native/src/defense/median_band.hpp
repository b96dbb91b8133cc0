// The selective median over a band of P's rows in constant time per image pixel (Perreault &
// Hebert, "Median Filtering in Constant Time", 2007): one histogram per column of the band holds
// that column's pixels outside P in the current rows' window; moving to the next row of P only
// removes the rows that leave the window and adds those that enter, so every image pixel is
// counted about once on the way in and once on the way out. The window's histogram is the sum of
// its columns' histograms, slid along the row; the median is found in a 16-bin coarse level, then
// in the 16 fine bins of that coarse bin, summed over the window's columns only for that bin.
//
// Included only by the kernel sources (portable, AVX2): `Bins` supplies the 16-lane operations.
// Everything here has internal linkage so that the AVX2 translation unit's copies never stand in
// for the portable ones.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
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

// Column histograms of one strip (at least four windows wide, so that the columns counted twice at
// strip edges stay few): small enough to stay in the L2 cache while the band is swept; measured
// here, 128 KiB beat 384 KiB and 2 MiB by a fifth.
constexpr std::size_t kStripBytes = 128 * 1024;

inline int lo(int a, int b) { return a < b ? a : b; }
inline int hi(int a, int b) { return a > b ? a : b; }

template <class Bins, int Channels>
class BandMedian {
public:
    BandMedian(const Job& job, std::size_t begin, std::size_t end)
        : job_(job), p_(*job.p), begin_(begin), end_(end), width_(job.source.width), height_(job.source.height) {
        p_columns_before_.assign(static_cast<std::size_t>(width_) + 1, 0);
        for (int x = 0; x < width_; ++x) p_columns_before_[x + 1] = p_columns_before_[x] + p_.column_in_p[x];
        p_rows_before_.assign(static_cast<std::size_t>(height_) + 1, 0);
        for (int y = 0; y < height_; ++y) p_rows_before_[y + 1] = p_rows_before_[y] + p_.row_in_p[y];
    }

    std::int64_t run() {
        const std::size_t columns = p_.columns.size();
        const int reach = 2 * job_.half_x + 1;
        const int budget = hi(4 * reach, static_cast<int>(kStripBytes / (Channels * sizeof(ColumnHistogram))));
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
        hist_.assign(static_cast<std::size_t>(strip_x1 - strip_x0_ + 1) * Channels, ColumnHistogram{});
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
                if (bottom >= top) std::memset(static_cast<void*>(hist_.data()), 0, hist_.size() * sizeof(ColumnHistogram));
                top = y0;
                bottom = y0 - 1;
            }
            for (; top < y0; ++top) update_row<false>(top);
            while (bottom < y1) update_row<true>(++bottom);
            const int rows_all = y1 - y0 + 1;
            const int rows_outside = rows_all - (p_rows_before_[y1 + 1] - p_rows_before_[y0]);
            rewritten += row_of_p(y, j0, j1, rows_all, rows_outside);
        }
        return rewritten;
    }

    template <bool Add>
    void update_row(int r) {
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
        ColumnHistogram* h = &hist_[static_cast<std::size_t>(x - strip_x0_) * Channels];
        for (int c = 0; c < Channels; ++c) {
            const std::uint8_t v = pixel[c];
            if (Add) {
                ++h[c].fine[v];
                ++h[c].coarse[v >> 4];
            } else {
                --h[c].fine[v];
                --h[c].coarse[v >> 4];
            }
        }
    }

    const ColumnHistogram& column(int x, int c) const { return hist_[static_cast<std::size_t>(x - strip_x0_) * Channels + c]; }

    // The medians of row y at P's columns [j0, j1), from the column histograms of its window rows.
    std::int64_t row_of_p(int y, std::size_t j0, std::size_t j1, int rows_all, int rows_outside) {
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
                if (median_of_widened(job_.source, p_, window_at(y, x, job_.half_x, job_.half_y, width_, height_), out))
                    ++rewritten;
                continue;
            }
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
            ++rewritten;
        }
        return rewritten;
    }

    const Job& job_;
    const ConsideredPixels& p_;
    const std::size_t begin_, end_;
    const int width_, height_;
    std::vector<int> p_columns_before_, p_rows_before_;  // prefix counts of P's columns and rows
    std::vector<ColumnHistogram> hist_;                   // strip columns x channels
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
