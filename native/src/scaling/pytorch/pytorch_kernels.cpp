#include "scaling/pytorch/pytorch_kernels.hpp"

#include <cmath>
#include <cstddef>
#include <cstring>
#include <vector>

namespace sd::pytorch {
namespace {

float weight(const KernelTable& t, int output, int tap) { return static_cast<float>(t.w(output, tap)); }

// Two-term weighted sum as the AVX2 build contracts `t0 * w0 + t1 * w1`.
float pair_sum(float t0, float w0, float t1, float w1) {
    const float b = t1 * w1;
    return std::fma(t0, w0, b);
}

// Four-term weighted sum as the AVX2 build contracts `t0 w0 + t1 w1 + t2 w2 + t3 w3`.
float quad_sum(const float t[4], const float w[4]) {
    const float b = t[1] * w[1];
    float s = std::fma(t[0], w[0], b);
    s = std::fma(t[2], w[2], s);
    return std::fma(t[3], w[3], s);
}

// One antialiased output sample: `p` is the line's first sample, `step` the distance between
// neighbouring source samples. Only the window's own taps are summed (not the padding).
float aa_sum(const float* p, std::ptrdiff_t step, const AntialiasTable& a, int output) {
    const KernelTable& t = a.table;
    const int count = a.count[output];
    const int blocked = 4 * ((count - 1) / 4);
    float s = p[static_cast<std::ptrdiff_t>(t.index(output, 0)) * step] * weight(t, output, 0);
    for (int j = 1; j < count; ++j) {
        const float x = p[static_cast<std::ptrdiff_t>(t.index(output, j)) * step];
        if (j <= blocked) {
            const float product = x * weight(t, output, j);
            s = s + product;
        } else {
            s = std::fma(x, weight(t, output, j), s);
        }
    }
    return s;
}

}  // namespace

void resize_gather(const FloatSource& source, const FloatTarget& target, const KernelTable& x, const KernelTable& y) {
    const int channels = source.channels;
    for (int dy = 0; dy < target.height; ++dy) {
        const float* in = source.row(y.index(dy, 0));
        float* out = target.row(dy);
        for (int dx = 0; dx < target.width; ++dx) {
            const float* pixel = in + static_cast<std::ptrdiff_t>(x.index(dx, 0)) * channels;
            for (int c = 0; c < channels; ++c) out[dx * channels + c] = pixel[c];
        }
    }
}

void resize_linear(const FloatSource& source, const FloatTarget& target, const KernelTable& x, const KernelTable& y) {
    const int channels = source.channels;
    for (int dy = 0; dy < target.height; ++dy) {
        const float* r0 = source.row(y.index(dy, 0));
        const float* r1 = source.row(y.index(dy, 1));
        const float wy0 = weight(y, dy, 0), wy1 = weight(y, dy, 1);
        float* out = target.row(dy);
        for (int dx = 0; dx < target.width; ++dx) {
            const std::ptrdiff_t i0 = static_cast<std::ptrdiff_t>(x.index(dx, 0)) * channels;
            const std::ptrdiff_t i1 = static_cast<std::ptrdiff_t>(x.index(dx, 1)) * channels;
            const float wx0 = weight(x, dx, 0), wx1 = weight(x, dx, 1);
            if (channels == 1) {
                // Products of two float32 values are exact in double; the sum is rounded once.
                const double w00 = static_cast<float>(wy0 * wx0), w01 = static_cast<float>(wy0 * wx1);
                const double w10 = static_cast<float>(wy1 * wx0), w11 = static_cast<float>(wy1 * wx1);
                const double sum = w00 * r0[i0] + w01 * r0[i1] + w10 * r1[i0] + w11 * r1[i1];
                out[dx] = static_cast<float>(sum);
                continue;
            }
            for (int c = 0; c < channels; ++c) {
                const float top = pair_sum(r0[i0 + c], wx0, r0[i1 + c], wx1);
                const float bottom = pair_sum(r1[i0 + c], wx0, r1[i1 + c], wx1);
                out[dx * channels + c] = pair_sum(top, wy0, bottom, wy1);
            }
        }
    }
}

void resize_cubic(const FloatSource& source, const FloatTarget& target, const KernelTable& x, const KernelTable& y) {
    const int channels = source.channels;
    for (int dy = 0; dy < target.height; ++dy) {
        const float* rows[4];
        float wy[4];
        for (int k = 0; k < 4; ++k) {
            rows[k] = source.row(y.index(dy, k));
            wy[k] = weight(y, dy, k);
        }
        float* out = target.row(dy);
        for (int dx = 0; dx < target.width; ++dx) {
            std::ptrdiff_t col[4];
            float wx[4];
            for (int j = 0; j < 4; ++j) {
                col[j] = static_cast<std::ptrdiff_t>(x.index(dx, j)) * channels;
                wx[j] = weight(x, dx, j);
            }
            for (int c = 0; c < channels; ++c) {
                float t[4];
                for (int k = 0; k < 4; ++k) {
                    const float v[4] = {rows[k][col[0] + c], rows[k][col[1] + c], rows[k][col[2] + c], rows[k][col[3] + c]};
                    t[k] = quad_sum(v, wx);
                }
                out[dx * channels + c] = quad_sum(t, wy);
            }
        }
    }
}

void resize_separable(const FloatSource& source, const FloatTarget& target, const AntialiasTable& x,
                      const AntialiasTable& y) {
    const int channels = source.channels;
    const bool horizontal = source.width != target.width;
    const bool vertical = source.height != target.height;
    // The width pass writes into a buffer (or straight into the target when it is the only pass).
    std::vector<float> buffer;
    FloatSource middle = source;
    if (horizontal) {
        FloatTarget into = target;
        if (vertical) {
            buffer.resize(static_cast<std::size_t>(source.height) * target.width * channels);
            into = FloatTarget{buffer.data(), static_cast<std::ptrdiff_t>(target.width) * channels * static_cast<std::ptrdiff_t>(sizeof(float)),
                               target.width, source.height, channels};
        }
        for (int row = 0; row < source.height; ++row) {
            const float* in = source.row(row);
            float* out = into.row(row);
            for (int dx = 0; dx < target.width; ++dx)
                for (int c = 0; c < channels; ++c) out[dx * channels + c] = aa_sum(in + c, channels, x, dx);
        }
        middle = FloatSource{into.data, into.stride_bytes, into.width, into.height, channels};
    }
    if (vertical) {
        const std::ptrdiff_t step = middle.stride_bytes / static_cast<std::ptrdiff_t>(sizeof(float));
        for (int dy = 0; dy < target.height; ++dy) {
            float* out = target.row(dy);
            for (int e = 0; e < target.width * channels; ++e) out[e] = aa_sum(middle.data + e, step, y, dy);
        }
    }
    if (!horizontal && !vertical) {
        const std::size_t bytes = static_cast<std::size_t>(source.row_elements()) * sizeof(float);
        for (int row = 0; row < source.height; ++row) std::memcpy(target.row(row), source.row(row), bytes);
    }
}

void resize_area(const FloatSource& source, const FloatTarget& target, const AreaWindows& x, const AreaWindows& y) {
    const int channels = source.channels;
    for (int dy = 0; dy < target.height; ++dy) {
        float* out = target.row(dy);
        const float kh = static_cast<float>(y.end[dy] - y.start[dy]);
        for (int dx = 0; dx < target.width; ++dx) {
            const float kw = static_cast<float>(x.end[dx] - x.start[dx]);
            for (int c = 0; c < channels; ++c) {
                float sum = 0.0f;
                for (int sy = y.start[dy]; sy < y.end[dy]; ++sy) {
                    const float* in = source.row(sy);
                    for (int sx = x.start[dx]; sx < x.end[dx]; ++sx) sum += in[sx * channels + c];
                }
                const float per_row = sum / kh;
                out[dx * channels + c] = per_row / kw;
            }
        }
    }
}

}  // namespace sd::pytorch
