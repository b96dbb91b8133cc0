// The selective median by blocks of P, 64 blocks side by side in the byte lanes of AVX-512
// registers (F, BW, VL, VBMI and BITALG; chosen at run time by selective_median_filter.cpp).
//
// Two-tap scalers put P's rows and columns in adjacent pairs, so P is mostly 2 x 2 blocks whose
// four windows share all but one row and one column. Each block gets one byte lane: the union of
// its windows is read once, row by row (masked loads that never touch a pixel of P; 255 stands for
// what is not counted, above every median that counts it) and transposed, so that vector j holds
// sample j of 64 blocks. Per channel, eight sample vectors at a time are then turned into bit
// planes (per lane an 8 x 8 bit transposition), and each window's lower median is found a bit at a
// time from the top, with the same eight steps for every window and image: a step counts, per
// lane, the window's candidates whose bit is clear with one AND-NOT and one byte popcount per
// eight samples, and narrows the candidates with one ternary logic operation. The samples' values
// are never compared, so a step costs the same for photos and noise, and the four windows' steps
// share the planes they read.
// Serves the windows of blocks_fit (median_detail.hpp): byte counts up to 255 pixels, 16-bit sums
// of byte-counted groups beyond; union rows of up to four 64-byte chunks.
#include "defense/median_detail.hpp"

#ifdef SD_MEDIAN_HAS_AVX2

// Standard headers first, so that only what follows is compiled for AVX-512.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx2,popcnt,avx512f,avx512bw,avx512vl,avx512vbmi,avx512bitalg,prfchw"))), apply_to = function)
#elif defined(__GNUC__)
#pragma GCC push_options
#pragma GCC target("avx2,popcnt,avx512f,avx512bw,avx512vl,avx512vbmi,avx512bitalg,prfchw")
// GCC 12's AVX-512 headers pass _mm512_undefined_* values through some intrinsics and then warn
// that they may be used uninitialized.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif

#include <immintrin.h>

#include "defense/outside_columns.hpp"

