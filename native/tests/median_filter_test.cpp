// The selective median's kernels (column histograms, portable, AVX2 and AVX-512; blocks of P with AVX-512
// VBMI and BITALG; the sweep) against a brute
// force written from the rule alone: random image sizes, strides, channel counts, random sets P
// (sparse to dense, so windows that hold only P and must widen occur), ratios, both windows,
// thread counts, in place and out of place (also leaving the pixels outside P). Every byte must agree.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "defense/median_detail.hpp"
#include "filter_test_support.hpp"
#include "defense/selective_filters.hpp"

namespace {

using sd::ConsideredPixels;
using sd::median_detail::Path;

struct Case {
    int width, height, channels, padding, threads;
    sd::WindowKind window;
    ConsideredPixels p;
    std::vector<std::uint8_t> pixels;  // height * stride
    std::ptrdiff_t stride() const { return static_cast<std::ptrdiff_t>(width) * channels + padding; }
};

std::vector<std::uint8_t> flags(std::mt19937& rng, int n, double density) {
    std::bernoulli_distribution pick(density);
    std::vector<std::uint8_t> f(static_cast<std::size_t>(n));
    for (auto& v : f) v = pick(rng) ? 1 : 0;
    return f;
}

std::vector<std::int32_t> flagged(const std::vector<std::uint8_t>& f) {
    std::vector<std::int32_t> indices;
    for (std::size_t i = 0; i < f.size(); ++i)
        if (f[i]) indices.push_back(static_cast<std::int32_t>(i));
    return indices;
}

// P as random rows x random columns, each index in P with probability `density`.
void set_random_p(Case& c, std::mt19937& rng, double density) {
    c.p.row_in_p = flags(rng, c.height, density);
    c.p.column_in_p = flags(rng, c.width, density);
    c.p.rows = flagged(c.p.row_in_p);
    c.p.columns = flagged(c.p.column_in_p);
}

Case random_case(std::mt19937& rng, int max_width, int max_height) {
    Case c{};
    c.width = std::uniform_int_distribution<int>(1, max_width)(rng);
    c.height = std::uniform_int_distribution<int>(1, max_height)(rng);
    c.channels = std::uniform_int_distribution<int>(1, 4)(rng);
    c.padding = std::uniform_int_distribution<int>(0, 5)(rng);
    c.threads = std::uniform_int_distribution<int>(1, 4)(rng);
    c.window = rng() % 2 ? sd::WindowKind::Paper : sd::WindowKind::Narrow;
    const double density = std::uniform_real_distribution<double>(0.05, 0.9)(rng);
    set_random_p(c, rng, density);
    c.p.ratio_x = std::uniform_real_distribution<double>(1.0, 14.0)(rng);
    c.p.ratio_y = std::uniform_real_distribution<double>(1.0, 14.0)(rng);
    // Few distinct values in some cases (ties), all 256 in others.
    const int levels = rng() % 3 == 0 ? 3 : 256;
    c.pixels.resize(static_cast<std::size_t>(c.stride()) * c.height);
    for (auto& v : c.pixels) v = static_cast<std::uint8_t>(rng() % levels * (255 / std::max(levels - 1, 1)));
    return c;
}

// The rule: the lower median of the window's pixels outside P, the window widened by one pixel on
// every side until it holds such a pixel; unchanged when the whole image is P.
std::vector<std::uint8_t> brute_force(const Case& c) {
    std::vector<std::uint8_t> out = c.pixels;
    const int hx = sd::half_width(c.p.ratio_x, c.window), hy = sd::half_width(c.p.ratio_y, c.window);
    std::vector<std::uint8_t> values;
    for (const int y : c.p.rows) {
        for (const int x : c.p.columns) {
            for (int grow = 0;; ++grow) {
                const int x0 = std::max(0, x - hx - grow), x1 = std::min(c.width - 1, x + hx + grow);
                const int y0 = std::max(0, y - hy - grow), y1 = std::min(c.height - 1, y + hy + grow);
                bool any = false;
                for (int ch = 0; ch < c.channels; ++ch) {
                    values.clear();
                    for (int yy = y0; yy <= y1; ++yy)
                        for (int xx = x0; xx <= x1; ++xx)
                            if (!(c.p.row_in_p[yy] && c.p.column_in_p[xx]))
                                values.push_back(c.pixels[yy * c.stride() + xx * c.channels + ch]);
                    if (values.empty()) break;
                    any = true;
                    std::sort(values.begin(), values.end());
                    out[y * c.stride() + x * c.channels + ch] = values[(values.size() - 1) / 2];
                }
                if (any || (x0 == 0 && y0 == 0 && x1 == c.width - 1 && y1 == c.height - 1)) break;
            }
        }
    }
    return out;
}

std::vector<std::uint8_t> run(const Case& c, Path path, bool in_place, std::int64_t& rewritten,
                              sd::OtherPixels other = sd::OtherPixels::Copy) {
    return sd_test::run_filter(c.pixels, c.width, c.height, c.channels, c.stride(), in_place, rewritten,
                               [&](const auto& source, const auto& target) {
                                   return sd::median_detail::filter(source, target, c.p, c.window, c.threads, path, other);
                               });
}

bool blocks_fit(const Case& c) {
    return sd::median_detail::blocks_fit(sd::half_width(c.p.ratio_x, c.window), sd::half_width(c.p.ratio_y, c.window), c.channels);
}

std::vector<Path> paths(const Case& c) {
    std::vector<Path> all{Path::Auto, Path::Sweep, Path::Portable};
    if (sd::median_detail::avx2_available()) all.push_back(Path::Avx2);
    if (sd::median_detail::avx512_available()) all.push_back(Path::Avx512);
    if (sd::median_detail::avx512_blocks_available() && blocks_fit(c)) all.push_back(Path::Avx512Blocks);
    return all;
}

std::int64_t expected_count(const Case& c) {
    if (c.p.covers_image()) return 0;
    return c.p.size();  // every pixel of P has a pixel outside P somewhere
}

}  // namespace

