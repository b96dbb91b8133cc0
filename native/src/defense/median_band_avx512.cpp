// The band kernel with AVX-512 (F, BW, VL): column histograms keep the coarse level only, as 8-bit
// counts updated 4 columns x channels per vector (a row leaving and a row entering in one pass),
// and each median's fine value is found by a 4-step bisection within its coarse bin over the
// window's own rows: one masked 64-byte load per row (all channels at once), then per step one
// compare and one masked add per row and a sum per channel. The per-sample cost drops to the
// coarse counts (the fine read-modify-writes were most of the update time); the scan costs a few
// operations per window row, as much per image pixel whatever the window (P's density falls as the
// window grows). Compiled for AVX-512 here only; selective_median_filter.cpp calls it after
// checking the CPU.
#include "defense/median_detail.hpp"

#ifdef SD_MEDIAN_HAS_AVX2

// Standard headers first, so that only what follows is compiled for AVX-512.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <utility>
#include <vector>

#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx2,popcnt,avx512f,avx512bw,avx512vl"))), apply_to = function)
#elif defined(__GNUC__)
#pragma GCC push_options
#pragma GCC target("avx2,popcnt,avx512f,avx512bw,avx512vl")
// GCC 12's AVX-512 headers pass _mm512_undefined_* values through the intrinsics used here
// (shifts, broadcasts, reductions) and then warn that they may be used uninitialized.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif

#include <immintrin.h>

#include "defense/median_band.hpp"
#include "defense/median_bins_avx2.hpp"
#include "defense/outside_columns.hpp"

namespace sd::median_detail {
namespace {

// Bit i set: byte i of a row (pixel i / channels, channel i % channels) belongs to channel c when
// the run of 64 bytes starts at a byte of channel `phase`.
struct ChannelLanes {
    std::uint64_t of[4][4] = {};  // [phase][channel]
};

template <int Channels>
constexpr ChannelLanes channel_lanes() {
    ChannelLanes lanes{};
    for (int phase = 0; phase < Channels; ++phase)
        for (int i = 0; i < 64; ++i) lanes.of[phase][(phase + i) % Channels] |= std::uint64_t{1} << i;
    return lanes;
}

// Bit 16k..16k+15 set for each bit k of `four`: the 16 bins of sample k.
struct SampleLanes {
    std::uint64_t of[16] = {};
};

constexpr SampleLanes sample_lanes() {
    SampleLanes lanes{};
    for (int four = 0; four < 16; ++four)
        for (int k = 0; k < 4; ++k)
            if (four >> k & 1) lanes.of[four] |= std::uint64_t{0xFFFF} << (16 * k);
    return lanes;
}

inline __mmask64 first_bytes(std::size_t n) { return n >= 64 ? ~__mmask64{0} : (__mmask64{1} << n) - 1; }

struct Avx512Bins : Avx2Bins {
    static constexpr bool kScansWindow = true;