namespace sd::median_detail {
namespace {

constexpr int kLanes = 64;  // blocks per batch: one per byte lane

// The counting loops keep their accumulators in registers only if every helper is inlined.
#define SD_INLINE __attribute__((always_inline))

// Storage for one vector (std::vector<__m512i> would drop the type's alignment attribute).
struct alignas(64) Bytes64 {
    std::uint8_t lane[kLanes];
};

class VectorBuffer {
public:
    explicit VectorBuffer(std::size_t n) : storage_(n) {}
    __m512i* data() { return reinterpret_cast<__m512i*>(storage_.data()); }
    const __m512i* data() const { return reinterpret_cast<const __m512i*>(storage_.data()); }
    __m512i& operator[](std::size_t i) { return data()[i]; }

private:
    std::vector<Bytes64> storage_;
};

// One or two adjacent indices of P (rows or columns): a block's extent on that axis.
struct Run {
    int first;
    int size;
};

std::vector<Run> runs_of(const std::vector<std::int32_t>& list, std::size_t begin, std::size_t end) {
    std::vector<Run> runs;
    for (std::size_t i = begin; i < end;) {
        const bool pair = i + 1 < end && list[i + 1] == list[i] + 1;
        runs.push_back({list[i], pair ? 2 : 1});
        i += pair ? 2 : 1;
    }
    return runs;
}

// q[r] qword c becomes q[c] qword r (an 8 x 8 qword transposition): three rounds that each
// interleave q[i] with q[i + 4], each rotating the 6-bit address (r, c) by one bit.
inline void transpose_qwords(__m512i (&q)[8]) {
    const __m512i low = _mm512_setr_epi64(0, 8, 1, 9, 2, 10, 3, 11), high = _mm512_setr_epi64(4, 12, 5, 13, 6, 14, 7, 15);
#pragma GCC unroll 3
    for (int round = 0; round < 3; ++round) {
        __m512i t[8];
#pragma GCC unroll 4
        for (int i = 0; i < 4; ++i) {
            t[2 * i] = _mm512_permutex2var_epi64(q[i], low, q[i + 4]);
            t[2 * i + 1] = _mm512_permutex2var_epi64(q[i], high, q[i + 4]);
        }
#pragma GCC unroll 8
        for (int i = 0; i < 8; ++i) q[i] = t[i];
    }
}

struct ByteIndex {
    std::uint8_t at[64];
};

// Within each 64 bytes seen as 8 x 8: byte 8b + i moves to 8i + b.
constexpr ByteIndex eight_by_eight() {
    ByteIndex index{};
    for (int i = 0; i < 8; ++i)
        for (int b = 0; b < 8; ++b) index.at[8 * i + b] = static_cast<std::uint8_t>(8 * b + i);
    return index;
}

inline __mmask64 first_bytes(int n) { return n >= 64 ? ~__mmask64{0} : (__mmask64{1} << n) - 1; }

// Per byte lane, an 8 x 8 bit transposition across eight vectors: bit b of x[j] becomes bit j
// of x[b]. Three rounds swap the off-diagonal blocks of 4, then 2, then 1 bits.
template <int Shift>
SD_INLINE inline void swap_bit_blocks(__m512i& low, __m512i& high, __m512i mask) {
    const __m512i t = _mm512_ternarylogic_epi64(_mm512_srli_epi16(low, Shift), high, mask, 0x28);  // (low >> s ^ high) & mask
    high = _mm512_xor_si512(high, t);
    low = _mm512_xor_si512(low, _mm512_slli_epi16(t, Shift));
}

SD_INLINE inline void transpose_bits(__m512i (&x)[8]) {
    const __m512i nibbles = _mm512_set1_epi8(0x0F), pairs = _mm512_set1_epi8(0x33), singles = _mm512_set1_epi8(0x55);
#pragma GCC unroll 4
    for (int j = 0; j < 4; ++j) swap_bit_blocks<4>(x[j], x[j + 4], nibbles);
#pragma GCC unroll 4
    for (int i = 0; i < 4; ++i) swap_bit_blocks<2>(x[i % 2 + 4 * (i / 2)], x[i % 2 + 4 * (i / 2) + 2], pairs);
#pragma GCC unroll 4
    for (int i = 0; i < 4; ++i) swap_bit_blocks<1>(x[2 * i], x[2 * i + 1], singles);
}

template <int Channels>
class BlockMedian {
public:
    explicit BlockMedian(const Job& job)
        : job_(job), p_(*job.p), width_(job.source.width), height_(job.source.height), rows_(2 * job.half_y + 2),
          columns_(2 * job.half_x + 2), bytes_(columns_ * Channels), groups_((rows_ * columns_ + 7) / 8),
          outside_(p_, width_, Channels), samples_(static_cast<std::size_t>(rows_) * bytes_),
          row_(static_cast<std::size_t>(rows_)), middle_(kLanes), planes_(8 * static_cast<std::size_t>(groups_)),
          sets_(4 * static_cast<std::size_t>(groups_)) {
        lane_loads_.resize(static_cast<std::size_t>((bytes_ + 63) / 64));
        // Byte counts hold a whole window's when it has at most 255 pixels, else 31 groups' (248 samples).
        const int window = (2 * job_.half_x + 1) * (2 * job_.half_y + 1);
        count_groups_ = window <= 255 ? groups_ : 31;
        // Sample k of the union (row-major) is bit k % 8 of group k / 8; window w = 2a + b of a block
        // holds union rows [a, a + rows_ - 2] and columns [b, b + columns_ - 2].
        sample_row_.assign(8 * static_cast<std::size_t>(groups_), -1);
        sample_byte_.assign(8 * static_cast<std::size_t>(groups_), 0);
        membership_.assign(4 * static_cast<std::size_t>(groups_), 0);
        for (int k = 0; k < rows_ * columns_; ++k) {
            const int r = k / columns_, u = k % columns_;
            sample_row_[k] = r;
            sample_byte_[k] = u * Channels;
            for (int w = 0; w < 4; ++w)
                if (r - w / 2 >= 0 && r - w / 2 <= rows_ - 2 && u - w % 2 >= 0 && u - w % 2 <= columns_ - 2)
                    membership_[static_cast<std::size_t>(w) * groups_ + k / 8] |= static_cast<std::uint8_t>(1u << (k % 8));
        }
        p_columns_before_.assign(static_cast<std::size_t>(width_) + 1, 0);
        for (int x = 0; x < width_; ++x) p_columns_before_[x + 1] = p_columns_before_[x] + p_.column_in_p[x];
        p_rows_before_.assign(static_cast<std::size_t>(height_) + 1, 0);
        for (int y = 0; y < height_; ++y) p_rows_before_[y + 1] = p_rows_before_[y] + p_.row_in_p[y];
    }