TEST(MedianFilter, EveryKernelMatchesTheBruteForceOnRandomCases) {
    std::mt19937 rng(20261202);
    for (int i = 0; i < 400; ++i) {
        const Case c = random_case(rng, 70, 50);
        const std::vector<std::uint8_t> expected = brute_force(c);
        const std::vector<std::uint8_t> only_p =
            sd_test::only_p_written(expected, c.pixels, c.p, c.width, c.height, c.channels, c.stride());
        for (const Path path : paths(c)) {
            for (const bool in_place : {false, true}) {
                std::int64_t rewritten = 0;
                const std::vector<std::uint8_t> got = run(c, path, in_place, rewritten);
                ASSERT_EQ(got, expected) << "case " << i << " path " << static_cast<int>(path) << " in place " << in_place
                                         << " size " << c.width << "x" << c.height << "x" << c.channels;
                ASSERT_EQ(rewritten, expected_count(c)) << "case " << i;
            }
            std::int64_t rewritten = 0;
            ASSERT_EQ(run(c, path, false, rewritten, sd::OtherPixels::Leave), only_p)
                << "case " << i << " path " << static_cast<int>(path) << " leaving the pixels outside P";
            ASSERT_EQ(rewritten, expected_count(c)) << "case " << i;
        }
    }
}

TEST(MedianFilter, WideImagesSpanSeveralStrips) {
    // Wider than one strip of column histograms (128 KiB: about 60 columns of 4 channels, or four windows).
    std::mt19937 rng(7);
    for (int i = 0; i < 6; ++i) {
        Case c = random_case(rng, 900, 24);
        c.width = 600 + i * 50;
        c.channels = 4;
        c.padding = i;
        c.p.column_in_p = flags(rng, c.width, 0.2);
        c.p.columns = flagged(c.p.column_in_p);
        c.pixels.resize(static_cast<std::size_t>(c.stride()) * c.height);
        for (auto& v : c.pixels) v = static_cast<std::uint8_t>(rng());
        const std::vector<std::uint8_t> expected = brute_force(c);
        for (const Path path : paths(c)) {
            std::int64_t rewritten = 0;
            ASSERT_EQ(run(c, path, false, rewritten), expected) << "case " << i << " path " << static_cast<int>(path);
        }
    }
}

TEST(MedianFilter, WindowsBeyondSixteenBitCountsTakeTheSweep) {
    std::mt19937 rng(11);
    Case c = random_case(rng, 10, 10);
    c.width = 280, c.height = 270, c.channels = 1, c.padding = 0, c.threads = 2;
    c.window = sd::WindowKind::Paper;
    c.p = {};
    c.p.row_in_p.assign(static_cast<std::size_t>(c.height), 0);
    c.p.column_in_p.assign(static_cast<std::size_t>(c.width), 0);
    for (int y : {5, 6, 140, 141}) c.p.row_in_p[y] = 1, c.p.rows.push_back(y);
    for (int x : {3, 150, 151}) c.p.column_in_p[x] = 1, c.p.columns.push_back(x);
    c.p.ratio_x = c.p.ratio_y = 135;  // 271 x 271 window: more than 65535 pixels
    c.pixels.resize(static_cast<std::size_t>(c.width) * c.height);
    for (auto& v : c.pixels) v = static_cast<std::uint8_t>(rng());
    std::int64_t rewritten = 0;
    EXPECT_EQ(run(c, Path::Auto, false, rewritten), brute_force(c));
    EXPECT_THROW(run(c, Path::Portable, false, rewritten), std::invalid_argument);
}

