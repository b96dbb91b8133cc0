#include "scaling/opencv/opencv_wide_kernels.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace sd::opencv {
namespace {

// Horizontally resampled source rows for a K-tap vertical pass. The rows one output needs lie
// in a window of K consecutive indices that only moves down, so row r lives in slot r mod K
// and each source row is resampled once.
template <typename Acc, typename Resample>
class RowWindow {
public:
    RowWindow(int taps, std::size_t length, Resample resample)
        : resample_(resample), rows_(taps, std::vector<Acc>(length)), ids_(taps, -1) {}

    const Acc* get(int source_row) {
        const std::size_t slot = static_cast<std::size_t>(source_row) % rows_.size();
        if (ids_[slot] != source_row) {
            ids_[slot] = source_row;
            resample_(source_row, rows_[slot].data());
        }
        return rows_[slot].data();
    }

private:
    Resample resample_;
    std::vector<std::vector<Acc>> rows_;
    std::vector<int> ids_;
};

template <typename Acc, typename Resample>
RowWindow<Acc, Resample> make_window(int taps, std::size_t length, Resample resample) {
    return RowWindow<Acc, Resample>(taps, length, resample);
}

// Fixed-point horizontal pass: integer sums, so the order of the taps does not matter.
void horizontal_fixed(const std::uint8_t* row, int channels, const KernelTable& x, int* h) {
    const int taps = x.taps;
    for (int dx = 0; dx < x.outputs; ++dx) {
        for (int c = 0; c < channels; ++c) {
            int sum = 0;
            for (int k = 0; k < taps; ++k) sum += row[x.index(dx, k) * channels + c] * x.q(dx, k);
            h[dx * channels + c] = sum;
        }
    }
}

// True when a tap of output d was clamped: HResizeCubic / HResizeLanczos4 then take their
// border loop, which starts the sum from 0 (matters only for the sign of a zero result).
bool is_border(const KernelTable& x, int d) {
    for (int k = 1; k < x.taps; ++k)
        if (x.index(d, k) != x.index(d, k - 1) + 1) return true;
    return false;
}

// float32 horizontal pass: products added left to right.
void horizontal_float(const float* row, int channels, const KernelTable& x, const std::vector<char>& border, float* h) {
    const int taps = x.taps;
    for (int dx = 0; dx < x.outputs; ++dx) {
        for (int c = 0; c < channels; ++c) {
            float sum;
            int k = 0;
            if (border[dx]) {
                sum = 0.0f;
            } else {
                sum = row[x.index(dx, 0) * channels + c] * static_cast<float>(x.w(dx, 0));
                k = 1;
            }
            for (; k < taps; ++k) {
                const float product = row[x.index(dx, k) * channels + c] * static_cast<float>(x.w(dx, k));
                sum = sum + product;
            }
            h[dx * channels + c] = sum;
        }
    }
}

std::vector<char> border_flags(const KernelTable& x) {
    std::vector<char> flags(x.outputs);
    for (int d = 0; d < x.outputs; ++d) flags[d] = is_border(x, d) ? 1 : 0;
    return flags;
}

std::uint8_t saturate_u8(long long v) { return static_cast<std::uint8_t>(std::clamp<long long>(v, 0, 255)); }

// FixedPtCast<int, uchar, 22> over Σ H_k q_k, with int32 wrap-around as in OpenCV.
std::uint8_t fixed_vertical(const int* const* h, const std::int32_t* q, int taps, int e) {
    std::uint32_t sum = 0;
    for (int k = 0; k < taps; ++k)
        sum += static_cast<std::uint32_t>(h[k][e]) * static_cast<std::uint32_t>(q[k]);
    const auto rounded = static_cast<std::int32_t>(sum + (1u << 21));
    return saturate_u8(rounded >> 22);
}

template <typename Vertical>
void resize_fixed(const U8Source& source, const U8Target& target, const KernelTable& x, const KernelTable& y,
                  Vertical vertical) {
    const int channels = source.channels;
    const int taps = y.taps;
    auto window = make_window<int>(taps, static_cast<std::size_t>(target.row_elements()),
                                   [&](int r, int* h) { horizontal_fixed(source.row(r), channels, x, h); });
    std::vector<const int*> rows(taps);
    for (int dy = 0; dy < target.height; ++dy) {
        for (int k = 0; k < taps; ++k) rows[k] = window.get(y.index(dy, k));
        vertical(rows.data(), &y.fixed[y.at(dy, 0)], target.row(dy), target.row_elements());
    }
}

template <typename Vertical>
void resize_float(const F32Source& source, const F32Target& target, const KernelTable& x, const KernelTable& y,
                  Vertical vertical) {
    const int channels = source.channels;
    const int taps = y.taps;
    const std::vector<char> border = border_flags(x);
    auto window = make_window<float>(taps, static_cast<std::size_t>(target.row_elements()), [&](int r, float* h) {
        horizontal_float(source.row(r), channels, x, border, h);
    });
    std::vector<const float*> rows(taps);
    std::vector<float> beta(taps);
    for (int dy = 0; dy < target.height; ++dy) {
        for (int k = 0; k < taps; ++k) {
            rows[k] = window.get(y.index(dy, k));
            beta[k] = static_cast<float>(y.w(dy, k));
        }
        vertical(rows.data(), beta.data(), target.row(dy), target.row_elements());
    }
}

// The vector loops chain v_muladd(b_k, S_k, acc) = b_k*S_k + acc (no FMA on the SSE3 baseline)
// from the last tap inwards, so the sum nests to the right: t0 + (t1 + (... + t_last)).
float nested_sum(const float* const* h, const float* b, int taps, int e) {
    float sum = h[taps - 1][e] * b[taps - 1];
    for (int k = taps - 2; k >= 0; --k) {
        const float product = h[k][e] * b[k];
        sum = product + sum;
    }
    return sum;
}

// The scalar tail loops (VResizeCubic, VResizeLanczos4) add the products left to right.
float left_to_right_sum(const float* const* h, const float* b, int taps, int e) {
    float sum = h[0][e] * b[0];
    for (int k = 1; k < taps; ++k) {
        const float product = h[k][e] * b[k];
        sum = sum + product;
    }
    return sum;
}

}  // namespace