    std::int64_t run(std::size_t begin, std::size_t end) {
        const std::vector<Run> rows = runs_of(p_.rows, begin, end);
        const std::vector<Run> columns = runs_of(p_.columns, 0, p_.columns.size());
        // Batches of even size (the lanes idle at most once per row of blocks), in order.
        struct Batch {
            const Run* row;
            const Run* columns;
            int n;
        };
        std::vector<Batch> batches;
        // Column batches outermost: consecutive rows of blocks share about half their union rows,
        // which load() keeps instead of reading and transposing them again.
        const std::size_t n = columns.size(), per_row = (n + kLanes - 1) / kLanes;
        for (std::size_t b = 0; b < per_row; ++b)
            for (const Run& row : rows) {
                const std::size_t first = n * b / per_row, last = n * (b + 1) / per_row;
                batches.push_back({&row, columns.data() + first, static_cast<int>(last - first)});
            }
        std::int64_t rewritten = 0;
        for (std::size_t i = 0; i < batches.size(); ++i) {
            if (i + 1 < batches.size())
                plan_prefetch(*batches[i + 1].row, batches[i + 1].columns, batches[i + 1].n, *batches[i].row, batches[i].columns);
            else
                prefetch_ = {};
            rewritten += batch(*batches[i].row, batches[i].columns, batches[i].n);
        }
        return rewritten;
    }

private:
    using Medians = __m512i[4][Channels];  // per window and channel, a byte per lane
    // select()'s steps in a batch (eight bits per channel): the prefetches are spread over them.
    static constexpr int kSteps = 8 * Channels;

    // Each window's rank (its lower median's, 0-based) per lane, as bytes for windows of at most
    // 255 pixels and as 16-bit halves (lanes 0-31, 32-63) for larger ones.
    struct Ranks {
        alignas(64) std::uint16_t of[4][kLanes] = {};
        __m512i bytes[4], low[4], high[4];

        void prepare() {
            for (int w = 0; w < 4; ++w) {
                low[w] = _mm512_load_si512(of[w]);
                high[w] = _mm512_load_si512(of[w] + 32);
                bytes[w] = _mm512_inserti64x4(_mm512_castsi256_si512(_mm512_cvtepi16_epi8(low[w])), _mm512_cvtepi16_epi8(high[w]), 1);
            }
        }
    };

    std::int64_t batch(const Run& row, const Run* columns, int n) {
        load(row, columns, n);
        Ranks ranks;
        std::uint64_t present[4] = {}, empty[4] = {};
        rank_windows(row, columns, n, ranks, present, empty);
        plan_writes(row, columns, n);
        Medians medians;
        for (int c = 0; c < Channels; ++c) {
            build_planes(c);
            select(ranks, medians, c);
        }
        prefetch_rows(true);
        return write_medians(row, columns, medians, present, empty);
    }

    // Writes each window's medians (or, for a window that holds only P, its widened window's);
    // returns the pixels rewritten.
    std::int64_t write_medians(const Run& row, const Run* columns, const Medians& found, const std::uint64_t (&present)[4],
                               const std::uint64_t (&empty)[4]) {
        alignas(64) std::uint8_t medians[4][Channels][kLanes];
        for (int w = 0; w < 4; ++w)
            for (int c = 0; c < Channels; ++c) _mm512_store_si512(medians[w][c], found[w][c]);
        std::int64_t rewritten = 0;
        for (int w = 0; w < 4; ++w) {
            const int y = row.first + w / 2;
            std::uint8_t* pixels = present[w] != 0 ? job_.target.row(y) : nullptr;
            for (std::uint64_t lanes = present[w] & ~empty[w]; lanes != 0; lanes &= lanes - 1) {
                const int l = __builtin_ctzll(lanes);
                std::uint8_t* out = pixels + static_cast<std::ptrdiff_t>(columns[l].first + w % 2) * Channels;
                for (int c = 0; c < Channels; ++c) out[c] = medians[w][c][l];
                ++rewritten;
            }
            for (std::uint64_t lanes = present[w] & empty[w]; lanes != 0; lanes &= lanes - 1) {
                const int l = __builtin_ctzll(lanes), x = columns[l].first + w % 2;
                const Window window = window_at(y, x, job_.half_x, job_.half_y, width_, height_);
                if (median_of_widened(job_.source, p_, *job_.widening, window, pixels + static_cast<std::ptrdiff_t>(x) * Channels))
                    ++rewritten;
            }
        }
        return rewritten;
    }