namespace {

// Rows or columns of P as a two-tap resize marks them (pairs at a spacing of `ratio`), as the scalers do.
void mark_pairs(int n, double ratio, std::vector<std::uint8_t>& in_p, std::vector<int>& list) {
    in_p.assign(static_cast<std::size_t>(n), 0);
    list.clear();
    for (double at = ratio / 2; at + 1 < n; at += ratio) in_p[static_cast<int>(at)] = in_p[static_cast<int>(at) + 1] = 1;
    for (int i = 0; i < n; ++i)
        if (in_p[i]) list.push_back(i);
}

// The kernel's bytes and count of rewritten pixels equal the sweep's, in place and out of place.
void expect_same_as_sweep(const Case& c, Path path, int i) {
    for (const bool in_place : {false, true}) {
        std::int64_t rewritten = 0, expected_rewritten = 0;
        const std::vector<std::uint8_t> expected = run(c, Path::Sweep, in_place, expected_rewritten);
        EXPECT_EQ(run(c, path, in_place, rewritten), expected)
            << "case " << i << " size " << c.width << "x" << c.height << "x" << c.channels << " ratios " << c.p.ratio_x << " "
            << c.p.ratio_y << " in place " << in_place;
        EXPECT_EQ(rewritten, expected_rewritten) << "case " << i;
    }
}

}  // namespace

TEST(MedianFilter, Avx512KernelMatchesTheSweepOnPairedGrids) {
    // The AVX-512 kernel's own paths: windows of up to 8 or 16 rows in registers, taller ones and
    // rows wider than 64 bytes through memory, column counts of 1-4 channels across 16-sample
    // blocks and strip edges, rows of P read only outside P, and windows over 255 rows (AVX2).
    if (!sd::median_detail::avx512_available()) GTEST_SKIP() << "this CPU has no AVX-512 BW/VL";
    std::mt19937 rng(20261203);
    for (int i = 0; i < 60; ++i) {
        Case c = random_case(rng, 10, 10);
        c.width = std::uniform_int_distribution<int>(20, 420)(rng);
        c.height = std::uniform_int_distribution<int>(20, 300)(rng);
        c.p.ratio_x = std::uniform_real_distribution<double>(1.5, 24.0)(rng);
        c.p.ratio_y = i % 10 == 9 ? 130.0 : std::uniform_real_distribution<double>(1.5, 24.0)(rng);
        mark_pairs(c.width, c.p.ratio_x, c.p.column_in_p, c.p.columns);
        mark_pairs(c.height, c.p.ratio_y, c.p.row_in_p, c.p.rows);
        if (c.p.rows.empty() || c.p.columns.empty()) continue;
        c.pixels.resize(static_cast<std::size_t>(c.stride()) * c.height);
        const int levels = i % 3 == 0 ? 5 : 256;
        for (auto& v : c.pixels) v = static_cast<std::uint8_t>(rng() % levels * (255 / (levels - 1)));
        expect_same_as_sweep(c, Path::Avx512, i);
        if (HasFatalFailure() || HasNonfatalFailure()) return;
    }
}

namespace {

// A smooth image (two gradients and a wave) with noise of the given amplitude: neighbouring windows'
// medians close together, as in photos, or far apart.
void smooth_pixels(Case& c, std::mt19937& rng, int noise) {
    c.pixels.resize(static_cast<std::size_t>(c.stride()) * c.height);
    for (int y = 0; y < c.height; ++y)
        for (int x = 0; x < c.width; ++x)
            for (int ch = 0; ch < c.channels; ++ch) {
                const double v = 60 + 0.4 * x + 0.3 * y + 40 * std::sin(0.05 * x * (ch + 1) + 0.07 * y);
                const int n = noise > 0 ? static_cast<int>(rng() % (2 * noise + 1)) - noise : 0;
                c.pixels[y * c.stride() + x * c.channels + ch] = static_cast<std::uint8_t>(std::clamp(static_cast<int>(v) + n, 0, 255));
            }
}

}  // namespace

