// The body of both builds of the 8-bit kernels (opencv_u8_kernels.hpp). Included by
// opencv_u8_portable.cpp and, with SD_OPENCV_U8_AVX2 defined and AVX2+FMA enabled, by
// opencv_u8_avx2.cpp. Everything has internal linkage, so the AVX2 copies never stand in for the
// portable ones. The AVX2 blocks compute exactly what the scalar loops beside them compute.
//
// Expects <algorithm>, <cmath>, <cstdint>, <cstring>, <vector> and opencv_u8_kernels.hpp included.

namespace sd::opencv {
namespace {

// Vector loads may read this many bytes past a row's last pixel.
constexpr std::ptrdiff_t kOverread = 16;
// Row buffers are this many elements longer than a row, for vector stores that run past the end.
constexpr std::size_t kSlack = 16;

// A source row for kernels that over-read: the row itself when the image goes on behind it,
// else (the last rows) a copy with zero padding.
class ReadableRow {
public:
    explicit ReadableRow(const U8Source& source)
        : source_(source), copy_(static_cast<std::size_t>(source.row_elements() + kOverread), 0) {}

    const std::uint8_t* get(int r) {
        const std::ptrdiff_t behind = static_cast<std::ptrdiff_t>(source_.height - 1 - r) * source_.stride_bytes;
        if (behind >= kOverread) return source_.row(r);
        std::memcpy(copy_.data(), source_.row(r), static_cast<std::size_t>(source_.row_elements()));
        return copy_.data();
    }

private:
    U8Source source_;
    std::vector<std::uint8_t> copy_;
};

// Horizontally resampled rows for a vertical pass with `slots` taps: the rows one output needs are
// consecutive indices that only move down, so row r lives in slot r mod slots and each source row
// is resampled once.
template <typename Acc>
class RowSlots {
public:
    RowSlots(int slots, std::size_t length) : rows_(slots, std::vector<Acc>(length + kSlack)), ids_(slots, -1) {}

    template <typename Resample>
    const Acc* get(int r, Resample resample) {
        const std::size_t slot = static_cast<std::size_t>(r) % rows_.size();
        if (ids_[slot] != r) {
            ids_[slot] = r;
            resample(r, rows_[slot].data());
        }
        return rows_[slot].data();
    }

private:
    std::vector<std::vector<Acc>> rows_;
    std::vector<int> ids_;
};

std::uint8_t round_to_u8(float v) {
    // saturate_cast<uchar>(float): round half to even, then clamp.
    return static_cast<std::uint8_t>(std::clamp(std::nearbyint(v), 0.0f, 255.0f));
}

#ifdef SD_OPENCV_U8_AVX2
// Eight float32 lanes rounded half to even (the default MXCSR mode, as nearbyint) and saturated
// to 8 bits, stored as eight bytes.
void store_rounded_u8(std::uint8_t* out, __m256 v) {
    const __m256i i = _mm256_cvtps_epi32(v);
    const __m128i words = _mm_packs_epi32(_mm256_castsi256_si128(i), _mm256_extracti128_si256(i, 1));
    _mm_storel_epi64(reinterpret_cast<__m128i*>(out), _mm_packus_epi16(words, words));
}

// The same for sixteen lanes, a then b.
void store_rounded_u8(std::uint8_t* out, __m256 a, __m256 b) {
    const __m256i words = _mm256_permute4x64_epi64(_mm256_packs_epi32(_mm256_cvtps_epi32(a), _mm256_cvtps_epi32(b)), 0xD8);
    const __m256i bytes = _mm256_permute4x64_epi64(_mm256_packus_epi16(words, words), 0x08);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out), _mm256_castsi256_si128(bytes));
}

// Sixteen int32 (each fits 16 bits) as sixteen int16, in order.
__m256i load_words(const std::int32_t* h) {
    const __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(h));
    const __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(h + 8));
    return _mm256_permute4x64_epi64(_mm256_packs_epi32(lo, hi), 0xD8);
}

// The bytes `shuffle` picks out of `bytes` as float32 lanes.
__m256 bytes_to_floats(__m256i bytes, __m256i shuffle) { return _mm256_cvtepi32_ps(_mm256_shuffle_epi8(bytes, shuffle)); }
#endif