    // Each window's rank (its lower median's, 0-based) per lane, which lanes have the window, and
    // which windows hold only P (left to median_of_widened). A window's pixels outside P are
    // rows x (columns - columns of P) + (rows - rows of P) x columns of P: the column terms are
    // kept per batch of columns, so a row of blocks costs a few 16-bit vector operations.
    void rank_windows(const Run& row, const Run* columns, int n, Ranks& ranks, std::uint64_t (&present)[4],
                      std::uint64_t (&empty)[4]) {
        if (columns != ranked_columns_) measure_columns(columns, n);
        const __m512i one = _mm512_set1_epi16(1);
        for (int a = 0; a < row.size; ++a) {
            const Window window = window_at(row.first + a, 0, 0, job_.half_y, width_, height_);
            const int rows = window.y1 - window.y0 + 1, outside = rows - (p_rows_before_[window.y1 + 1] - p_rows_before_[window.y0]);
            const __m512i all_rows = _mm512_set1_epi16(static_cast<short>(rows)), outside_rows = _mm512_set1_epi16(static_cast<short>(outside));
            for (int b = 0; b < 2; ++b) {
                const int w = 2 * a + b;
                present[w] = column_lanes_[b];
                __mmask64 none = 0;
                for (int half = 0; half < 2; ++half) {
                    const __m512i in_p = column_counts_[b][1][half];
                    const __m512i pixels = _mm512_add_epi16(_mm512_mullo_epi16(all_rows, _mm512_sub_epi16(column_counts_[b][0][half], in_p)),
                                                            _mm512_mullo_epi16(outside_rows, in_p));
                    none |= static_cast<__mmask64>(_mm512_cmpeq_epi16_mask(pixels, _mm512_setzero_si512())) << (32 * half);
                    _mm512_store_si512(ranks.of[w] + 32 * half, _mm512_srli_epi16(_mm512_subs_epu16(pixels, one), 1));
                }
                empty[w] = none & present[w];
            }
        }
        ranks.prepare();
    }

    // Per lane, for a block's first (b = 0) and second column: its window's columns and columns of P.
    void measure_columns(const Run* columns, int n) {
        alignas(64) std::uint16_t counts[2][2][kLanes] = {};
        for (int b = 0; b < 2; ++b) {
            column_lanes_[b] = 0;
            for (int l = 0; l < n; ++l) {
                if (b >= columns[l].size) continue;
                const Window window = window_at(0, columns[l].first + b, job_.half_x, 0, width_, height_);
                counts[b][0][l] = static_cast<std::uint16_t>(window.x1 - window.x0 + 1);
                counts[b][1][l] = static_cast<std::uint16_t>(p_columns_before_[window.x1 + 1] - p_columns_before_[window.x0]);
                column_lanes_[b] |= std::uint64_t{1} << l;
            }
            for (int k = 0; k < 2; ++k)
                for (int half = 0; half < 2; ++half) column_counts_[b][k][half] = _mm512_load_si512(counts[b][k] + 32 * half);
        }
        ranked_columns_ = columns;
    }

    // Channel c's samples as bit planes: planes_[8 g + b], byte lane l, bit j = bit b of the union's
    // sample 8 g + j (row-major) for block l. Samples past the union's end read as 255 and belong to
    // no window.
    void build_planes(int c) {
        const __m512i none = _mm512_set1_epi8(static_cast<char>(0xFF));
        const __m512i* __restrict samples = samples_.data() + c;
        __m512i* __restrict planes = planes_.data();
        const int* __restrict sample_row = sample_row_.data();
        const int* __restrict sample_byte = sample_byte_.data();
        const std::size_t* __restrict row = row_.data();
        const std::size_t groups = static_cast<std::size_t>(groups_);
        for (std::size_t g = 0; g < groups; ++g) {
            __m512i x[8];
#pragma GCC unroll 8
            for (std::size_t j = 0; j < 8; ++j) {
                const std::size_t k = 8 * g + j;
                x[j] = sample_row[k] < 0 ? none : _mm512_load_si512(samples + row[sample_row[k]] + sample_byte[k]);
            }
            transpose_bits(x);
#pragma GCC unroll 8
            for (std::size_t b = 0; b < 8; ++b) _mm512_store_si512(planes + 8 * g + b, x[b]);
        }
    }