TEST(MedianFilter, BlockKernelMatchesTheSweep) {
    // The block kernel's own paths: pairs and single rows or columns of P (runs longer than two
    // split), batches of up to 64 blocks and rows of P with more, unions at the image's edges,
    // the bit planes' groups that straddle union rows and the groups past the union's end,
    // smooth images (candidates shared by many samples), noise, and few levels (ties on every bit),
    // in place, 1-4 channels, windows of more than 255 pixels (16-bit counts) and union rows of
    // more than 64 bytes (several transpositions a row).
    if (!sd::median_detail::avx512_blocks_available()) GTEST_SKIP() << "this CPU has no AVX-512 VBMI and BITALG";
    std::mt19937 rng(20261204);
    int ran = 0, ran_wide = 0, ran_chunked = 0;
    for (int i = 0; i < 160; ++i) {
        Case c = random_case(rng, 10, 10);
        const bool wide = i % 2 == 0;  // windows of more than 255 pixels or rows of more than 64 bytes
        c.width = std::uniform_int_distribution<int>(8, wide ? 360 : 700)(rng);
        c.height = std::uniform_int_distribution<int>(8, wide ? 200 : 160)(rng);
        c.p.ratio_x = std::uniform_real_distribution<double>(wide ? 6.0 : 1.2, wide ? 30.0 : 12.0)(rng);
        c.p.ratio_y = std::uniform_real_distribution<double>(wide ? 6.0 : 1.2, wide ? 40.0 : 12.0)(rng);
        if (!blocks_fit(c)) continue;
        if (i % 4 == 3) {  // P as random flags: runs of any length, singles
            c.p = random_case(rng, 1, 1).p;
            set_random_p(c, rng, std::uniform_real_distribution<double>(0.05, 0.7)(rng));
            c.p.ratio_x = std::uniform_real_distribution<double>(1.2, 6.0)(rng);
            c.p.ratio_y = std::uniform_real_distribution<double>(1.2, 6.0)(rng);
            if (!blocks_fit(c)) continue;
        } else {
            mark_pairs(c.width, c.p.ratio_x, c.p.column_in_p, c.p.columns);
            mark_pairs(c.height, c.p.ratio_y, c.p.row_in_p, c.p.rows);
        }
        if (c.p.rows.empty() || c.p.columns.empty()) continue;
        switch (i % 3) {
            case 0: smooth_pixels(c, rng, 3); break;
            case 1: smooth_pixels(c, rng, 60); break;
            default: {
                const int levels = rng() % 2 ? 4 : 256;
                c.pixels.resize(static_cast<std::size_t>(c.stride()) * c.height);
                for (auto& v : c.pixels) v = static_cast<std::uint8_t>(rng() % levels * (255 / (levels - 1)));
            }
        }
        ++ran;
        const int hx = sd::half_width(c.p.ratio_x, c.window), hy = sd::half_width(c.p.ratio_y, c.window);
        ran_wide += (2 * hx + 1) * (2 * hy + 1) > 255;
        ran_chunked += (2 * hx + 2) * c.channels > 64;
        expect_same_as_sweep(c, Path::Avx512Blocks, i);
        if (HasFatalFailure() || HasNonfatalFailure()) return;
    }
    EXPECT_GT(ran, 40);  // the draw must leave enough cases that fit, and of each kind
    EXPECT_GT(ran_wide, 10);
    EXPECT_GT(ran_chunked, 10);
}

TEST(MedianFilter, BlockKernelRefusesWindowsItCannotHold) {
    if (!sd::median_detail::avx512_blocks_available()) GTEST_SKIP() << "this CPU has no AVX-512 VBMI and BITALG";
    EXPECT_TRUE(sd::median_detail::blocks_fit(9, 6, 3));     // 19 x 13 = 247 pixels: byte counts
    EXPECT_TRUE(sd::median_detail::blocks_fit(18, 13, 3));   // 37 x 27 = 999 pixels: 16-bit counts, rows of 114 bytes
    EXPECT_FALSE(sd::median_detail::blocks_fit(42, 1, 3));   // unions of 258 bytes a row
    EXPECT_FALSE(sd::median_detail::blocks_fit(1, 64, 1));   // unions of 130 rows
    std::mt19937 rng(3);
    Case c = random_case(rng, 10, 10);
    c.width = 200, c.height = 200, c.channels = 3, c.padding = 0, c.threads = 1;
    c.window = sd::WindowKind::Paper;
    c.p.ratio_x = 45.5, c.p.ratio_y = 9.5;  // 91 x 19 windows: rows of 276 bytes
    mark_pairs(c.width, c.p.ratio_x, c.p.column_in_p, c.p.columns);
    mark_pairs(c.height, c.p.ratio_y, c.p.row_in_p, c.p.rows);
    c.pixels.assign(static_cast<std::size_t>(c.stride()) * c.height, 7);
    std::int64_t rewritten = 0;
    EXPECT_THROW(run(c, Path::Avx512Blocks, false, rewritten), std::invalid_argument);
    EXPECT_EQ(run(c, Path::Auto, false, rewritten), brute_force(c));
}