// ---- INTER_NEAREST ---------------------------------------------------------------------------

template <int C>
void nearest(const U8Source& source, const U8Target& target, const AxisTaps& x, const AxisTaps& y) {
    const std::int32_t* xs = x.index.data();
    const int width = target.width;
    const auto bytes = static_cast<std::size_t>(target.row_elements());
    // 3 channels: 4-byte moves (the next pixel overwrites the fourth byte) while neither the
    // source pixel nor the output pixel is the last of its row.
    int wide = 0;
    if constexpr (C == 3) {
        while (wide < width - 1 && xs[wide] < source.width - 1) ++wide;
    }
    for (int dy = 0; dy < target.height; ++dy) {
        std::uint8_t* out = target.row(dy);
        const int sy = y.index[dy];
        if (dy > 0 && sy == y.index[dy - 1]) {  // the same source row: the same output row
            std::memcpy(out, target.row(dy - 1), bytes);
            continue;
        }
        const std::uint8_t* in = source.row(sy);
        int dx = 0;
        if constexpr (C == 3) {
            for (; dx < wide; ++dx) {
                std::uint32_t v;
                std::memcpy(&v, in + static_cast<std::ptrdiff_t>(xs[dx]) * 3, 4);
                std::memcpy(out + static_cast<std::ptrdiff_t>(dx) * 3, &v, 4);
            }
        }
        for (; dx < width; ++dx)
            std::memcpy(out + static_cast<std::ptrdiff_t>(dx) * C, in + static_cast<std::ptrdiff_t>(xs[dx]) * C, C);
    }
}

// ---- INTER_LINEAR (HResizeLinear / VResizeLinear, 11-bit fixed point) -------------------------

// h = (p0 w0 + p1 w1) >> 4: the part of each horizontal sum the vertical pass uses.
template <int C>
void linear_row(const std::uint8_t* row, const AxisTaps& x, std::int32_t* h) {
    const std::int32_t* index = x.index.data();
    const std::int32_t* fixed = x.fixed.data();
    int d = 0;
#ifdef SD_OPENCV_U8_AVX2
    if constexpr (C == 3) {
        // Two outputs per register, one per 128-bit lane: the pixel pair (i, i + 1) as 16-bit
        // (p0, p1) pairs per channel, multiplied by (w0, w1) and added in one madd.
        const __m256i pairs = _mm256_setr_epi8(0, -1, 3, -1, 1, -1, 4, -1, 2, -1, 5, -1, -1, -1, -1, -1,  //
                                               0, -1, 3, -1, 1, -1, 4, -1, 2, -1, 5, -1, -1, -1, -1, -1);
        const __m256i spread = _mm256_setr_epi32(0, 0, 0, 0, 1, 1, 1, 1);
        const __m256i compact = _mm256_setr_epi32(0, 1, 2, 4, 5, 6, 7, 7);
        for (; d + 1 < x.outputs; d += 2) {
            const std::int32_t a = index[2 * d];
            const std::int32_t b = index[2 * d + 2];
            if (index[2 * d + 1] != a + 1 || index[2 * d + 3] != b + 1) {  // a clamped edge pair
                for (int e = d; e < d + 2; ++e) {
                    const std::uint8_t* p0 = row + static_cast<std::ptrdiff_t>(index[2 * e]) * 3;
                    const std::uint8_t* p1 = row + static_cast<std::ptrdiff_t>(index[2 * e + 1]) * 3;
                    for (int c = 0; c < 3; ++c) h[e * 3 + c] = (p0[c] * fixed[2 * e] + p1[c] * fixed[2 * e + 1]) >> 4;
                }
                continue;
            }
            const __m256i pixels = _mm256_loadu2_m128i(reinterpret_cast<const __m128i*>(row + static_cast<std::ptrdiff_t>(b) * 3),
                                                       reinterpret_cast<const __m128i*>(row + static_cast<std::ptrdiff_t>(a) * 3));
            const __m128i w32 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(fixed + 2 * d));
            const __m256i weights = _mm256_permutevar8x32_epi32(_mm256_castsi128_si256(_mm_packs_epi32(w32, w32)), spread);
            const __m256i sums = _mm256_madd_epi16(_mm256_shuffle_epi8(pixels, pairs), weights);
            _mm256_storeu_si256(reinterpret_cast<__m256i*>(h + d * 3),
                                _mm256_permutevar8x32_epi32(_mm256_srai_epi32(sums, 4), compact));
        }
    }