    // Each window's lower median of channel c in every lane, a bit at a time from the top (a radix
    // selection): a window's candidates are its samples whose higher bits equal the median's bits
    // found so far, one bit per sample in sets_[w * groups_ + g] (byte lane l, bit j: sample 8 g + j
    // of block l). Where at most `rank` candidates have bit b clear (the rank among them, from 0),
    // the median's bit b is set: the rank drops by that count and the candidates keep those with
    // the bit set; otherwise they keep those with it clear.
    // Samples not counted (outside the image, in P) read as 255, above every median that counts them.
    void select(const Ranks& ranks, Medians& medians, int c) {
        const bool in_bytes = count_groups_ >= groups_;
        __m512i rank_bytes[4], rank_low[4], rank_high[4], chosen[4];  // chosen: 0xFF where the last bit found is set
        for (int w = 0; w < 4; ++w) {
            rank_bytes[w] = ranks.bytes[w];
            rank_low[w] = ranks.low[w];
            rank_high[w] = ranks.high[w];
            chosen[w] = _mm512_setzero_si512();
            medians[w][c] = _mm512_setzero_si512();
        }
        for (int b = 7; b >= 0; --b) {
            prefetch_rows();
            prefetch_writes();
            __m512i zeros[4], low[4], high[4];  // candidates with bit b clear: bytes, 16-bit sums
            for (int w = 0; w < 4; ++w) low[w] = high[w] = _mm512_setzero_si512();
            for (int from = 0; from < groups_; from += count_groups_) {
                for (int w = 0; w < 4; ++w) zeros[w] = _mm512_setzero_si512();
                const int to = std::min(groups_, from + count_groups_);
                if (b == 7)
                    count_zeros<Candidates::Window, false>(from, to, b, chosen, zeros);
                else if (b == 6)
                    count_zeros<Candidates::WindowNarrowed, true>(from, to, b, chosen, zeros);
                else if (b > 0)
                    count_zeros<Candidates::Kept, true>(from, to, b, chosen, zeros);
                else
                    count_zeros<Candidates::Kept, false>(from, to, b, chosen, zeros);
                if (in_bytes) break;
                for (int w = 0; w < 4; ++w) {
                    low[w] = _mm512_add_epi16(low[w], _mm512_cvtepu8_epi16(_mm512_castsi512_si256(zeros[w])));
                    high[w] = _mm512_add_epi16(high[w], _mm512_cvtepu8_epi16(_mm512_extracti64x4_epi64(zeros[w], 1)));
                }
            }
            const __m512i bit = _mm512_set1_epi8(static_cast<char>(1u << b));
            for (int w = 0; w < 4; ++w) {
                __mmask64 set;
                if (in_bytes) {
                    set = _mm512_cmpge_epu8_mask(rank_bytes[w], zeros[w]);
                    rank_bytes[w] = _mm512_mask_sub_epi8(rank_bytes[w], set, rank_bytes[w], zeros[w]);
                } else {
                    const __mmask32 set_low = _mm512_cmpge_epu16_mask(rank_low[w], low[w]);
                    const __mmask32 set_high = _mm512_cmpge_epu16_mask(rank_high[w], high[w]);
                    rank_low[w] = _mm512_mask_sub_epi16(rank_low[w], set_low, rank_low[w], low[w]);
                    rank_high[w] = _mm512_mask_sub_epi16(rank_high[w], set_high, rank_high[w], high[w]);
                    set = static_cast<__mmask64>(set_low) | static_cast<__mmask64>(set_high) << 32;
                }
                chosen[w] = _mm512_movm_epi8(set);
                medians[w][c] = _mm512_ternarylogic_epi64(medians[w][c], chosen[w], bit, 0xF8);  // median | (chosen & bit)
            }
        }
    }

    // Where count_zeros() takes a step's candidates from: the window's samples (the first bit),
    // those narrowed by the first bit's choice (the second bit: nothing is stored at the first,
    // 0.85-0.87x the filter's time), or those the step before kept, narrowed by its choice.
    // Narrowing from the window's samples for more bits, to store less, was slower.
    enum class Candidates { Window, WindowNarrowed, Kept };

    // zeros[w] += per lane, window w's candidates among groups [from, to) whose bit b is clear;
    // the candidates are stored for the next bit when Keep (local pointers: the compiler would
    // otherwise reload every member after each store).
    template <Candidates From, bool Keep>
    SD_INLINE inline void count_zeros(int from, int to, int b, const __m512i (&chosen)[4], __m512i (&zeros)[4]) {
        const __m512i* __restrict planes = planes_.data();
        __m512i* __restrict sets = sets_.data();
        const std::uint8_t* __restrict membership = membership_.data();
        const std::size_t groups = static_cast<std::size_t>(groups_);
        for (std::size_t g = static_cast<std::size_t>(from); g < static_cast<std::size_t>(to); ++g) {
            const __m512i plane = _mm512_load_si512(planes + 8 * g + b);
            const __m512i previous = From == Candidates::Window ? plane : _mm512_load_si512(planes + 8 * g + b + 1);
#pragma GCC unroll 4
            for (std::size_t w = 0; w < 4; ++w) {
                __m512i set = From == Candidates::Kept ? _mm512_load_si512(sets + w * groups + g)
                                                       : _mm512_set1_epi8(static_cast<char>(membership[w * groups + g]));
                // Keep the candidates whose bit b + 1 is the one chosen: set & ~(previous ^ chosen).
                if constexpr (From != Candidates::Window) set = _mm512_ternarylogic_epi64(set, previous, chosen[w], 0x90);
                if constexpr (Keep) _mm512_store_si512(sets + w * groups + g, set);
                zeros[w] = _mm512_add_epi8(zeros[w], _mm512_popcnt_epi8(_mm512_andnot_si512(plane, set)));
            }
        }
    }

