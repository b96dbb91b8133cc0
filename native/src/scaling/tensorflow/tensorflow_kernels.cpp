#include "scaling/tensorflow/tensorflow_kernels.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace sd::tensorflow {
namespace {

float weight_at(const AxisTable& t, int output, int tap) { return static_cast<float>(t.taps.w(output, tap)); }

const float* pixel(const F32Source& source, int row, int column) {
    return source.row(row) + static_cast<std::ptrdiff_t>(column) * source.channels;
}

}  // namespace

void resize_nearest(const F32Source& source, const F32Target& target, const AxisTable& x, const AxisTable& y) {
    const int channels = source.channels;
    for (int dy = 0; dy < target.height; ++dy) {
        float* out = target.row(dy);
        for (int dx = 0; dx < target.width; ++dx) {
            const float* in = pixel(source, y.taps.index(dy, 0), x.taps.index(dx, 0));
            std::copy(in, in + channels, out + static_cast<std::ptrdiff_t>(dx) * channels);
        }
    }
}

void resize_bilinear(const F32Source& source, const F32Target& target, const AxisTable& x, const AxisTable& y) {
    const int channels = source.channels;
    for (int dy = 0; dy < target.height; ++dy) {
        const float* top_row = source.row(y.taps.index(dy, 0));
        const float* bottom_row = source.row(y.taps.index(dy, 1));
        const float y_lerp = weight_at(y, dy, 1);
        float* out = target.row(dy);
        for (int dx = 0; dx < target.width; ++dx) {
            const std::ptrdiff_t left = static_cast<std::ptrdiff_t>(x.taps.index(dx, 0)) * channels;
            const std::ptrdiff_t right = static_cast<std::ptrdiff_t>(x.taps.index(dx, 1)) * channels;
            const float x_lerp = weight_at(x, dx, 1);
            for (int c = 0; c < channels; ++c) {
                const float top_left = top_row[left + c];
                const float top_right = top_row[right + c];
                const float bottom_left = bottom_row[left + c];
                const float bottom_right = bottom_row[right + c];
                const float top = top_left + (top_right - top_left) * x_lerp;
                const float bottom = bottom_left + (bottom_right - bottom_left) * x_lerp;
                out[dx * channels + c] = top + (bottom - top) * y_lerp;
            }
        }
    }
}

void resize_bicubic(const F32Source& source, const F32Target& target, const AxisTable& x, const AxisTable& y) {
    const int channels = source.channels;
    for (int dy = 0; dy < target.height; ++dy) {
        const float* rows[4];
        float wy[4];
        for (int k = 0; k < 4; ++k) {
            rows[k] = source.row(y.taps.index(dy, k));
            wy[k] = weight_at(y, dy, k);
        }
        float* out = target.row(dy);
        for (int dx = 0; dx < target.width; ++dx) {
            for (int c = 0; c < channels; ++c) {
                float column[4];
                for (int j = 0; j < 4; ++j) {
                    const std::ptrdiff_t at = static_cast<std::ptrdiff_t>(x.taps.index(dx, j)) * channels + c;
                    // Interpolate1D: v0*w0 + v1*w1 + v2*w2 + v3*w3, left to right.
                    column[j] = rows[0][at] * wy[0] + rows[1][at] * wy[1] + rows[2][at] * wy[2] + rows[3][at] * wy[3];
                }
                out[dx * channels + c] = column[0] * weight_at(x, dx, 0) + column[1] * weight_at(x, dx, 1) +
                                         column[2] * weight_at(x, dx, 2) + column[3] * weight_at(x, dx, 3);
            }
        }
    }
}

void resize_area(const F32Source& source, const F32Target& target, const AxisTable& x, const AxisTable& y, float scale) {
    const int channels = source.channels;
    for (int dy = 0; dy < target.height; ++dy) {
        float* out = target.row(dy);
        for (int dx = 0; dx < target.width; ++dx) {
            const int xs = x.count[dx];
            for (int c = 0; c < channels; ++c) {
                float sum = 0;
                for (int i = 0; i < y.count[dy]; ++i) {
                    const float* row = source.row(y.taps.index(dy, i));
                    // First tap times its coverage; interior taps have coverage exactly 1, so
                    // v * 1 equals TF's plain addition; last tap times its coverage.
                    float sum_y = row[static_cast<std::ptrdiff_t>(x.taps.index(dx, 0)) * channels + c] * weight_at(x, dx, 0);
                    for (int k = 1; k < xs; ++k)
                        sum_y += row[static_cast<std::ptrdiff_t>(x.taps.index(dx, k)) * channels + c] * weight_at(x, dx, k);
                    sum += sum_y * weight_at(y, dy, i);
                }
                out[dx * channels + c] = sum * scale;
            }
        }
    }
}

void resize_spans(const F32Source& source, const F32Target& target, const AxisTable& x, const AxisTable& y) {
    const int channels = source.channels;
    const std::size_t row_size = static_cast<std::size_t>(source.width) * channels;
    std::vector<float> intermediate(row_size * target.height, 0.0f);
    // GatherRows: AddScaledVector adds weight * value to every element of the row.
    for (int dy = 0; dy < target.height; ++dy) {
        float* out = intermediate.data() + row_size * dy;
        for (int k = 0; k < y.count[dy]; ++k) {
            const float* in = source.row(y.taps.index(dy, k));
            const float w = weight_at(y, dy, k);
            for (std::size_t e = 0; e < row_size; ++e) out[e] += w * in[e];
        }
    }
    // GatherColumns.
    for (int dy = 0; dy < target.height; ++dy) {
        const float* in = intermediate.data() + row_size * dy;
        float* out = target.row(dy);
        for (int dx = 0; dx < target.width; ++dx) {
            float* pix = out + static_cast<std::ptrdiff_t>(dx) * channels;
            std::fill(pix, pix + channels, 0.0f);
            for (int k = 0; k < x.count[dx]; ++k) {
                const float w = weight_at(x, dx, k);
                const float* in_pix = in + static_cast<std::ptrdiff_t>(x.taps.index(dx, k)) * channels;
                for (int c = 0; c < channels; ++c) pix[c] += w * in_pix[c];
            }
        }
    }
}

}  // namespace sd::tensorflow