#endif
    for (; d < x.outputs; ++d) {
        const std::uint8_t* p0 = row + static_cast<std::ptrdiff_t>(index[2 * d]) * C;
        const std::uint8_t* p1 = row + static_cast<std::ptrdiff_t>(index[2 * d + 1]) * C;
        const std::int32_t w0 = fixed[2 * d];
        const std::int32_t w1 = fixed[2 * d + 1];
        for (int c = 0; c < C; ++c) h[d * C + c] = (p0[c] * w0 + p1[c] * w1) >> 4;
    }
}

// VResizeLinearVec_32s8u: each product keeps its high 16 bits, then (t + 2) >> 2, saturated.
void linear_vertical(const std::int32_t* h0, const std::int32_t* h1, std::int32_t q0, std::int32_t q1,
                     std::uint8_t* out, int n) {
    int e = 0;
#ifdef SD_OPENCV_U8_AVX2
    // h >> 4 and q fit 16 bits, so the products' high halves are one pmulhw each.
    const __m256i v0 = _mm256_set1_epi16(static_cast<short>(q0));
    const __m256i v1 = _mm256_set1_epi16(static_cast<short>(q1));
    const __m256i two = _mm256_set1_epi16(2);
    for (; e + 16 <= n; e += 16) {
        const __m256i t = _mm256_add_epi16(_mm256_mulhi_epi16(load_words(h0 + e), v0), _mm256_mulhi_epi16(load_words(h1 + e), v1));
        const __m256i r = _mm256_srai_epi16(_mm256_add_epi16(t, two), 2);
        const __m256i bytes = _mm256_permute4x64_epi64(_mm256_packus_epi16(r, r), 0xD8);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + e), _mm256_castsi256_si128(bytes));
    }
#endif
    for (; e < n; ++e) {
        const int t = ((q0 * h0[e]) >> 16) + ((q1 * h1[e]) >> 16);
        out[e] = static_cast<std::uint8_t>(std::clamp((t + 2) >> 2, 0, 255));
    }
}

template <int C>
void linear(const U8Source& source, const U8Target& target, const AxisTaps& x, const AxisTaps& y) {
    const int n = target.row_elements();
    ReadableRow readable(source);
    RowSlots<std::int32_t> rows(2, static_cast<std::size_t>(n));
    const auto resample = [&](int r, std::int32_t* h) { linear_row<C>(readable.get(r), x, h); };
    for (int dy = 0; dy < target.height; ++dy) {
        const std::int32_t* h0 = rows.get(y.index[2 * dy], resample);
        const std::int32_t* h1 = rows.get(y.index[2 * dy + 1], resample);
        linear_vertical(h0, h1, y.fixed[2 * dy], y.fixed[2 * dy + 1], target.row(dy), n);
    }
}

// ---- IPP's INTER_CUBIC (float32; see opencv_ipp_cubic.hpp for the orders) ---------------------