    // row_[r][j], lane l: byte j of the union's row r for block l (255 where the pixel is outside
    // the image, in P, or the lane holds no block). Image row y lives in samples_ at slot y mod
    // rows_ and is kept while the next row of blocks (same columns) still needs it; only the rows
    // new to this batch are read, with the lanes' offsets and masks worked out once per batch of
    // columns. Each row of 64 blocks is transposed (byte j of block l to byte l of vector j) in two
    // passes of 8 x 8 qword transpositions held in registers (loops fully unrolled: a loop over the
    // registers spills them), with an 8 x 8 byte shuffle between them.
    void load(const Run& row, const Run* columns, int n) {
        const int top = row.first - job_.half_y;
        if (columns != kept_columns_) lay_out_lanes(columns, n);
        if (columns != kept_columns_ || top < kept_top_ || top > kept_end_) kept_end_ = top;  // nothing to keep
        for (int y = kept_end_; y < top + rows_; ++y) load_row(y, samples_.data() + slot(y));
        kept_columns_ = columns;
        kept_top_ = top;
        kept_end_ = top + rows_;
        for (int r = 0; r < rows_; ++r) row_[r] = slot(top + r);
    }

    // Where image row y lives in samples_ (in vectors).
    std::size_t slot(int y) const { return static_cast<std::size_t>(((y % rows_) + rows_) % rows_) * bytes_; }

    // Per chunk of the union's rows and lane, what its loads need, the same for every row of a batch
    // of columns: the byte offset in the row, and the load masks for a row outside P and a row of P
    // (0 for a lane without a block, and for one whose union crosses the image's edge: those are
    // read byte by byte).
    void lay_out_lanes(const Run* columns, int n) {
        for (int chunk = 0; 64 * chunk < bytes_; ++chunk) {
            LaneLoads& loads = lane_loads_[chunk];
            const __mmask64 all = first_bytes(bytes_ - 64 * chunk);
            loads.clipped = 0;
            for (int l = 0; l < kLanes; ++l) {
                const int x0 = l < n ? columns[l].first - job_.half_x : 0;
                const bool inside = l < n && x0 >= 0 && x0 + columns_ <= width_;
                const std::size_t first = inside ? static_cast<std::size_t>(x0) * Channels + 64 * static_cast<std::size_t>(chunk) : 0;
                loads.first[l] = static_cast<std::ptrdiff_t>(first);
                loads.mask[0][l] = inside ? all : 0;
                loads.mask[1][l] = inside ? all & outside_.from(first) : 0;
                loads.x0[l] = x0;
                if (l < n && !inside) loads.clipped |= std::uint64_t{1} << l;
            }
        }
    }

    void load_row(int y, __m512i* out) {
        const __m512i none = _mm512_set1_epi8(static_cast<char>(0xFF));
        if (y < 0 || y >= height_) {
            for (int j = 0; j < bytes_; ++j) out[j] = none;
            return;
        }
        for (int chunk = 0; 64 * chunk < bytes_; ++chunk) load_chunk(y, chunk, out + 64 * chunk);
    }

