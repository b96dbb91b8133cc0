// The selective median by blocks of P, 64 blocks side by side in the byte lanes of AVX-512
// registers (F, BW, VL and VBMI; chosen at run time by selective_median_filter.cpp).
//
// Two-tap scalers put P's rows and columns in adjacent pairs, so P is mostly 2 x 2 blocks whose
// four windows share all but one row and one column. Each block gets one byte lane: the union of
// its windows is read once, row by row (masked loads that never touch a pixel of P; 255 stands for
// what is not counted, above every probe asked) and transposed, so that vector j holds sample j of
// 64 blocks. A search step is then one compare per sample vector and one masked add per window
// that holds it, with no horizontal sums; the compares are what the time goes to, so every probe
// is counted in all the windows at once:
//  - the top-left window's lower median by an 8-step bisection on the value (the count of values
//    <= the probe against the window's rank), which brackets the other three as well;
//  - the other three by one probe per lane and round, that of the lane's widest open bracket: a
//    gallop away from the top-left median (steps of 1, 2, 4, ...), then a bisection of the last
//    bracket. Neighbouring windows' medians are usually equal or close, so one window's probes
//    settle the others' too; the few windows left open are finished one at a time. A lane that
//    starts far off only costs more steps, never a different byte (every lane keeps its answer
//    within [lo, hi] and stops at lo == hi).
// Serves the windows of blocks_fit (median_detail.hpp): byte counts up to 255 pixels, 16-bit sums
// of byte-counted row chunks beyond; union rows of up to four 64-byte chunks.
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
#pragma clang attribute push(__attribute__((target("avx2,popcnt,avx512f,avx512bw,avx512vl,avx512vbmi"))), apply_to = function)
#elif defined(__GNUC__)
#pragma GCC push_options
#pragma GCC target("avx2,popcnt,avx512f,avx512bw,avx512vl,avx512vbmi")
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

// The counting loops are lambdas within lambdas; their accumulators stay in registers only if
// every level is inlined.
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

// Bit i of of[phase][c] set: byte i of 64 that start at a byte of channel `phase` belongs to channel c.
struct ChannelLanes {
    std::uint64_t of[4][4] = {};
};

template <int Channels>
constexpr ChannelLanes channel_lanes() {
    ChannelLanes lanes{};
    for (int phase = 0; phase < Channels; ++phase)
        for (int i = 0; i < 64; ++i) lanes.of[phase][(phase + i) % Channels] |= std::uint64_t{1} << i;
    return lanes;
}

// Window w = 2a + b of a block: a = 1 for its second row of P, b = 1 for its second column.
constexpr unsigned kTopRow = 0b0011, kBottomRow = 0b1100, kLeftColumn = 0b0101, kRightColumn = 0b1010;

