// Internals of the selective random filter shared by its source files: the windows' axes along P,
// the rule of one attempt, and the kernels that make the first attempts of a whole row of P at once
// (portable, AVX2 and AVX-512, chosen at run time; all give the same offsets).
//
// The draws, exactly (the managed twin in SelectiveFilters.Random follows the same rule): the
// pixels of P are numbered n = i * |columns| + j, row by row. Attempt a = 0, 1, ... of pixel n takes
// draw number n + a * |P| of the seed's RandomSource; the high 32 bits pick the window's row, the
// low 32 bits its column (Lemire); the attempt fails when either half falls in its rejected sliver
// or the pixel is in P. A pixel's draws do not depend on any other pixel's, so a row's first
// attempts are independent and vectorise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/image_ref.hpp"
#include "defense/considered_pixels.hpp"
#include "defense/filter_window.hpp"
#include "defense/line_prefetch.hpp"
#include "defense/other_pixels.hpp"
#include "defense/random_source.hpp"

namespace sd::random_detail {

// One axis of a window: its first index, its length and the rejection threshold for that length.
struct Axis {
    int start = 0;
    std::uint32_t size = 1;
    std::uint32_t threshold = 0;
};

inline Axis axis(int first, int last) {
    const auto size = static_cast<std::uint32_t>(last - first + 1);
    return {first, size, RandomSource::rejection_threshold(size)};
}

// The windows' axes at P's rows (or columns), as arrays of 64-bit lanes for the kernels: first
// index, its byte offset (start * step), length, threshold, and which indices are in P (bit k for
// start + k; windows of at most 64). `open`: the axis holds an index outside P, so no window on
// that line needs widening.
struct Axes {
    std::vector<std::int32_t> start;
    std::vector<std::uint8_t> open;
    std::vector<std::int64_t> base;
    std::vector<std::uint64_t> size, threshold, in_p;
    bool masks_fit = true;  // every axis is at most 64 long

    Axes(const std::vector<std::int32_t>& indices, const std::vector<std::uint8_t>& index_in_p, int half, int extent,
         std::int64_t step);

    std::size_t count() const { return start.size(); }
    Axis at(std::size_t i) const {
        return {start[i], static_cast<std::uint32_t>(size[i]), static_cast<std::uint32_t>(threshold[i])};
    }
};

inline constexpr std::uint32_t kMaskedLength = 64;

// One attempt with draw z: the pixel picked, and whether it counts.
inline bool attempt(std::uint64_t z, const Axis& row, const Axis& column, const ConsideredPixels& p, int& sy, int& sx) {
    const std::uint64_t a = (z >> 32) * row.size, b = (z & 0xFFFFFFFFu) * column.size;
    sy = row.start + static_cast<int>(a >> 32);
    sx = column.start + static_cast<int>(b >> 32);
    const bool fair = (static_cast<std::uint32_t>(a) >= row.threshold) && (static_cast<std::uint32_t>(b) >= column.threshold);
    return fair && ((p.row_in_p[sy] & p.column_in_p[sx]) == 0);
}

// The first `attempts` attempts of row i of P: offsets[j] = the byte offset of the pick of pixel
// (i, j) in the source, or -1 when they all failed (the caller goes on one attempt at a time).
// Needs masks_fit on both axes.
struct RowJob {
    const Axes* rows;
    const Axes* columns;
    std::size_t row;              // i
    std::uint64_t first_state;    // the RandomSource state of draw i * |columns|
    std::uint64_t attempt_step;   // what the state advances by from one attempt to the next: |P| * gamma
    std::ptrdiff_t stride_bytes;  // the source's
    int channels;
    int attempts;                 // at most this many attempts per pixel
    int attempts_for_all = 1;     // the AVX-512 kernel: attempts made for every pixel before it lists the failed (1 or 2)
};

// How many attempts the row kernels make: one where few draws land in P; three where more than a
// tenth would (where a fifth do, three attempts leave one pixel in 125 to the caller instead of one
// in five, and the caller's branches cost more than two more vector attempts). The choice changes
// the speed only, never the picks.
int row_attempts(const Axes& rows, const Axes& columns);

// The AVX-512 kernel's attempts_for_all: two where more than 15 % of the draws land in P (a quarter
// do at 1024x768 -> 224x224: 0.94x the filter's time), else one (at 2048x1536, 6 %, two took 1.1x:
// the second attempt costs every pixel what the list's retry costs only the few that failed).
int attempts_for_all(const Axes& rows, const Axes& columns);

// Where the pixels of P lie in a row of the target, per 64-byte chunk that holds any of them: the
// chunk's index, which of its bytes are P's, and where its first such byte is among the row's picks
// packed `channels` bytes per pixel (so one expand and one masked store write a chunk).
struct RowChunks {
    std::vector<std::uint32_t> chunk, first;
    std::vector<std::uint64_t> mask;