template <int C>
void ipp_cubic_row(const std::uint8_t* row, const AxisTaps& x, float* h) {
    const std::int32_t* index = x.index.data();
    const float* weight = x.weight.data();
    const int vector_end = x.outputs / 4 * 4;  // 1 and 4 channels: whole groups of four outputs
    int d = 0;
#ifdef SD_OPENCV_U8_AVX2
    if constexpr (C == 3) {
        // Two outputs per register, one per 128-bit lane: lanes 0..2 are the channels, the four
        // taps (i - 1 .. i + 2) one 12-byte run, the fused chain as in the scalar loop below.
        const __m256i tap[4] = {
            _mm256_setr_epi8(0, -1, -1, -1, 1, -1, -1, -1, 2, -1, -1, -1, -1, -1, -1, -1,  //
                             0, -1, -1, -1, 1, -1, -1, -1, 2, -1, -1, -1, -1, -1, -1, -1),
            _mm256_setr_epi8(3, -1, -1, -1, 4, -1, -1, -1, 5, -1, -1, -1, -1, -1, -1, -1,  //
                             3, -1, -1, -1, 4, -1, -1, -1, 5, -1, -1, -1, -1, -1, -1, -1),
            _mm256_setr_epi8(6, -1, -1, -1, 7, -1, -1, -1, 8, -1, -1, -1, -1, -1, -1, -1,  //
                             6, -1, -1, -1, 7, -1, -1, -1, 8, -1, -1, -1, -1, -1, -1, -1),
            _mm256_setr_epi8(9, -1, -1, -1, 10, -1, -1, -1, 11, -1, -1, -1, -1, -1, -1, -1,  //
                             9, -1, -1, -1, 10, -1, -1, -1, 11, -1, -1, -1, -1, -1, -1, -1)};
        const __m256i compact = _mm256_setr_epi32(0, 1, 2, 4, 5, 6, 7, 7);
        // Locals, so that the stores into h (which could alias the tables) do not reload them.
        const std::uint8_t* const consecutive = x.pair_consecutive.data();
        const float* const pair_weights = x.pair_weights.data();
        const int outputs = x.outputs;
        for (; d + 1 < outputs; d += 2) {
            if (!consecutive[d / 2]) {  // a clamped edge pair
                for (int e = d; e < d + 2; ++e) {
                    const float* w = weight + 4 * e;
                    for (int c = 0; c < 3; ++c) {
                        float p[4];
                        for (int k = 0; k < 4; ++k) p[k] = static_cast<float>(row[index[4 * e + k] * 3 + c]);
                        h[e * 3 + c] = std::fma(w[3], p[3], std::fma(w[2], p[2], std::fma(w[1], p[1], w[0] * p[0])));
                    }
                }
                continue;
            }
            const __m256i bytes =
                _mm256_loadu2_m128i(reinterpret_cast<const __m128i*>(row + static_cast<std::ptrdiff_t>(index[4 * d + 4]) * 3),
                                    reinterpret_cast<const __m128i*>(row + static_cast<std::ptrdiff_t>(index[4 * d]) * 3));
            const float* w = pair_weights + 16 * d;  // per tap: (w_k of d x4 | w_k of d + 1 x4)
            __m256 sum = _mm256_mul_ps(_mm256_loadu_ps(w), bytes_to_floats(bytes, tap[0]));
            sum = _mm256_fmadd_ps(_mm256_loadu_ps(w + 8), bytes_to_floats(bytes, tap[1]), sum);
            sum = _mm256_fmadd_ps(_mm256_loadu_ps(w + 16), bytes_to_floats(bytes, tap[2]), sum);
            sum = _mm256_fmadd_ps(_mm256_loadu_ps(w + 24), bytes_to_floats(bytes, tap[3]), sum);
            _mm256_storeu_ps(h + d * 3, _mm256_permutevar8x32_ps(sum, compact));
        }
    }
#endif
    for (; d < x.outputs; ++d) {
        const float* w = weight + 4 * d;
        for (int c = 0; c < C; ++c) {
            float p[4];
            for (int k = 0; k < 4; ++k) p[k] = static_cast<float>(row[static_cast<std::ptrdiff_t>(index[4 * d + k]) * C + c]);
            const float t0 = w[0] * p[0];
            const float t1 = w[1] * p[1];
            float sum;
            if constexpr (C == 1) {
                const float left = t0 + t1;
                if (d < vector_end) {
                    const float t2 = w[2] * p[2];
                    const float t3 = w[3] * p[3];
                    const float right = t2 + t3;
                    sum = left + right;
                } else {
                    const float t2 = w[2] * p[2];
                    const float three = left + t2;
                    const float t3 = w[3] * p[3];
                    sum = three + t3;
                }
            } else if constexpr (C == 4) {
                if (d < vector_end) {
                    sum = std::fma(w[2], p[2], t0) + std::fma(w[3], p[3], t1);
                } else {
                    const float t2 = w[2] * p[2];
                    const float t3 = w[3] * p[3];
                    const float even = t0 + t2;
                    const float odd = t1 + t3;
                    sum = even + odd;
                }
            } else {
                sum = std::fma(w[3], p[3], std::fma(w[2], p[2], std::fma(w[1], p[1], t0)));
            }
            h[d * C + c] = sum;
        }
    }
}