template <int Channels>
class BlockMedian {
public:
    explicit BlockMedian(const Job& job)
        : job_(job), p_(*job.p), width_(job.source.width), height_(job.source.height), rows_(2 * job.half_y + 2),
          columns_(2 * job.half_x + 2), bytes_(columns_ * Channels), outside_(p_, width_, Channels),
          samples_(static_cast<std::size_t>(rows_) * bytes_), row_(static_cast<std::size_t>(rows_)), middle_(kLanes),
          window_rows_(static_cast<std::size_t>(rows_) * ((bytes_ + 63) / 64)) {
        lane_loads_.resize(static_cast<std::size_t>((bytes_ + 63) / 64));
        // Byte counts hold a whole window's when it has at most 255 pixels, else as many rows as cannot overflow.
        const int window_width = 2 * job_.half_x + 1;
        chunk_rows_ = window_width * (2 * job_.half_y + 1) <= 255 ? rows_ : 255 / window_width;
        p_columns_before_.assign(static_cast<std::size_t>(width_) + 1, 0);
        for (int x = 0; x < width_; ++x) p_columns_before_[x + 1] = p_columns_before_[x] + p_.column_in_p[x];
        p_rows_before_.assign(static_cast<std::size_t>(height_) + 1, 0);
        for (int y = 0; y < height_; ++y) p_rows_before_[y + 1] = p_rows_before_[y] + p_.row_in_p[y];
        // A vector round compares every sample of the union once in all 64 lanes (a compare and a
        // masked add or two each); finish() about 3 steps of two operations per window row plus a
        // sum per channel.
        const int window_rows = 2 * job_.half_y + 1;
        straggler_limit_ = 2 * rows_ * bytes_ / (7 * window_rows + 18 * Channels);
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
    using Vectors = __m512i[4][Channels];      // per window and channel
    using Masks = __mmask64[4][Channels];      // per window and channel, a bit per lane

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
        // Lanes without a window (or whose window holds only P) stay settled at lo == hi == 0.
        Vectors lo, hi;
        __mmask64 live[4];
        for (int w = 0; w < 4; ++w) {
            live[w] = w == 0 ? ~__mmask64{0} : present[w] & ~empty[w];
            for (int c = 0; c < Channels; ++c) {
                lo[w][c] = _mm512_setzero_si512();
                hi[w][c] = _mm512_maskz_mov_epi8(live[w], _mm512_set1_epi8(static_cast<char>(0xFF)));
            }
        }
        bisect_top_left(ranks, live, lo, hi);
        const unsigned others = (present[1] ? 0b0010u : 0u) | (present[2] ? 0b0100u : 0u) | (present[3] ? 0b1000u : 0u);
        if (others == 0b0010)
            search<0b0010>(lo, hi, ranks);
        else if (others == 0b0100)
            search<0b0100>(lo, hi, ranks);
        else if (others != 0)
            search<0b1110>(lo, hi, ranks);
        prefetch_rows(true);
        return write_medians(row, columns, lo, hi, ranks, present, empty);
    }

