// The selective random filter's kernels (AVX2 and portable row kernels, and attempts one at a
// time) against a reference written from the rule alone (random_detail.hpp): random image sizes,
// strides, channel counts, random sets P (sparse to dense, so windows that hold only P and must
// widen occur), windows longer than 64 (no masks), in place and out of place (also leaving the
// pixels outside P). Every byte must agree; and the picks must be uniform over the window's pixels
// outside P.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <random>
#include <vector>

#include "defense/random_detail.hpp"
#include "filter_test_support.hpp"
#include "defense/selective_filters.hpp"

namespace {

using sd::ConsideredPixels;
using sd::random_detail::Path;

struct Case {
    int width, height, channels, padding;
    sd::WindowKind window;
    ConsideredPixels p;
    std::vector<std::uint8_t> pixels;  // height * stride
    std::uint64_t seed;
    std::ptrdiff_t stride() const { return static_cast<std::ptrdiff_t>(width) * channels + padding; }
};

void set_p(Case& c, std::mt19937& rng, double density) {
    std::bernoulli_distribution pick(density);
    c.p.row_in_p.assign(static_cast<std::size_t>(c.height), 0);
    c.p.column_in_p.assign(static_cast<std::size_t>(c.width), 0);
    c.p.rows.clear();
    c.p.columns.clear();
    for (int y = 0; y < c.height; ++y)
        if ((c.p.row_in_p[y] = pick(rng))) c.p.rows.push_back(y);
    for (int x = 0; x < c.width; ++x)
        if ((c.p.column_in_p[x] = pick(rng))) c.p.columns.push_back(x);
}

Case random_case(std::mt19937& rng, int max_width, int max_height, double max_ratio) {
    Case c{};
    c.width = std::uniform_int_distribution<int>(1, max_width)(rng);
    c.height = std::uniform_int_distribution<int>(1, max_height)(rng);
    c.channels = std::uniform_int_distribution<int>(1, 4)(rng);
    c.padding = std::uniform_int_distribution<int>(0, 5)(rng);
    c.window = rng() % 2 ? sd::WindowKind::Paper : sd::WindowKind::Narrow;
    set_p(c, rng, std::uniform_real_distribution<double>(0.05, 0.95)(rng));
    c.p.ratio_x = std::uniform_real_distribution<double>(1.0, max_ratio)(rng);
    c.p.ratio_y = std::uniform_real_distribution<double>(1.0, max_ratio)(rng);
    c.pixels.resize(static_cast<std::size_t>(c.stride()) * c.height);
    for (auto& v : c.pixels) v = static_cast<std::uint8_t>(rng());
    c.seed = (static_cast<std::uint64_t>(rng()) << 32) | rng();
    return c;
}

// The rule: pixel n of P (row by row) takes draws n, n + |P|, n + 2|P|, ... of SplitMix64 until one
// picks (high half: row, low half: column, Lemire's rejection on each) a pixel of the window outside
// P; the window is widened one pixel per side until it holds such a pixel; nothing changes when the
// whole image is P.
std::uint64_t splitmix_output(std::uint64_t seed, std::uint64_t number) {  // number >= 1
    std::uint64_t z = seed + number * 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

bool lemire(std::uint32_t fraction, std::uint32_t bound, int& value) {
    const std::uint64_t product = static_cast<std::uint64_t>(fraction) * bound;
    value = static_cast<int>(product >> 32);
    return static_cast<std::uint32_t>(product) >= static_cast<std::uint32_t>(-bound) % bound;
}

std::vector<std::uint8_t> reference(const Case& c, std::int64_t& rewritten) {
    std::vector<std::uint8_t> out = c.pixels;
    rewritten = 0;
    if (c.p.covers_image()) return out;
    const int hx = sd::half_width(c.p.ratio_x, c.window), hy = sd::half_width(c.p.ratio_y, c.window);
    const std::uint64_t pixels = static_cast<std::uint64_t>(c.p.size());
    std::uint64_t n = 0;
    for (const int y : c.p.rows) {
        for (const int x : c.p.columns) {
            const std::uint64_t pixel = n++;
            int grow = 0, x0, x1, y0, y1;
            bool found = false;
            for (;; ++grow) {
                x0 = std::max(0, x - hx - grow), x1 = std::min(c.width - 1, x + hx + grow);
                y0 = std::max(0, y - hy - grow), y1 = std::min(c.height - 1, y + hy + grow);
                for (int yy = y0; yy <= y1 && !found; ++yy)
                    for (int xx = x0; xx <= x1 && !found; ++xx) found = !(c.p.row_in_p[yy] && c.p.column_in_p[xx]);
                if (found || (x0 == 0 && y0 == 0 && x1 == c.width - 1 && y1 == c.height - 1)) break;
            }
            if (!found) continue;
            for (std::uint64_t a = 0;; ++a) {
                const std::uint64_t z = splitmix_output(c.seed, pixel + a * pixels + 1);
                int dy, dx;
                const bool fair_row = lemire(static_cast<std::uint32_t>(z >> 32), static_cast<std::uint32_t>(y1 - y0 + 1), dy);
                const bool fair_column = lemire(static_cast<std::uint32_t>(z), static_cast<std::uint32_t>(x1 - x0 + 1), dx);
                const int sy = y0 + dy, sx = x0 + dx;
                if (!fair_row || !fair_column || (c.p.row_in_p[sy] && c.p.column_in_p[sx])) continue;
                for (int ch = 0; ch < c.channels; ++ch)
                    out[y * c.stride() + x * c.channels + ch] = c.pixels[sy * c.stride() + sx * c.channels + ch];
                ++rewritten;
                break;
            }
        }
    }
    return out;
}

std::vector<std::uint8_t> run(const Case& c, Path path, bool in_place, std::int64_t& rewritten,
                              sd::OtherPixels other = sd::OtherPixels::Copy) {
    return sd_test::run_filter(c.pixels, c.width, c.height, c.channels, c.stride(), in_place, rewritten,
                               [&](const auto& source, const auto& target) {
                                   return sd::random_detail::filter(source, target, c.p, c.window, c.seed, path, other);
                               });
}

std::vector<Path> paths() {
    std::vector<Path> all{Path::Auto, Path::Scalar, Path::Portable};
    if (sd::random_detail::avx2_available()) all.push_back(Path::Avx2);
    if (sd::random_detail::avx512_available()) all.push_back(Path::Avx512);
    return all;
}

void expect_every_path_matches(const Case& c, int index) {
    std::int64_t expected_count = 0;
    const std::vector<std::uint8_t> expected = reference(c, expected_count);
    for (const Path path : paths()) {
        for (const bool in_place : {false, true}) {
            std::int64_t rewritten = 0;
            ASSERT_EQ(run(c, path, in_place, rewritten), expected)
                << "case " << index << " path " << static_cast<int>(path) << " in place " << in_place << " size " << c.width
                << "x" << c.height << "x" << c.channels;
            ASSERT_EQ(rewritten, expected_count) << "case " << index;
        }
        std::int64_t rewritten = 0;
        ASSERT_EQ(run(c, path, false, rewritten, sd::OtherPixels::Leave),
                  sd_test::only_p_written(expected, c.pixels, c.p, c.width, c.height, c.channels, c.stride()))
            << "case " << index << " path " << static_cast<int>(path) << " leaving the pixels outside P";
        ASSERT_EQ(rewritten, expected_count) << "case " << index;
    }
}

}  // namespace

TEST(RandomFilter, EveryKernelMatchesTheRuleOnRandomCases) {
    std::mt19937 rng(20261203);
    for (int i = 0; i < 500; ++i) expect_every_path_matches(random_case(rng, 90, 60, 14.0), i);
}

TEST(RandomFilter, WindowsLongerThanSixtyFourTakeTheScalarAttempts) {
    std::mt19937 rng(5);
    for (int i = 0; i < 20; ++i) expect_every_path_matches(random_case(rng, 260, 200, 60.0), i);
}

TEST(RandomFilter, DensePWidensWindowsAndAFullPChangesNothing) {
    std::mt19937 rng(9);
    for (int i = 0; i < 40; ++i) {
        Case c = random_case(rng, 60, 40, 3.0);
        set_p(c, rng, i % 4 == 0 ? 1.0 : 0.97);  // all of the image, or nearly
        expect_every_path_matches(c, i);
    }
}

TEST(RandomFilter, PicksAreUniformOverTheWindowOutsideP) {
    // P is 2 rows x 2 columns of a 5 x 5 image and every window is the whole image, so 21 pixels
    // are outside P. Over many seeds each must be picked about 1/21 of the time (within 5 sigma).
    Case c{};
    c.width = c.height = 5, c.channels = 1, c.padding = 0, c.window = sd::WindowKind::Paper;
    c.p.row_in_p = {0, 0, 1, 1, 0};
    c.p.column_in_p = {0, 1, 1, 0, 0};
    c.p.rows = {2, 3};
    c.p.columns = {1, 2};
    c.p.ratio_x = c.p.ratio_y = 3.0;  // half width 3: every window is the whole image
    c.pixels.resize(25);
    for (int k = 0; k < 25; ++k) c.pixels[k] = static_cast<std::uint8_t>(k);
    std::map<int, int> counts;
    const int draws = 32000;
    for (int s = 0; s < draws; ++s) {
        c.seed = static_cast<std::uint64_t>(s) * 7919u;
        std::int64_t rewritten = 0;
        counts[run(c, Path::Auto, false, rewritten)[2 * 5 + 1]]++;
    }
    ASSERT_EQ(counts.size(), 21u);  // the 21 pixels outside P; never one of P's four
    for (const auto& [value, count] : counts) {
        EXPECT_FALSE(c.p.contains(value / 5, value % 5)) << value;
        EXPECT_NEAR(count, draws / 21.0, 5 * std::sqrt(draws / 21.0)) << "pixel " << value;
    }
}
