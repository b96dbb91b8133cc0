// The 8-bit passes with AVX2: eight 32-bit sums at once, pixel * weight by vpmulld (exact, since
// pixel < 2^8 and |weight| < 2^23), the clamp by saturating packs. Compiled for AVX2 here only;
// pillow_kernels.cpp calls these after checking the CPU.
#include "scaling/pillow/pillow_passes.hpp"

#ifdef SD_PILLOW_HAS_AVX2

// Standard headers first, so that only what follows is compiled for AVX2.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx2"))), apply_to = function)
#elif defined(__GNUC__)
#pragma GCC push_options
#pragma GCC target("avx2")
#endif

#include <immintrin.h>

namespace sd::pillow::passes {
namespace {

constexpr std::int32_t kHalf = 1 << (kPrecisionBits - 1);

__m256i widen8(const std::uint8_t* p) {  // 8 bytes -> 8 x int32
    return _mm256_cvtepu8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(p)));
}

// (sum + half) >> 22, clamped to 0..255, in the low bytes of the result (lane order kept).
__m128i finish(__m128i sums) {
    const __m128i v = _mm_srai_epi32(_mm_add_epi32(sums, _mm_set1_epi32(kHalf)), kPrecisionBits);
    const __m128i w = _mm_packs_epi32(v, v);
    return _mm_packus_epi16(w, w);
}

// ---- Horizontal pass -------------------------------------------------------------------------
// A source row is first copied with each pixel widened to Lanes bytes (RGB gets a zero fourth
// byte) and zeros after its end, so that 8 bytes are always Lanes-channel pixels of 8 / Lanes
// consecutive taps, and the zero-weight taps that round a window up to whole vectors read zeros
// inside the buffer. The same weights serve up to four rows at once.

template <int Channels>
constexpr int lanes_of() { return Channels == 3 ? 4 : Channels; }

// Weights of taps t .. t + 8 / Lanes - 1, each repeated for the Lanes channels of its pixel.
template <int Lanes>
__m256i weights(const std::int32_t* k) {
    if constexpr (Lanes == 1) {
        return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(k));
    } else if constexpr (Lanes == 2) {
        const __m256i four = _mm256_castsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(k)));
        return _mm256_permutevar8x32_epi32(four, _mm256_setr_epi32(0, 0, 1, 1, 2, 2, 3, 3));
    } else {
        const __m256i two = _mm256_castsi128_si256(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(k)));
        return _mm256_permutevar8x32_epi32(two, _mm256_setr_epi32(0, 0, 0, 0, 1, 1, 1, 1));
    }
}

// The per-channel sums of one output pixel, in the low Lanes lanes.
template <int Lanes>
__m128i channel_sums(__m256i acc) {
    __m128i s = _mm_add_epi32(_mm256_castsi256_si128(acc), _mm256_extracti128_si256(acc, 1));
    if constexpr (Lanes <= 2) s = _mm_add_epi32(s, _mm_shuffle_epi32(s, _MM_SHUFFLE(1, 0, 3, 2)));
    if constexpr (Lanes == 1) s = _mm_add_epi32(s, _mm_shuffle_epi32(s, _MM_SHUFFLE(2, 3, 0, 1)));
    return s;
}

template <int Channels>
void widen_row(const std::uint8_t* src, int width, std::uint8_t* dst) {
    if constexpr (Channels != 3) {
        std::memcpy(dst, src, static_cast<std::size_t>(width) * Channels);
    } else {
        // 8 pixels per step: bytes 12..23 moved to the high lane, then each lane's 4 pixels spread.
        const __m256i to_lanes = _mm256_setr_epi32(0, 1, 2, 3, 3, 4, 5, 6);
        const __m256i spread = _mm256_setr_epi8(0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1,  //
                                                0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1);
        int i = 0;
        for (; 3 * i + 32 <= 3 * width; i += 8) {
            const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(src + 3 * i));
            const __m256i out = _mm256_shuffle_epi8(_mm256_permutevar8x32_epi32(v, to_lanes), spread);
            _mm256_storeu_si256(reinterpret_cast<__m256i*>(dst + 4 * i), out);
        }
        for (; i < width; ++i) {
            dst[4 * i] = src[3 * i];
            dst[4 * i + 1] = src[3 * i + 1];
            dst[4 * i + 2] = src[3 * i + 2];
            dst[4 * i + 3] = 0;
        }
    }
}

// Rows rows[0 .. Rows) (widened) to dst[0 .. Rows).
template <int Channels, int Rows>
void horizontal_rows(const std::uint8_t* const* rows, std::uint8_t* const* dst, int out_width, const AxisTable& x) {
    constexpr int lanes = lanes_of<Channels>();
    constexpr int taps_per_vector = 8 / lanes;
    for (int xx = 0; xx < out_width; ++xx) {
        const std::ptrdiff_t offset = static_cast<std::ptrdiff_t>(x.table.index(xx, 0)) * lanes;
        const int vectors = (x.count[static_cast<std::size_t>(xx)] + taps_per_vector - 1) / taps_per_vector;
        const std::int32_t* k = x.padded_fixed.data() + static_cast<std::ptrdiff_t>(xx) * x.padded_taps;
        __m256i acc[Rows];
        for (int r = 0; r < Rows; ++r) acc[r] = _mm256_setzero_si256();
        for (int v = 0; v < vectors; ++v) {
            const __m256i kv = weights<lanes>(k + v * taps_per_vector);
            for (int r = 0; r < Rows; ++r)
                acc[r] = _mm256_add_epi32(acc[r], _mm256_mullo_epi32(widen8(rows[r] + offset + 8 * v), kv));
        }
        for (int r = 0; r < Rows; ++r) {
            const auto bytes = static_cast<std::uint32_t>(_mm_cvtsi128_si32(finish(channel_sums<lanes>(acc[r]))));
            std::memcpy(dst[r] + static_cast<std::ptrdiff_t>(xx) * Channels, &bytes, Channels);
        }
    }
}