    // Bytes [64 chunk, 64 chunk + 64) of the union's row at image row y, transposed.
    void load_chunk(int y, int chunk, __m512i* out) {
        static constexpr ByteIndex kEightByEight = eight_by_eight();
        const __m512i shuffle = _mm512_loadu_si512(kEightByEight.at);
        const __m512i none = _mm512_set1_epi8(static_cast<char>(0xFF));
        const int bytes = std::min(64, bytes_ - 64 * chunk), qwords = (bytes + 7) / 8;
        const std::uint8_t* pixels = job_.source.row(y);
        const bool row_in_p = p_.row_in_p[y] != 0;
        const LaneLoads& loads = lane_loads_[chunk];
        const std::uint64_t* masks = loads.mask[row_in_p ? 1 : 0];
        // Group g (blocks 8g..8g+7) -> middle_[8k + g]: qword i holds byte 8k + i of the group's blocks.
#pragma GCC unroll 8
        for (int g = 0; g < 8; ++g) {
            __m512i q[8];
#pragma GCC unroll 8
            for (int b = 0; b < 8; ++b) q[b] = _mm512_mask_loadu_epi8(none, masks[8 * g + b], pixels + loads.first[8 * g + b]);
            if (const unsigned clipped = static_cast<unsigned>(loads.clipped >> (8 * g)) & 0xFFu; clipped != 0)
                for (int b = 0; b < 8; ++b)
                    if (clipped >> b & 1) q[b] = clipped_chunk(pixels, row_in_p, loads.x0[8 * g + b], chunk);
            transpose_qwords(q);
            for (int k = 0; k < qwords; ++k) middle_[8 * k + g] = _mm512_permutexvar_epi8(shuffle, q[k]);
        }
        // Qwords k of the eight groups -> vectors 8k..8k+7.
        for (int k = 0; k < qwords; ++k) {
            __m512i q[8];
#pragma GCC unroll 8
            for (int g = 0; g < 8; ++g) q[g] = middle_[8 * k + g];
            transpose_qwords(q);
            for (int i = 0; i < 8 && 8 * k + i < bytes; ++i) out[8 * k + i] = q[i];
        }
    }

    // The rows that the next batch will read and this one does not, asked for a few at a time
    // during this batch's selection steps (prefetch_rows): asked for all at once before the batch, most
    // were still missing when it read them (its loads took 2.7 times as long at 2048 x 1536).
    struct PrefetchPlan {
        int next = 0, end = 0;                // image rows [next, end) still to ask for
        int per_step = 1;                     // rows per selection step, so that all are asked for by the batch's end
        std::ptrdiff_t first = 0, last = -1;  // their bytes
    };

    void plan_prefetch(const Run& row, const Run* columns, int n, const Run& this_row, const Run* this_columns) {
        const int top = row.first - job_.half_y, this_top = this_row.first - job_.half_y;
        const int from = columns == this_columns && top >= this_top && top <= this_top + rows_ ? this_top + rows_ : top;
        const std::ptrdiff_t row_bytes = static_cast<std::ptrdiff_t>(width_) * Channels;
        prefetch_.first = std::max<std::ptrdiff_t>(0, static_cast<std::ptrdiff_t>(columns[0].first - job_.half_x) * Channels);
        prefetch_.last = std::min<std::ptrdiff_t>(row_bytes - 1, static_cast<std::ptrdiff_t>(columns[n - 1].first + job_.half_x + 2) * Channels - 1);
        prefetch_.next = std::max(from, 0);
        prefetch_.end = std::min(top + rows_, height_);
        prefetch_.per_step = std::max(1, (prefetch_.end - prefetch_.next + kSteps - 1) / kSteps);
    }

    // Asks for the next planned rows (one step's share), or for all that are left.
    void prefetch_rows(bool all = false) {
        const int end = all ? prefetch_.end : std::min(prefetch_.end, prefetch_.next + prefetch_.per_step);
        for (; prefetch_.next < end; ++prefetch_.next) {
            const char* pixels = reinterpret_cast<const char*>(job_.source.row(prefetch_.next));
            for (std::ptrdiff_t at = prefetch_.first; at <= prefetch_.last; at += 64) _mm_prefetch(pixels + at, _MM_HINT_T1);
            _mm_prefetch(pixels + prefetch_.last, _MM_HINT_T1);
        }
    }

    // The target's lines that this batch writes, asked for with the intent to write a share per
    // selection step: out of place they are seldom cached, and the writes waited for them.
    struct WritePlan {
        std::uint8_t* rows[2] = {};
        int count = 0;                                      // rows
        std::ptrdiff_t first = 0, last = -1, next = 0;      // their bytes, the next one to ask for
        std::ptrdiff_t per_step = 64;                       // bytes of each row per step
    };

    void plan_writes(const Run& row, const Run* columns, int n) {
        writes_.count = row.size;
        for (int a = 0; a < row.size; ++a) writes_.rows[a] = job_.target.row(row.first + a);
        writes_.first = static_cast<std::ptrdiff_t>(columns[0].first) * Channels;
        writes_.last = static_cast<std::ptrdiff_t>(columns[n - 1].first + columns[n - 1].size) * Channels - 1;
        writes_.next = writes_.first;
        writes_.per_step = std::max<std::ptrdiff_t>(64, (writes_.last - writes_.first + kSteps) / kSteps);
    }

