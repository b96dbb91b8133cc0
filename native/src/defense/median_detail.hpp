// Internals of the selective median filter shared by its source files: the job, the slow path for
// windows that hold only P, and the band kernels (one portable, one AVX2 chosen at run time).
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/image_ref.hpp"
#include "defense/considered_pixels.hpp"
#include "defense/filter_window.hpp"
#include "defense/other_pixels.hpp"

namespace sd::median_detail {

struct Job {
    ImageRef<const std::uint8_t> source;
    ImageRef<std::uint8_t> target;
    const ConsideredPixels* p = nullptr;
    const WindowWidening* widening = nullptr;  // for the rare windows that hold only P
    int half_x = 1;
    int half_y = 1;
};

// The band kernels count in 16-bit bins: a window of more pixels than this takes the sweep path.
inline constexpr std::int64_t kMaxHistogramWindow = 65535;
// The AVX-512 kernel scans each window for the fine level: it beats the fine column histograms
// from windows of about this many pixels (measured: 19 x 13 faster, 9 x 7 not); Auto takes AVX2 below.
inline constexpr std::int64_t kMinScannedWindow = 128;

// The median of the window's pixels outside P after widening it until it holds one; false when the
// whole image is P.
bool median_of_widened(const ImageRef<const std::uint8_t>& source, const ConsideredPixels& p, const WindowWidening& widening,
                       Window w, std::uint8_t* out);

// Rows p.rows[begin, end) with column histograms (Perreault & Hebert); each returns the pixels rewritten.
std::int64_t histogram_rows_portable(const Job& job, std::size_t begin, std::size_t end);
#if defined(__x86_64__) || defined(__i386__)
#define SD_MEDIAN_HAS_AVX2 1
std::int64_t histogram_rows_avx2(const Job& job, std::size_t begin, std::size_t end);
std::int64_t histogram_rows_avx512(const Job& job, std::size_t begin, std::size_t end);  // coarse columns + window scan
// Rows p.rows[begin, end) by 2 x 2 blocks of P, 64 blocks per vector (needs blocks_fit and AVX-512 VBMI and BITALG).
std::int64_t block_rows_avx512(const Job& job, std::size_t begin, std::size_t end);
#endif

// The block kernel counts in 16 bits at most (bytes up to 255 pixels) and keeps a block's union of
// windows (2 half_y + 2 rows of 2 half_x + 2 pixels) for 64 blocks: up to 128 rows of 256 bytes
// (2 MiB), and one channel's bit planes of it.
inline bool blocks_fit(int half_x, int half_y, int channels) {
    const long long window = (2LL * half_x + 1) * (2LL * half_y + 1);
    return window <= 65535 && 2LL * half_y + 2 <= 128 && (2LL * half_x + 2) * channels <= 256;
}

// Which implementation filter() runs: Auto picks the block kernel where it fits and the CPU has
// AVX-512 VBMI and BITALG, else AVX-512 (F, BW, VL) for windows of at least kMinScannedWindow pixels, else
// AVX2, where the CPU has them; the portable kernel elsewhere, and the sweep for windows beyond
// kMaxHistogramWindow. The others are for tests.
enum class Path { Auto, Sweep, Portable, Avx2, Avx512, Avx512Blocks };
bool avx2_available();
bool avx512_available();
bool avx512_blocks_available();  // AVX-512 F, BW, VL, VBMI and BITALG

// selective_median_filter() with a chosen path; throws std::invalid_argument for a path that cannot run.
std::int64_t filter(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target,
                    const ConsideredPixels& p, WindowKind window, int threads, Path path,
                    OtherPixels other = OtherPixels::Copy);

}  // namespace sd::median_detail