    // Finishes the lanes the search left open, then writes each window's medians (or, for a window
    // that holds only P, its widened window's); returns the pixels rewritten.
    std::int64_t write_medians(const Run& row, const Run* columns, const Vectors& lo, const Vectors& hi, const Ranks& ranks,
                               const std::uint64_t (&present)[4], const std::uint64_t (&empty)[4]) {
        alignas(64) std::uint8_t medians[4][Channels][kLanes], upper[4][Channels][kLanes];
        for (int w = 0; w < 4; ++w)
            for (int c = 0; c < Channels; ++c) {
                _mm512_store_si512(medians[w][c], lo[w][c]);
                _mm512_store_si512(upper[w][c], hi[w][c]);
            }
        for (int w = 1; w < 4; ++w) {
            __mmask64 open = 0;
            for (int c = 0; c < Channels; ++c) open |= _mm512_cmpneq_epu8_mask(lo[w][c], hi[w][c]);
            for (; open != 0; open &= open - 1) {
                const int l = __builtin_ctzll(open);
                std::uint8_t low[Channels], high[Channels];
                for (int c = 0; c < Channels; ++c) low[c] = medians[w][c][l], high[c] = upper[w][c][l];
                finish(row.first + w / 2, columns[l].first + w % 2, ranks.of[w][l], low, high);
                for (int c = 0; c < Channels; ++c) medians[w][c][l] = low[c];
            }
        }
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

    // The top-left window's bisection over [0, 255], eight steps for every lane. Each step's probe
    // is counted in all four windows (`live` lanes), which narrows their brackets too: its last
    // probes lie within 1, 2, 4, ... of the top-left median, so a neighbouring median close to it
    // ends in a bracket that is tight on that side. Each step also asks for a share of the next
    // batch's rows.
    void bisect_top_left(const Ranks& ranks, const __mmask64 (&live)[4], Vectors& lo, Vectors& hi) {
        const __m512i one = _mm512_set1_epi8(1);
        __m512i probe[Channels];
        Masks above;
        for (int step = 0; step < 8; ++step) {
            prefetch_rows();
            for (int c = 0; c < Channels; ++c) probe[c] = _mm512_sub_epi8(_mm512_avg_epu8(lo[0][c], hi[0][c]), one);
            above_ranks_shared(probe, ranks, above);
            for (int w = 0; w < 4; ++w)
                for (int c = 0; c < Channels; ++c) {
                    const __mmask64 at_most = live[w] & above[w][c];  // the median is <= the probe
                    hi[w][c] = _mm512_mask_min_epu8(hi[w][c], at_most, hi[w][c], probe[c]);
                    lo[w][c] = _mm512_mask_max_epu8(lo[w][c], live[w] & ~at_most, lo[w][c], _mm512_add_epi8(probe[c], one));
                }
        }
    }

    // Windows `Others` (bits 1-3) on from their brackets [lo, hi] and the top-left medians m, with
    // one probe per lane and round counted in all of them (the samples they share compared once):
    // the probe is that of the lane's widest open bracket, and narrows every bracket it falls in.
    // The side of a bracket next to m is tight, so a window's probes gallop away from it (1, 2, 4,
    // ... beyond) until they pass its median, then bisect what is left. Neighbouring windows'
    // medians lie close together, so one window's probes often settle another's too. Once so few
    // windows are open that finishing them one by one costs less than a round (straggler_limit_),
    // they are left to finish().
    template <unsigned Others>
    void search(Vectors& lo, Vectors& hi, const Ranks& ranks) {
        const __m512i one = _mm512_set1_epi8(1), longest = _mm512_set1_epi8(static_cast<char>(0x80));
        Vectors step;
        Masks up, down, counted;
        __m512i probe[Channels];
        for (int w = 1; w < 4; ++w)
            for (int c = 0; c < Channels; ++c) {
                const __mmask64 open = _mm512_cmpneq_epu8_mask(lo[w][c], hi[w][c]);
                down[w][c] = open & _mm512_cmple_epu8_mask(hi[w][c], lo[0][c]);  // median below m: gallop down from hi
                up[w][c] = open & ~down[w][c];                                    // above m: gallop up from lo
                step[w][c] = one;
            }
        for (int round = 0; round < 48; ++round) {  // each round narrows the widest bracket of every open lane
            int open_windows = 0;
            for (int w = 1; w < 4; ++w) {
                __mmask64 open = 0;
                for (int c = 0; c < Channels; ++c) open |= _mm512_cmpneq_epu8_mask(lo[w][c], hi[w][c]);
                open_windows += __builtin_popcountll(open);
            }
            if (open_windows <= straggler_limit_) break;
            __mmask64 chosen[4][Channels];
            for (int c = 0; c < Channels; ++c) {
                // Per lane, the window with the widest bracket (0 for a settled one) chooses the probe.
                __m512i widest = _mm512_setzero_si512();
                probe[c] = _mm512_setzero_si512();
                for (int w = 1; w < 4; ++w) {
                    chosen[w][c] = 0;
                    if (!(Others >> w & 1)) continue;
                    const __m512i width = _mm512_sub_epi8(hi[w][c], lo[w][c]);
                    const __mmask64 wider = _mm512_cmpgt_epu8_mask(width, widest);
                    widest = _mm512_max_epu8(widest, width);
                    for (int v = 1; v < w; ++v) chosen[v][c] &= ~wider;
                    chosen[w][c] = wider;
                    // Down: hi - step (not below lo); up: lo + step - 1 (not above hi - 1); else the middle.
                    const __m512i below = _mm512_max_epu8(_mm512_subs_epu8(hi[w][c], step[w][c]), lo[w][c]);
                    const __m512i beyond = _mm512_min_epu8(_mm512_subs_epu8(_mm512_adds_epu8(lo[w][c], step[w][c]), one),
                                                           _mm512_subs_epu8(hi[w][c], one));
                    const __m512i middle = _mm512_subs_epu8(_mm512_avg_epu8(lo[w][c], hi[w][c]), one);
                    const __m512i own = _mm512_mask_mov_epi8(_mm512_mask_mov_epi8(middle, up[w][c], beyond), down[w][c], below);
                    probe[c] = _mm512_mask_mov_epi8(probe[c], wider, own);
                }
            }
            above_ranks_shared<Others>(probe, ranks, counted);
            for (int w = 1; w < 4; ++w) {
                if (!(Others >> w & 1)) continue;
                for (int c = 0; c < Channels; ++c) {
                    // The probe narrows the brackets it falls in: lo <= probe < hi.
                    const __mmask64 inside = _mm512_cmple_epu8_mask(lo[w][c], probe[c]) & _mm512_cmplt_epu8_mask(probe[c], hi[w][c]);
                    const __mmask64 above = inside & counted[w][c];
                    const __mmask64 not_above = inside & ~above;
                    hi[w][c] = _mm512_mask_mov_epi8(hi[w][c], above, probe[c]);
                    lo[w][c] = _mm512_mask_add_epi8(lo[w][c], not_above, probe[c], one);
                    // A gallop down ends at a count not above the rank, a gallop up at one above it.
                    down[w][c] &= ~not_above;
                    up[w][c] &= ~above;
                    step[w][c] = _mm512_mask_min_epu8(step[w][c], chosen[w][c], _mm512_add_epi8(step[w][c], step[w][c]), longest);
                }
            }
        }
    }

    // The lower medians of window (y, x) for the channels whose brackets [low, high] are still open,
    // by bisection over the window's own pixels: one masked load per row (all channels in one
    // vector, P's pixels never read and standing as 255), then per step a compare and a masked add
    // per row and one sum per open channel. On return low[c] == high[c] for every channel.
    void finish(int y, int x, int rank, std::uint8_t (&low)[Channels], std::uint8_t (&high)[Channels]) {
        static constexpr ChannelLanes kChannel = channel_lanes<Channels>();
        const Window w = window_at(y, x, job_.half_x, job_.half_y, width_, height_);
        const int bytes = (w.x1 - w.x0 + 1) * Channels, chunks = (bytes + 63) / 64, rows = w.y1 - w.y0 + 1;
        const std::size_t first = static_cast<std::size_t>(w.x0) * Channels;
        const __m512i none = _mm512_set1_epi8(static_cast<char>(0xFF)), one = _mm512_set1_epi8(1);
        __m512i* pixels = window_rows_.data();  // row r, chunk k at r * chunks + k
        for (int r = 0; r < rows; ++r) {
            const std::uint8_t* row = job_.source.row(w.y0 + r) + first;
            const bool row_in_p = p_.row_in_p[w.y0 + r] != 0;
            for (int k = 0; k < chunks; ++k) {
                const __mmask64 all = first_bytes(bytes - 64 * k);
                pixels[r * chunks + k] = _mm512_mask_loadu_epi8(none, row_in_p ? all & outside_.from(first + 64 * k) : all, row + 64 * k);
            }
        }
        // Each step halves every open bracket: eight steps settle any (the bound only guards the loop).
        for (int step = 0; step < 9; ++step) {
            bool open = false;
            std::uint8_t probe[Channels];
            for (int c = 0; c < Channels; ++c) {
                probe[c] = static_cast<std::uint8_t>((low[c] + high[c]) / 2);
                open |= low[c] < high[c];
            }
            if (!open) return;
            __m512i sums[Channels];
            for (int c = 0; c < Channels; ++c) sums[c] = _mm512_setzero_si512();
            for (int k = 0; k < chunks; ++k) {
                const int phase = 64 * k % Channels;  // the channel of the chunk's first byte
                __m512i bound = none;
                for (int c = 0; c < Channels; ++c)
                    bound = _mm512_mask_mov_epi8(bound, kChannel.of[phase][c], _mm512_set1_epi8(static_cast<char>(probe[c])));
                __m512i even = _mm512_setzero_si512(), odd = _mm512_setzero_si512();  // per lane at most one per row
                int r = 0;
                for (; r + 1 < rows; r += 2) {
                    even = _mm512_mask_add_epi8(even, _mm512_cmple_epu8_mask(pixels[r * chunks + k], bound), even, one);
                    odd = _mm512_mask_add_epi8(odd, _mm512_cmple_epu8_mask(pixels[(r + 1) * chunks + k], bound), odd, one);
                }
                if (r < rows) even = _mm512_mask_add_epi8(even, _mm512_cmple_epu8_mask(pixels[r * chunks + k], bound), even, one);
                const __m512i zero = _mm512_setzero_si512();
                for (int c = 0; c < Channels; ++c) {
                    sums[c] = _mm512_add_epi64(sums[c], _mm512_sad_epu8(_mm512_maskz_mov_epi8(kChannel.of[phase][c], even), zero));
                    sums[c] = _mm512_add_epi64(sums[c], _mm512_sad_epu8(_mm512_maskz_mov_epi8(kChannel.of[phase][c], odd), zero));
                }
            }
            for (int c = 0; c < Channels; ++c) {
                if (low[c] >= high[c]) continue;
                if (_mm512_reduce_add_epi64(sums[c]) > rank)
                    high[c] = probe[c];
                else
                    low[c] = static_cast<std::uint8_t>(probe[c] + 1);
            }
        }
    }

    // above[w][c], per lane, for the windows of Windows: more of window w's samples of channel c are
    // <= probe[c] than its rank (one probe for all of them): the samples they all share are compared
    // and summed once.
    template <unsigned Windows = 0b1111>
    void above_ranks_shared(const __m512i (&probe)[Channels], const Ranks& ranks, Masks& above) const {
        const __m512i one = _mm512_set1_epi8(1);
        counted_above<Windows>(ranks, above, [&](int from, int to, Vectors& counts) SD_INLINE {
            __m512i core[Channels];
            for (int c = 0; c < Channels; ++c) core[c] = _mm512_setzero_si512();
            for_each_region<Windows>(from, to, [&](auto windows, int r0, int r1, int u0, int u1) SD_INLINE {
                constexpr unsigned In = decltype(windows)::value;
                if constexpr (In != 0)
                    for_each_sample(r0, r1, u0, u1, [&](int c, __m512i v) SD_INLINE {
                        const __mmask64 le = _mm512_cmple_epu8_mask(v, probe[c]);
                        if constexpr (In == Windows) {
                            core[c] = _mm512_mask_add_epi8(core[c], le, core[c], one);
                        } else {
#pragma GCC unroll 4
                            for (int w = 0; w < 4; ++w)
                                if (In >> w & 1) counts[w][c] = _mm512_mask_add_epi8(counts[w][c], le, counts[w][c], one);
                        }
                    });
            });
            for (int w = 0; w < 4; ++w)
                if (Windows >> w & 1)
                    for (int c = 0; c < Channels; ++c) counts[w][c] = _mm512_add_epi8(counts[w][c], core[c]);
        });
    }

    // Runs count(from, to, counts) over the union's rows in chunks whose byte counts cannot
    // overflow (all rows at once for windows of at most 255 pixels), sums the chunks in 16 bits
    // when there are several, and compares each window's counts with its rank.
    template <unsigned Windows, class Count>
    SD_INLINE inline void counted_above(const Ranks& ranks, Masks& above, Count&& count) const {
        Vectors counts;
        auto clear = [&] {
            for (int w = 0; w < 4; ++w)
                for (int c = 0; c < Channels; ++c) counts[w][c] = _mm512_setzero_si512();
        };
        clear();
        if (chunk_rows_ >= rows_) {
            count(0, rows_ - 1, counts);
            for (int w = 0; w < 4; ++w)
                for (int c = 0; c < Channels; ++c)
                    if (Windows >> w & 1) above[w][c] = _mm512_cmpgt_epu8_mask(counts[w][c], ranks.bytes[w]);
            return;
        }
        Vectors low, high;  // 16-bit sums of lanes 0-31 and 32-63
        for (int w = 0; w < 4; ++w)
            for (int c = 0; c < Channels; ++c) low[w][c] = high[w][c] = _mm512_setzero_si512();
        for (int from = 0; from < rows_; from += chunk_rows_) {
            if (from > 0) clear();
            count(from, std::min(rows_, from + chunk_rows_) - 1, counts);
            for (int w = 0; w < 4; ++w)
                for (int c = 0; c < Channels; ++c)
                    if (Windows >> w & 1) {
                        low[w][c] = _mm512_add_epi16(low[w][c], _mm512_cvtepu8_epi16(_mm512_castsi512_si256(counts[w][c])));
                        high[w][c] = _mm512_add_epi16(high[w][c], _mm512_cvtepu8_epi16(_mm512_extracti64x4_epi64(counts[w][c], 1)));
                    }
        }
        for (int w = 0; w < 4; ++w)
            for (int c = 0; c < Channels; ++c)
                if (Windows >> w & 1)
                    above[w][c] = static_cast<__mmask64>(_mm512_cmpgt_epu16_mask(low[w][c], ranks.low[w])) |
                                  static_cast<__mmask64>(_mm512_cmpgt_epu16_mask(high[w][c], ranks.high[w])) << 32;
    }

    // visit(windows, r0, r1, u0, u1) for the nine regions of the union, within its rows [from, to],
    // `windows` (an integral_constant) being those of Windows that hold the region: the union's
    // first row lies only in the top windows, its last only in the bottom ones, and likewise its
    // first and last columns.
    template <unsigned Windows, class Visit>
    SD_INLINE inline void for_each_region(int from, int to, Visit&& visit) const {
        using std::integral_constant;
        const int last_row = rows_ - 1, last_column = columns_ - 1;
        if (from == 0) {
            visit(integral_constant<unsigned, Windows & kTopRow & kLeftColumn>{}, 0, 0, 0, 0);
            visit(integral_constant<unsigned, Windows & kTopRow>{}, 0, 0, 1, last_column - 1);
            visit(integral_constant<unsigned, Windows & kTopRow & kRightColumn>{}, 0, 0, last_column, last_column);
        }
        const int first_middle = std::max(from, 1), last_middle = std::min(to, last_row - 1);
        if (first_middle <= last_middle) {
            visit(integral_constant<unsigned, Windows & kLeftColumn>{}, first_middle, last_middle, 0, 0);
            visit(integral_constant<unsigned, Windows>{}, first_middle, last_middle, 1, last_column - 1);
            visit(integral_constant<unsigned, Windows & kRightColumn>{}, first_middle, last_middle, last_column, last_column);
        }
        if (to == last_row) {
            visit(integral_constant<unsigned, Windows & kBottomRow & kLeftColumn>{}, last_row, last_row, 0, 0);
            visit(integral_constant<unsigned, Windows & kBottomRow>{}, last_row, last_row, 1, last_column - 1);
            visit(integral_constant<unsigned, Windows & kBottomRow & kRightColumn>{}, last_row, last_row, last_column, last_column);
        }
    }

    // f(c, sample vector) for the union's rows [r0, r1] and columns [u0, u1], every channel c.
    template <class F>
    SD_INLINE inline void for_each_sample(int r0, int r1, int u0, int u1, F&& f) const {
        for (int r = r0; r <= r1; ++r) {
            const __m512i* sample = samples_.data() + row_[r] + static_cast<std::size_t>(u0) * Channels;
            for (int u = u0; u <= u1; ++u, sample += Channels)
#pragma GCC unroll 4
                for (int c = 0; c < Channels; ++c) f(c, _mm512_load_si512(sample + c));
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
    // during this batch's bisection (prefetch_rows): asked for all at once before the batch, most
    // were still missing when it read them (its loads took 2.7 times as long at 2048 x 1536).
    struct PrefetchPlan {
        int next = 0, end = 0;                // image rows [next, end) still to ask for
        int per_step = 1;                     // rows per bisection step, so that all are asked for by its end
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
        prefetch_.per_step = std::max(1, (prefetch_.end - prefetch_.next + 7) / 8);
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
    const OutsideColumnBits outside_;
    const Run* ranked_columns_ = nullptr;  // the batch columns measure_columns() describes:
    std::uint64_t column_lanes_[2] = {};   // lanes with a first / second column
    __m512i column_counts_[2][2][2];       // [b][window columns, of them in P][lanes 0-31, 32-63]
    int straggler_limit_ = 0;  // open windows of a batch that finish() takes instead of another vector round
    int chunk_rows_ = 0;       // union rows counted in bytes before they are summed in 16 bits
    std::vector<int> p_columns_before_, p_rows_before_;  // prefix counts of P's columns and rows
    VectorBuffer samples_;                               // rows_ x bytes_ vectors of 64 blocks
    std::vector<std::size_t> row_;                       // the union's rows in samples_, top to bottom
    const Run* kept_columns_ = nullptr;                  // the batch columns whose rows samples_ holds:
    int kept_top_ = 0, kept_end_ = 0;                    // image rows [kept_top_, kept_end_)
    PrefetchPlan prefetch_;                              // the next batch's new rows
    std::vector<LaneLoads> lane_loads_;                  // per chunk of a union row, for kept_columns_
    VectorBuffer middle_;                                // a union row between its two transposition passes
    VectorBuffer window_rows_;                           // finish(): one window's rows
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