    RowChunks() = default;
    RowChunks(const std::vector<std::int32_t>& columns, int channels);
};

// The AVX-512 kernel retries only the pixels whose attempts failed, so it can afford more of them.
inline constexpr int kListAttempts = 6;

void first_attempts_portable(const RowJob& job, std::int64_t* offsets);
#if defined(__x86_64__) || defined(__i386__)
#define SD_RANDOM_HAS_AVX2 1
void first_attempts_avx2(const RowJob& job, std::int64_t* offsets);
#define SD_RANDOM_HAS_AVX512 1
// The AVX-512 kernels below also ask `ahead` for `per_step` lines per step of their loops (eight
// pixels, or a chunk of the row), so that the lines the next rows' picks read arrive meanwhile.
//
// Also returns how many pixels are left without a pick, and their indices in list[0, count).
// `list`: room for the row's pixel count + 8 indices.
std::size_t first_attempts_avx512(const RowJob& job, std::int64_t* offsets, std::uint32_t* list, LinePrefetch& ahead,
                                  int per_step);
// values[j] = the pick's bytes for every j with offsets[j] >= 0, in its low `channels` bytes (the
// others are what follows in memory). Four bytes are read at an offset up to `last_word`, the
// remaining `channels` bytes beyond it.
void read_picks_avx512(const std::int64_t* offsets, std::size_t n, const std::uint8_t* data, std::int64_t last_word,
                       int channels, std::uint32_t* values, LinePrefetch& ahead, int per_step);
// Writes a row's picks (values as read_picks_avx512 leaves them, with room for 16 more) into the
// target row with one masked store per chunk of P's bytes; `packed`: room for n * channels + 64
// bytes. Needs AVX-512 VBMI2 (byte compress and expand). Unless `next_row` is null, each chunk's
// line in it (the next row of P in the target, which has the same chunks) is asked for, to be
// written (P only: 0.87x the time at 4096x3072, 0.94-0.96x at 2048x1536 with the caches evicted).
void write_row_avx512(const std::uint32_t* values, std::size_t n, int channels, const RowChunks& chunks, std::uint8_t* row,
                      std::uint8_t* packed, LinePrefetch& ahead, int per_step, std::uint8_t* next_row);
#endif

// Which kernel filter() runs: Auto picks AVX-512 (F, DQ, VL, BW), else AVX2, where the CPU has it;
// Scalar makes every attempt one at a time (also what runs when a window is longer than 64). The
// others are for tests.
enum class Path { Auto, Scalar, Portable, Avx2, Avx512 };
bool avx2_available();
bool avx512_available();

// selective_random_filter() with a chosen path; throws std::invalid_argument for a path that cannot run.
std::int64_t filter(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target,
                    const ConsideredPixels& p, WindowKind window, std::uint64_t seed, Path path,
                    OtherPixels other = OtherPixels::Copy);

}  // namespace sd::random_detail