void resize_cubic(const U8Source& source, const U8Target& target, const KernelTable& x, const KernelTable& y) {
    resize_fixed(source, target, x, y, [](const int* const* h, const std::int32_t* q, std::uint8_t* out, int n) {
        // VResizeCubicVec_32s8u: 8 outputs per 128-bit step, in float32 with weights q·2^-22
        // (exact), v_muladd without FMA nesting to the right, then round half to even.
        const int vector_end = n / 8 * 8;
        float b[4];
        for (int k = 0; k < 4; ++k) b[k] = static_cast<float>(q[k]) * (1.0f / 4194304.0f);
        for (int e = 0; e < vector_end; ++e) {
            const float t0 = static_cast<float>(h[0][e]) * b[0];
            const float t1 = static_cast<float>(h[1][e]) * b[1];
            const float t2 = static_cast<float>(h[2][e]) * b[2];
            const float t3 = static_cast<float>(h[3][e]) * b[3];
            const float inner = t2 + t3;
            const float middle = t1 + inner;
            const float r = t0 + middle;
            out[e] = saturate_u8(static_cast<long long>(std::nearbyint(r)));
        }
        for (int e = vector_end; e < n; ++e) out[e] = fixed_vertical(h, q, 4, e);
    });
}

void resize_lanczos4(const U8Source& source, const U8Target& target, const KernelTable& x, const KernelTable& y) {
    resize_fixed(source, target, x, y, [](const int* const* h, const std::int32_t* q, std::uint8_t* out, int n) {
        for (int e = 0; e < n; ++e) out[e] = fixed_vertical(h, q, 8, e);
    });
}

void resize_cubic(const F32Source& source, const F32Target& target, const KernelTable& x, const KernelTable& y) {
    resize_float(source, target, x, y, [](const float* const* h, const float* b, float* out, int n) {
        // VResizeCubicVec_32f on whole groups of 4 lanes; VResizeCubic's scalar loop on the rest.
        const int vector_end = n / 4 * 4;
        for (int e = 0; e < n; ++e) {
            out[e] = e < vector_end ? nested_sum(h, b, 4, e) : left_to_right_sum(h, b, 4, e);
        }
    });
}

void resize_lanczos4(const F32Source& source, const F32Target& target, const KernelTable& x, const KernelTable& y) {
    resize_float(source, target, x, y, [](const float* const* h, const float* b, float* out, int n) {
        // VResizeLanczos4Vec_32f on whole groups of 4 lanes; VResizeLanczos4's scalar loop on the rest.
        const int vector_end = n / 4 * 4;
        for (int e = 0; e < n; ++e) out[e] = e < vector_end ? nested_sum(h, b, 8, e) : left_to_right_sum(h, b, 8, e);
    });
}

}  // namespace sd::opencv
