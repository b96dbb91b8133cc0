// The band kernel with AVX-512 (BW, VBMI2): column histograms keep the coarse level only, and each
// median's fine value is found among the window's own pixels of the chosen coarse bin. A pass over
// the window's rows compares 64 bytes at a time (all channels at once), compresses each channel's
// matching bytes into a short list, and a 4-step bisection over that list gives the value. The
// per-sample cost drops to one coarse read-modify-write in and one out (the fine ones were most of
// the update time); the scan costs about one masked row load and a few mask operations per window
// row, which is as much per image pixel whatever the window (P's density falls as the window grows).
// Compiled for AVX-512 here only; selective_median_filter.cpp calls it after checking the CPU.
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
#pragma clang attribute push(__attribute__((target("avx2,popcnt,avx512f,avx512bw,avx512vbmi2"))), apply_to = function)
#elif defined(__GNUC__)
#pragma GCC push_options
#pragma GCC target("avx2,popcnt,avx512f,avx512bw,avx512vbmi2")
#endif

#include <immintrin.h>

#include "defense/median_band.hpp"
#include "defense/median_bins_avx2.hpp"

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

inline __mmask64 first_bytes(std::size_t n) { return n >= 64 ? ~__mmask64{0} : (__mmask64{1} << n) - 1; }

struct Avx512Bins : Avx2Bins {
    static constexpr bool kScansWindow = true;

    struct Scratch {
        std::vector<std::uint64_t> outside;  // bit x * channels + c: column x is outside P
        std::vector<std::uint8_t> values;    // the window's rows, 64-byte chunks: low nibbles of the bin, else 255

        __m512i* rows() {
            const auto at = reinterpret_cast<std::uintptr_t>(values.data());
            return reinterpret_cast<__m512i*>(at + (64 - at % 64) % 64);
        }

        void prepare(const Job& job, int channels) {
            const int width = job.source.width;
            outside.assign(static_cast<std::size_t>(width) * channels / 64 + 2, 0);
            for (int x = 0; x < width; ++x)
                if (!job.p->column_in_p[x])
                    for (int c = 0; c < channels; ++c) {
                        const std::size_t bit = static_cast<std::size_t>(x) * channels + c;
                        outside[bit / 64] |= std::uint64_t{1} << (bit % 64);
                    }
            // One 64-byte vector per chunk of each window row, aligned.
            const std::size_t chunks = (static_cast<std::size_t>(2 * job.half_x + 1) * channels + 63) / 64;
            values.assign((chunks * (2 * job.half_y + 1) + 1) * 64, 0);
        }

        // The 64 bits from `bit` on (the array has a spare word at its end).
        __mmask64 outside_from(std::size_t bit) const {
            const std::size_t w = bit / 64, s = bit % 64;
            const std::uint64_t low = outside[w] >> s;
            return s == 0 ? low : low | outside[w + 1] << (64 - s);
        }
    };