template <int Channels>
void horizontal(const ImageRef<const std::uint8_t>& in, const ImageRef<std::uint8_t>& out, int row_offset,
                const AxisTable& x) {
    constexpr int lanes = lanes_of<Channels>();
    constexpr int kBlock = 4;
    // Room for the widest window rounded up to whole vectors, and a vector's read past it.
    const std::size_t row_bytes = static_cast<std::size_t>(in.width + x.padded_taps) * lanes + 32;
    std::vector<std::uint8_t> buffer(row_bytes * kBlock, 0);
    const std::uint8_t* rows[kBlock];
    std::uint8_t* dst[kBlock];
    int yy = 0;
    for (; yy + kBlock <= out.height; yy += kBlock) {
        for (int r = 0; r < kBlock; ++r) {
            widen_row<Channels>(in.row(yy + r + row_offset), in.width, buffer.data() + r * row_bytes);
            rows[r] = buffer.data() + r * row_bytes;
            dst[r] = out.row(yy + r);
        }
        horizontal_rows<Channels, kBlock>(rows, dst, out.width, x);
    }
    for (; yy < out.height; ++yy) {
        widen_row<Channels>(in.row(yy + row_offset), in.width, buffer.data());
        rows[0] = buffer.data();
        dst[0] = out.row(yy);
        horizontal_rows<Channels, 1>(rows, dst, out.width, x);
    }
}

// ---- Vertical pass ---------------------------------------------------------------------------
// Every sample of an output row has the same taps: 32 samples at a time, one broadcast weight per
// source row.

__m256i widen_sum(__m256i acc, const std::uint8_t* p, __m256i k) {
    return _mm256_add_epi32(acc, _mm256_mullo_epi32(widen8(p), k));
}

__m256i shift_sums(__m256i acc) {
    return _mm256_srai_epi32(_mm256_add_epi32(acc, _mm256_set1_epi32(kHalf)), kPrecisionBits);
}

}  // namespace

void horizontal_avx2(const ImageRef<const std::uint8_t>& in, const ImageRef<std::uint8_t>& out, int row_offset,
                     const AxisTable& x) {
    switch (in.channels) {
        case 1: horizontal<1>(in, out, row_offset, x); break;
        case 2: horizontal<2>(in, out, row_offset, x); break;
        case 3: horizontal<3>(in, out, row_offset, x); break;
        default: horizontal<4>(in, out, row_offset, x); break;
    }
}

void vertical_avx2(const ImageRef<const std::uint8_t>& in, const ImageRef<std::uint8_t>& out, int row_offset,
                   const AxisTable& y) {
    const int n = out.row_elements();
    const std::ptrdiff_t stride = in.stride_bytes;
    for (int yy = 0; yy < out.height; ++yy) {
        const int count = y.count[static_cast<std::size_t>(yy)];
        const std::int32_t* k = &y.table.fixed[y.table.at(yy, 0)];
        const std::uint8_t* first = in.row(y.table.index(yy, 0) - row_offset);
        std::uint8_t* dst = out.row(yy);
        int e = 0;
        for (; e + 32 <= n; e += 32) {
            __m256i a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0;
            const std::uint8_t* p = first + e;
            for (int t = 0; t < count; ++t, p += stride) {
                const __m256i kt = _mm256_set1_epi32(k[t]);
                a0 = widen_sum(a0, p, kt);
                a1 = widen_sum(a1, p + 8, kt);
                a2 = widen_sum(a2, p + 16, kt);
                a3 = widen_sum(a3, p + 24, kt);
            }
            // packs/packus work within 128-bit lanes: the final permute puts the 4-byte groups back in order.
            const __m256i w01 = _mm256_packs_epi32(shift_sums(a0), shift_sums(a1));
            const __m256i w23 = _mm256_packs_epi32(shift_sums(a2), shift_sums(a3));
            const __m256i bytes = _mm256_packus_epi16(w01, w23);
            _mm256_storeu_si256(reinterpret_cast<__m256i*>(dst + e),
                                _mm256_permutevar8x32_epi32(bytes, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7)));
        }
        for (; e + 8 <= n; e += 8) {
            __m256i a = _mm256_setzero_si256();
            const std::uint8_t* p = first + e;
            for (int t = 0; t < count; ++t, p += stride) a = widen_sum(a, p, _mm256_set1_epi32(k[t]));
            const __m256i s = shift_sums(a);
            const __m128i w = _mm_packs_epi32(_mm256_castsi256_si128(s), _mm256_extracti128_si256(s, 1));
            _mm_storel_epi64(reinterpret_cast<__m128i*>(dst + e), _mm_packus_epi16(w, w));
        }
        for (; e < n; ++e) {
            std::int32_t ss = kHalf;
            const std::uint8_t* p = first + e;
            for (int t = 0; t < count; ++t, p += stride) ss += static_cast<std::int32_t>(*p) * k[t];
            const std::int32_t v = ss >> kPrecisionBits;
            dst[e] = static_cast<std::uint8_t>(v < 0 ? 0 : (v > 255 ? 255 : v));
        }
    }
}

}  // namespace sd::pillow::passes

#if defined(__clang__)
#pragma clang attribute pop
#elif defined(__GNUC__)
#pragma GCC pop_options
#endif

#endif  // SD_PILLOW_HAS_AVX2