// fma(v0, h0, v1 h1) + fma(v2, h2, v3 h3), rounded half to even and saturated, for `Rows` output
// rows from the same four resampled rows h: row r's weights are v[4r..4r + 3]. An upscale's
// consecutive output rows mostly share their source rows: two at once load them once.
template <int Rows>
void ipp_cubic_vertical(const float* const* h, const float* v, std::uint8_t* const* out, int n) {
    // Locals, so that the stores into out (which could alias anything) do not reload the pointers.
    const float* const h0 = h[0];
    const float* const h1 = h[1];
    const float* const h2 = h[2];
    const float* const h3 = h[3];
    std::uint8_t* to[Rows];
    for (int r = 0; r < Rows; ++r) to[r] = out[r];
    int e = 0;
#ifdef SD_OPENCV_U8_AVX2
    __m256 w[Rows][4];
    for (int r = 0; r < Rows; ++r)
        for (int k = 0; k < 4; ++k) w[r][k] = _mm256_set1_ps(v[4 * r + k]);
    const auto sum = [&](int r, const __m256* p) {
        const __m256 top = _mm256_fmadd_ps(w[r][0], p[0], _mm256_mul_ps(w[r][1], p[1]));
        const __m256 bottom = _mm256_fmadd_ps(w[r][2], p[2], _mm256_mul_ps(w[r][3], p[3]));
        return _mm256_add_ps(top, bottom);
    };
    const auto load = [&](int i, __m256* p) {
        p[0] = _mm256_loadu_ps(h0 + i);
        p[1] = _mm256_loadu_ps(h1 + i);
        p[2] = _mm256_loadu_ps(h2 + i);
        p[3] = _mm256_loadu_ps(h3 + i);
    };
    for (; e + 16 <= n; e += 16) {
        __m256 a[4], b[4];
        load(e, a);
        load(e + 8, b);
        for (int r = 0; r < Rows; ++r) store_rounded_u8(to[r] + e, sum(r, a), sum(r, b));
    }
    for (; e + 8 <= n; e += 8) {
        __m256 a[4];
        load(e, a);
        for (int r = 0; r < Rows; ++r) store_rounded_u8(to[r] + e, sum(r, a));
    }
#endif
    for (; e < n; ++e)
        for (int r = 0; r < Rows; ++r) {
            const float* vr = v + 4 * r;
            const float top = std::fma(vr[0], h0[e], vr[1] * h1[e]);
            const float bottom = std::fma(vr[2], h2[e], vr[3] * h3[e]);
            to[r][e] = round_to_u8(top + bottom);
        }
}

template <int C>
void ipp_cubic(const U8Source& source, const U8Target& target, const AxisTaps& x, const AxisTaps& y) {
    const int n = target.row_elements();
    ReadableRow readable(source);
    RowSlots<float> rows(4, static_cast<std::size_t>(n));
    const auto resample = [&](int r, float* h) { ipp_cubic_row<C>(readable.get(r), x, h); };
    const std::int32_t* index = y.index.data();
    const auto same_taps = [&](int d) {
        for (int k = 0; k < 4; ++k)
            if (index[4 * d + k] != index[4 * d + 4 + k]) return false;
        return true;
    };
    for (int dy = 0; dy < target.height;) {
        const float* h[4];
        for (int k = 0; k < 4; ++k) h[k] = rows.get(index[4 * dy + k], resample);
        std::uint8_t* out[2] = {target.row(dy), nullptr};
        const float* v = &y.weight[4 * static_cast<std::size_t>(dy)];
        if (dy + 1 < target.height && same_taps(dy)) {
            out[1] = target.row(dy + 1);
            ipp_cubic_vertical<2>(h, v, out, n);
            dy += 2;
        } else {
            ipp_cubic_vertical<1>(h, v, out, n);
            dy += 1;
        }
    }
}