    using Avx2Bins::add;
    using Avx2Bins::sub;
    // The window's 16-bit coarse sums from a column's 8-bit counts.
    static __m256i widen(const std::uint8_t* s) { return _mm256_cvtepu8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s))); }
    static void add(std::uint16_t* d, const std::uint8_t* s) { store(d, _mm256_add_epi16(load(d), widen(s))); }
    static void sub(std::uint16_t* d, const std::uint8_t* s) { store(d, _mm256_sub_epi16(load(d), widen(s))); }

    struct Scratch {
        OutsideColumnBits outside;           // bit x * channels + c: column x is outside P
        std::vector<std::uint8_t> values;    // the window's rows, 64-byte chunks: low nibbles of the bin, else 255

        __m512i* rows() {
            const auto at = reinterpret_cast<std::uintptr_t>(values.data());
            return reinterpret_cast<__m512i*>(at + (64 - at % 64) % 64);
        }

        void prepare(const Job& job, int channels) {
            outside = OutsideColumnBits(*job.p, job.source.width, channels);
            // One 64-byte vector per chunk of each window row, aligned.
            const std::size_t chunks = (static_cast<std::size_t>(2 * job.half_x + 1) * channels + 63) / 64;
            values.assign((chunks * (2 * job.half_y + 1) + 1) * 64, 0);
        }

        __mmask64 outside_from(std::size_t bit) const { return outside.from(bit); }
    };

    // One row of samples to count in or out: the samples at the strip's first column, and whether
    // the row is in P (then only its samples outside P count, and only those are read).
    struct SampleRow {
        const std::uint8_t* samples;
        bool in_p;
    };

    // Uncounts `out` (when Remove) and counts `in` (when Add): n samples each, sample i in the 16
    // coarse bins at counts + 16 i. 16 samples per load, then four at a time, each byte spread
    // over its 16 lanes and compared with the bins' high nibbles; a row leaving and a row entering
    // share the load and store of the counts.
    template <bool Remove, bool Add>
    static void count_rows(SampleRow out, SampleRow in, std::uint8_t* counts, std::size_t n, const Scratch& scratch,
                           std::size_t first_bit) {
        static constexpr SampleLanes kSample = sample_lanes();
        const __m512i bins = _mm512_broadcast_i32x4(_mm_setr_epi8(0x00, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, char(0x80),
                                                                   char(0x90), char(0xA0), char(0xB0), char(0xC0), char(0xD0),
                                                                   char(0xE0), char(0xF0)));
        const __m128i high = _mm_set1_epi8(static_cast<char>(0xF0));
        const __m512i one = _mm512_set1_epi8(1);
        const __m512i spread = _mm512_set_epi64(0x0303030303030303, 0x0303030303030303, 0x0202020202020202, 0x0202020202020202,
                                                0x0101010101010101, 0x0101010101010101, 0, 0);
        const __m512i four = _mm512_set1_epi8(4);
        std::uint64_t outside = ~std::uint64_t{0};
        auto block_of = [&](const SampleRow& row, std::size_t i, unsigned present, unsigned& take) {
            take = row.in_p ? present & static_cast<unsigned>(outside >> (i % 64)) : present;
            return _mm512_broadcast_i32x4(_mm_and_si128(_mm_maskz_loadu_epi8(static_cast<__mmask16>(take), row.samples + i), high));
        };
        for (std::size_t i = 0; i < n; i += 16) {
            if (i % 64 == 0 && ((Remove && out.in_p) || (Add && in.in_p))) outside = scratch.outside_from(first_bit + i);
            const unsigned present = n - i >= 16 ? 0xFFFFu : (1u << (n - i)) - 1;
            unsigned take_out = 0, take_in = 0;
            __m512i block_out = _mm512_setzero_si512(), block_in = _mm512_setzero_si512();
            if (Remove) block_out = block_of(out, i, present, take_out);
            if (Add) block_in = block_of(in, i, present, take_in);
            __m512i pick = spread;
#pragma GCC unroll 4
            for (unsigned k = 0; k < 4; ++k, pick = _mm512_add_epi8(pick, four)) {
                const unsigned here = present >> (4 * k) & 0xF;
                if (here == 0) break;
                std::uint8_t* at = counts + 16 * (i + 4 * k);
                const __mmask64 valid = kSample.of[here];
                __m512i c = here == 0xF ? _mm512_loadu_si512(at) : _mm512_maskz_loadu_epi8(valid, at);
                if (Remove) {
                    const __mmask64 match = _mm512_mask_cmpeq_epi8_mask(kSample.of[take_out >> (4 * k) & 0xF], _mm512_shuffle_epi8(block_out, pick), bins);
                    c = _mm512_mask_sub_epi8(c, match, c, one);
                }
                if (Add) {
                    const __mmask64 match = _mm512_mask_cmpeq_epi8_mask(kSample.of[take_in >> (4 * k) & 0xF], _mm512_shuffle_epi8(block_in, pick), bins);
                    c = _mm512_mask_add_epi8(c, match, c, one);
                }
                if (here == 0xF)  // plain store: lanes that do not match keep their counts
                    _mm512_storeu_si512(at, c);
                else  // the last samples: nothing beyond them is touched
                    _mm512_mask_storeu_epi8(at, valid, c);
            }
        }
    }

    // fine_by_scan for windows of one 64-byte chunk per row and at most Rows rows: the rows stay in
    // registers between the bisection steps (a store and reload of each would stall on forwarding).
    // The rows are kept whole (lanes not read hold 255, above every bound asked, <= 254), and
    // each bound's count over the whole window is compared with the window's rank: the values
    // below the coarse bin count on both sides, so no per-row bin filter is needed.
    template <int Channels, int Rows>
    static void scan_in_registers(const Job& job, const Scratch& scratch, int y0, int y1, std::size_t bytes,
                                  std::size_t first_bit, const unsigned* bins, std::uint32_t rank, std::uint8_t* out) {
        static constexpr ChannelLanes kLanes = channel_lanes<Channels>();
        const __m512i none = _mm512_set1_epi8(static_cast<char>(0xFF));
        const __mmask64 all = first_bytes(bytes);
        const __mmask64 outside = all & scratch.outside_from(first_bit);  // lanes read in rows of P
        const int rows = y1 - y0 + 1;
        __m512i low[Rows];
#pragma GCC unroll 16
        for (int i = 0; i < Rows; ++i) {
            low[i] = none;
            if (i < rows) {
                const int r = y0 + i;
                const __mmask64 lanes = job.p->row_in_p[r] ? outside : all;
                low[i] = _mm512_mask_loadu_epi8(none, lanes, job.source.row(r) + first_bit);
            }
        }
        unsigned t[Channels] = {};
        const __m512i one = _mm512_set1_epi8(1);
        for (unsigned step = 8; step > 0; step /= 2) {
            __m512i bound = _mm512_setzero_si512();
            for (int c = 0; c < Channels; ++c)
                bound = _mm512_mask_mov_epi8(bound, kLanes.of[0][c], _mm512_set1_epi8(static_cast<char>((bins[c] << 4) + t[c] + step - 1)));
            __m512i even = _mm512_setzero_si512(), odd = _mm512_setzero_si512();
#pragma GCC unroll 16
            for (int i = 0; i < Rows; i += 2) {
                even = _mm512_mask_add_epi8(even, _mm512_cmple_epu8_mask(low[i], bound), even, one);
                odd = _mm512_mask_add_epi8(odd, _mm512_cmple_epu8_mask(low[i + 1], bound), odd, one);
            }
            const __m512i count = _mm512_add_epi8(even, odd);
            __m512i sums = _mm512_setzero_si512();
            for (int c = 0; c < Channels; ++c)
                sums = _mm512_add_epi64(sums, _mm512_slli_epi64(_mm512_sad_epu8(_mm512_maskz_mov_epi8(kLanes.of[0][c], count), _mm512_setzero_si512()), 16 * c));
            const auto fields = static_cast<std::uint64_t>(_mm512_reduce_add_epi64(sums));
            for (int c = 0; c < Channels; ++c)
                t[c] += static_cast<std::uint32_t>((fields >> (16 * c)) & 0xFFFF) <= rank ? step : 0;
        }
        for (int c = 0; c < Channels; ++c) out[c] = static_cast<std::uint8_t>((bins[c] << 4) + t[c]);
    }

    // out[c] = the rank-th smallest (0-based) of the window's pixels outside P in channel c, whose
    // high nibble is known to be bins[c]: a bisection on the low nibble, counting each bound's
    // values over the whole window (those below the bin count too, so the rank is the window's). Rows of P contribute only their columns outside P: their pixels of P are
    // never read (masked loads), as they may already hold medians in place.
    template <int Channels>
    static void fine_by_scan(const Job& job, Scratch& scratch, int y0, int y1, int x0, int x1, const unsigned* bins,
                             std::uint32_t rank, std::uint8_t* out) {
        static constexpr ChannelLanes kLanes = channel_lanes<Channels>();
        const std::size_t bytes = static_cast<std::size_t>(x1 - x0 + 1) * Channels;
        const std::size_t first_bit = static_cast<std::size_t>(x0) * Channels;
        const std::size_t chunks = (bytes + 63) / 64;
        if (chunks == 1 && y1 - y0 < 8) {
            scan_in_registers<Channels, 8>(job, scratch, y0, y1, bytes, first_bit, bins, rank, out);
            return;
        }
        if (chunks == 1 && y1 - y0 < 16) {
            scan_in_registers<Channels, 16>(job, scratch, y0, y1, bytes, first_bit, bins, rank, out);
            return;
        }
        // As scan_in_registers, the rows' chunks through memory.
        const __m512i none = _mm512_set1_epi8(static_cast<char>(0xFF));
        __m512i* low = scratch.rows();
        std::size_t n = 0;
        for (int r = y0; r <= y1; ++r) {
            const std::uint8_t* row = job.source.row(r) + first_bit;
            const bool row_in_p = job.p->row_in_p[r] != 0;
            for (std::size_t at = 0; at < bytes; at += 64) {
                __mmask64 lanes = first_bytes(bytes - at);
                if (row_in_p) lanes &= scratch.outside_from(first_bit + at);
                _mm512_store_si512(low + n++, _mm512_mask_loadu_epi8(none, lanes, row + at));
            }
        }
        // All channels at once: each lane counts its values <= the bound of its channel (bytes:
        // at most one per row), then each channel's lanes are summed.
        unsigned t[Channels] = {};
        const __m512i one = _mm512_set1_epi8(1);
        for (unsigned step = 8; step > 0; step /= 2) {
            __m512i bound[4];
            for (int phase = 0; phase < (chunks > 1 ? Channels : 1); ++phase) {
                bound[phase] = _mm512_setzero_si512();
                for (int c = 0; c < Channels; ++c)
                    bound[phase] = _mm512_mask_mov_epi8(bound[phase], kLanes.of[phase][c], _mm512_set1_epi8(static_cast<char>((bins[c] << 4) + t[c] + step - 1)));
            }
            // Each channel's lane counts summed into its own 16-bit field of 8 qwords (a field never
            // exceeds the window's pixels, <= 65535), then one horizontal sum for all channels.
            __m512i sums = _mm512_setzero_si512();
            for (std::size_t chunk = 0; chunk < chunks; ++chunk) {
                const int phase = static_cast<int>(chunk * 64 % Channels);
                for (std::size_t first = chunk; first < n; first += 255 * chunks) {  // byte counts: 255 rows at most
                    const std::size_t last = first + 255 * chunks < n ? first + 255 * chunks : n;
                    __m512i even = _mm512_setzero_si512(), odd = _mm512_setzero_si512();
                    std::size_t i = first;
                    for (; i + chunks < last; i += 2 * chunks) {
                        even = _mm512_mask_add_epi8(even, _mm512_cmple_epu8_mask(_mm512_load_si512(low + i), bound[phase]), even, one);
                        odd = _mm512_mask_add_epi8(odd, _mm512_cmple_epu8_mask(_mm512_load_si512(low + i + chunks), bound[phase]), odd, one);
                    }
                    if (i < last)
                        even = _mm512_mask_add_epi8(even, _mm512_cmple_epu8_mask(_mm512_load_si512(low + i), bound[phase]), even, one);
                    const __m512i count = _mm512_add_epi8(even, odd);
                    for (int c = 0; c < Channels; ++c)
                        sums = _mm512_add_epi64(sums, _mm512_slli_epi64(_mm512_sad_epu8(_mm512_maskz_mov_epi8(kLanes.of[phase][c], count), _mm512_setzero_si512()), 16 * c));
                }
            }
            const auto fields = static_cast<std::uint64_t>(_mm512_reduce_add_epi64(sums));
            for (int c = 0; c < Channels; ++c)
                t[c] += static_cast<std::uint32_t>((fields >> (16 * c)) & 0xFFFF) <= rank ? step : 0;
        }
        for (int c = 0; c < Channels; ++c) out[c] = static_cast<std::uint8_t>((bins[c] << 4) + t[c]);
    }
};

}  // namespace

std::int64_t histogram_rows_avx512(const Job& job, std::size_t begin, std::size_t end) {
    if (2 * job.half_y + 1 > 255) return histogram_rows_avx2(job, begin, end);  // beyond 8-bit column counts
    return band_median<Avx512Bins>(job, begin, end);
}

}  // namespace sd::median_detail

#if defined(__clang__)
#pragma clang attribute pop
#elif defined(__GNUC__)
#pragma GCC diagnostic pop
#pragma GCC pop_options
#endif

#endif  // SD_MEDIAN_HAS_AVX2