    // out[c] = the ranks[c]-th smallest (0-based) of the window's pixels outside P whose value has
    // high nibble bins[c]. Rows of P contribute only their columns outside P: their pixels of P are
    // never read (masked loads), as they may already hold medians in place.
    template <int Channels>
    static void fine_by_scan(const Job& job, Scratch& scratch, int y0, int y1, int x0, int x1, const unsigned* bins,
                             const std::uint32_t* ranks, std::uint8_t* out) {
        static constexpr ChannelLanes kLanes = channel_lanes<Channels>();
        const std::size_t bytes = static_cast<std::size_t>(x1 - x0 + 1) * Channels;
        const std::size_t first_bit = static_cast<std::size_t>(x0) * Channels;
        const std::size_t chunks = (bytes + 63) / 64;
        const __m512i high_nibble = _mm512_set1_epi8(static_cast<char>(0xF0));
        const __m512i low_nibble = _mm512_set1_epi8(0x0F);
        const __m512i none = _mm512_set1_epi8(static_cast<char>(0xFF));
        // Per chunk phase, each lane's wanted high nibble. Lanes of the bin keep their low nibble
        // (0..15), all others become 255, above every bound the bisection asks about (<= 14).
        __m512i wanted[4];
        for (int phase = 0; phase < (chunks > 1 ? Channels : 1); ++phase) {
            wanted[phase] = _mm512_setzero_si512();
            for (int c = 0; c < Channels; ++c)
                wanted[phase] = _mm512_mask_mov_epi8(wanted[phase], kLanes.of[phase][c], _mm512_set1_epi8(static_cast<char>(bins[c] << 4)));
        }
        __m512i* low = scratch.rows();
        std::size_t n = 0;
        for (int r = y0; r <= y1; ++r) {
            const std::uint8_t* row = job.source.row(r) + first_bit;
            const bool row_in_p = job.p->row_in_p[r] != 0;
            for (std::size_t at = 0; at < bytes; at += 64) {
                __mmask64 lanes = first_bytes(bytes - at);
                if (row_in_p) lanes &= scratch.outside_from(first_bit + at);
                const __m512i v = _mm512_maskz_loadu_epi8(lanes, row + at);
                const __mmask64 match = _mm512_mask_cmpeq_epi8_mask(lanes, _mm512_and_si512(v, high_nibble), wanted[at % Channels]);
                _mm512_store_si512(low + n++, _mm512_mask_mov_epi8(none, match, _mm512_and_si512(v, low_nibble)));
            }
        }
        // Bisection on the low nibble, all channels at once: each lane counts its values <= the
        // bound of its channel (bytes: at most one per row), then each channel's lanes are summed.
        unsigned t[Channels] = {};
        const __m512i one = _mm512_set1_epi8(1);
        for (unsigned step = 8; step > 0; step /= 2) {
            __m512i bound[4];
            for (int phase = 0; phase < (chunks > 1 ? Channels : 1); ++phase) {
                bound[phase] = _mm512_setzero_si512();
                for (int c = 0; c < Channels; ++c)
                    bound[phase] = _mm512_mask_mov_epi8(bound[phase], kLanes.of[phase][c], _mm512_set1_epi8(static_cast<char>(t[c] + step - 1)));
            }
            __m512i sums[Channels];
            for (int c = 0; c < Channels; ++c) sums[c] = _mm512_setzero_si512();
            for (std::size_t chunk = 0; chunk < chunks; ++chunk) {
                const int phase = static_cast<int>(chunk * 64 % Channels);
                for (std::size_t first = chunk; first < n; first += 255 * chunks) {  // byte counts: 255 rows at most
                    const std::size_t last = first + 255 * chunks < n ? first + 255 * chunks : n;
                    __m512i count = _mm512_setzero_si512();
                    for (std::size_t i = first; i < last; i += chunks)
                        count = _mm512_mask_add_epi8(count, _mm512_cmple_epu8_mask(_mm512_load_si512(low + i), bound[phase]), count, one);
                    for (int c = 0; c < Channels; ++c)
                        sums[c] = _mm512_add_epi64(sums[c], _mm512_sad_epu8(_mm512_maskz_mov_epi8(kLanes.of[phase][c], count), _mm512_setzero_si512()));
                }
            }
            for (int c = 0; c < Channels; ++c)
                if (static_cast<std::uint32_t>(_mm512_reduce_add_epi64(sums[c])) <= ranks[c]) t[c] += step;
        }
        for (int c = 0; c < Channels; ++c) out[c] = static_cast<std::uint8_t>((bins[c] << 4) + t[c]);
    }
};

}  // namespace

std::int64_t histogram_rows_avx512(const Job& job, std::size_t begin, std::size_t end) {
    return band_median<Avx512Bins>(job, begin, end);
}

}  // namespace sd::median_detail

#if defined(__clang__)
#pragma clang attribute pop
#elif defined(__GNUC__)
#pragma GCC pop_options
#endif

#endif  // SD_MEDIAN_HAS_AVX2