// ---- INTER_AREA at non-integer ratios (ResizeArea_Invoker) -------------------------------------

// buf[d C + c] = Σ_k p_k[c] α_k, added in table order starting from 0.
template <int C>
void area_row(const std::uint8_t* row, const AxisTaps& x, float* buf) {
    const std::int32_t* start = x.start.data();
    const std::int32_t* index = x.index.data();
    const float* weight = x.weight.data();
#ifdef SD_OPENCV_U8_AVX2
    if constexpr (C == 3 || C == 4) {
        // One output per register, the channels in lanes (3 channels: the fourth lane is junk).
        for (int d = 0; d < x.outputs; ++d) {
            __m128 acc = _mm_setzero_ps();
            for (std::int32_t k = start[d]; k < start[d + 1]; ++k) {
                std::int32_t word;
                std::memcpy(&word, row + static_cast<std::ptrdiff_t>(index[k]) * C, 4);
                const __m128 p = _mm_cvtepi32_ps(_mm_cvtepu8_epi32(_mm_cvtsi32_si128(word)));
                acc = _mm_add_ps(acc, _mm_mul_ps(p, _mm_set1_ps(weight[k])));
            }
            _mm_storeu_ps(buf + static_cast<std::ptrdiff_t>(d) * C, acc);
        }
        return;
    }
#endif
    for (int d = 0; d < x.outputs; ++d) {
        float acc[C] = {};
        for (std::int32_t k = start[d]; k < start[d + 1]; ++k) {
            const std::uint8_t* p = row + static_cast<std::ptrdiff_t>(index[k]) * C;
            const float alpha = weight[k];
            for (int c = 0; c < C; ++c) {
                const float product = static_cast<float>(p[c]) * alpha;
                acc[c] = acc[c] + product;
            }
        }
        for (int c = 0; c < C; ++c) buf[d * C + c] = acc[c];
    }
}

template <int C>
void area(const U8Source& source, const U8Target& target, const AxisTaps& x, const AxisTaps& y) {
    const int n = target.row_elements();
    ReadableRow readable(source);
    // The row on a cell boundary belongs to two outputs; it is resampled once.
    RowSlots<float> rows(2, static_cast<std::size_t>(n));
    const auto resample = [&](int r, float* buf) { area_row<C>(readable.get(r), x, buf); };
    std::vector<float> sum(static_cast<std::size_t>(n) + kSlack);
    for (int dy = 0; dy < target.height; ++dy) {
        std::fill(sum.begin(), sum.end(), 0.0f);
        for (std::int32_t j = y.start[dy]; j < y.start[dy + 1]; ++j) {
            const float beta = y.weight[j];
            const float* buf = rows.get(y.index[j], resample);
            for (int e = 0; e < n; ++e) {
                const float product = beta * buf[e];
                sum[e] = sum[e] + product;
            }
        }
        std::uint8_t* out = target.row(dy);
        int e = 0;
#ifdef SD_OPENCV_U8_AVX2
        for (; e + 8 <= n; e += 8) store_rounded_u8(out + e, _mm256_loadu_ps(sum.data() + e));
#endif
        for (; e < n; ++e) out[e] = round_to_u8(sum[e]);
    }
}

// Calls kernel<C> for the image's channel count (1..4).
#define SD_OPENCV_U8_BY_CHANNELS(kernel)                                                        \
    void kernel##_any(const U8Source& s, const U8Target& t, const AxisTaps& x, const AxisTaps& y) { \
        switch (s.channels) {                                                                   \
            case 1: kernel<1>(s, t, x, y); return;                                              \
            case 2: kernel<2>(s, t, x, y); return;                                              \
            case 3: kernel<3>(s, t, x, y); return;                                              \
            default: kernel<4>(s, t, x, y); return;                                             \
        }                                                                                       \
    }
SD_OPENCV_U8_BY_CHANNELS(nearest)
SD_OPENCV_U8_BY_CHANNELS(linear)
SD_OPENCV_U8_BY_CHANNELS(ipp_cubic)
SD_OPENCV_U8_BY_CHANNELS(area)
#undef SD_OPENCV_U8_BY_CHANNELS

}  // namespace
}  // namespace sd::opencv