    void prefetch_writes() {
        if (writes_.next > writes_.last) return;
        const std::ptrdiff_t end = std::min(writes_.last + 1, writes_.next + writes_.per_step);
        for (; writes_.next < end; writes_.next += 64)
            for (int a = 0; a < writes_.count; ++a) __builtin_prefetch(writes_.rows[a] + writes_.next, 1, 3);
        if (writes_.next > writes_.last)  // the last line, when the span does not start on a line
            for (int a = 0; a < writes_.count; ++a) __builtin_prefetch(writes_.rows[a] + writes_.last, 1, 3);
    }

    // Bytes [64 chunk, 64 chunk + 64) of a union row that crosses the image's left or right edge,
    // byte by byte.
    __m512i clipped_chunk(const std::uint8_t* pixels, bool row_in_p, int x0, int chunk) const {
        alignas(64) std::uint8_t bytes[kLanes];
        std::memset(bytes, 0xFF, sizeof bytes);
        for (int j = 64 * chunk; j < std::min(bytes_, 64 * chunk + 64); ++j) {
            const int x = x0 + j / Channels;
            if (x < 0 || x >= width_ || (row_in_p && p_.column_in_p[x])) continue;
            bytes[j - 64 * chunk] = pixels[static_cast<std::ptrdiff_t>(x) * Channels + j % Channels];
        }
        return _mm512_load_si512(bytes);
    }

    // What lay_out_lanes() works out once per batch of columns, for one 64-byte chunk of the union's rows.
    struct LaneLoads {
        std::ptrdiff_t first[kLanes];   // the lane's byte offset in an image row
        std::uint64_t mask[2][kLanes];  // its load mask in a row outside P [0] and in a row of P [1]
        int x0[kLanes];                 // the union's first column (for the clipped lanes)
        std::uint64_t clipped;          // lanes whose union crosses the image's edge
    };

    const Job& job_;
    const ConsideredPixels& p_;
    const int width_, height_;
    const int rows_, columns_, bytes_;  // the union of a block's windows: rows, columns, bytes per row
    const int groups_;                  // groups of eight of the union's samples (one channel), bit planes for select()
    const OutsideColumnBits outside_;
    const Run* ranked_columns_ = nullptr;  // the batch columns measure_columns() describes:
    std::uint64_t column_lanes_[2] = {};   // lanes with a first / second column
    __m512i column_counts_[2][2][2];       // [b][window columns, of them in P][lanes 0-31, 32-63]
    int count_groups_ = 0;   // groups counted in bytes before they are summed in 16 bits
    std::vector<int> sample_row_, sample_byte_;  // per sample of the groups: union row (-1 past the end), byte in it
    std::vector<std::uint8_t> membership_;       // [w * groups_ + g]: the samples of group g in window w
    std::vector<int> p_columns_before_, p_rows_before_;  // prefix counts of P's columns and rows
    VectorBuffer samples_;                               // rows_ x bytes_ vectors of 64 blocks
    std::vector<std::size_t> row_;                       // the union's rows in samples_, top to bottom
    const Run* kept_columns_ = nullptr;                  // the batch columns whose rows samples_ holds:
    int kept_top_ = 0, kept_end_ = 0;                    // image rows [kept_top_, kept_end_)
    PrefetchPlan prefetch_;                              // the next batch's new rows
    WritePlan writes_;                                   // this batch's target lines
    std::vector<LaneLoads> lane_loads_;                  // per chunk of a union row, for kept_columns_
    VectorBuffer middle_;                                // a union row between its two transposition passes
    VectorBuffer planes_;                                // build_planes(): one channel's bit planes
    VectorBuffer sets_;                                  // select(): each window's candidates
};

}  // namespace

std::int64_t block_rows_avx512(const Job& job, std::size_t begin, std::size_t end) {
    switch (job.source.channels) {
        case 1: return BlockMedian<1>(job).run(begin, end);
        case 2: return BlockMedian<2>(job).run(begin, end);
        case 3: return BlockMedian<3>(job).run(begin, end);
        default: return BlockMedian<4>(job).run(begin, end);
    }
}

}  // namespace sd::median_detail

#if defined(__clang__)
#pragma clang attribute pop
#elif defined(__GNUC__)
#pragma GCC diagnostic pop
#pragma GCC pop_options
#endif

#endif  // SD_MEDIAN_HAS_AVX2
