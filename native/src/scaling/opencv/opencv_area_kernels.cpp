#include "scaling/opencv/opencv_area_kernels.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace sd::opencv {
namespace {

std::uint8_t to_u8(float v) {
    // saturate_cast<uchar>(float): round half to even, then clamp.
    return static_cast<std::uint8_t>(std::clamp(std::nearbyint(v), 0.0f, 255.0f));
}

template <typename T>
void area_table(const ImageRef<const T>& source, const ImageRef<T>& target, const KernelTable& x,
                const KernelTable& y) {
    const int channels = source.channels;
    const int n = target.row_elements();
    std::vector<float> buffer(n);
    std::vector<float> sum(n);
    for (int dy = 0; dy < target.height; ++dy) {
        std::fill(sum.begin(), sum.end(), 0.0f);
        for (int j = 0; j < y.taps; ++j) {
            const float beta = static_cast<float>(y.w(dy, j));
            if (beta == 0.0f) continue;  // padding
            const T* row = source.row(y.index(dy, j));
            std::fill(buffer.begin(), buffer.end(), 0.0f);
            for (int dx = 0; dx < x.outputs; ++dx) {
                for (int k = 0; k < x.taps; ++k) {
                    const float alpha = static_cast<float>(x.w(dx, k));
                    if (alpha == 0.0f) continue;
                    const T* pixel = row + static_cast<std::ptrdiff_t>(x.index(dx, k)) * channels;
                    for (int c = 0; c < channels; ++c) {
                        const float product = static_cast<float>(pixel[c]) * alpha;
                        buffer[dx * channels + c] = buffer[dx * channels + c] + product;
                    }
                }
            }
            for (int e = 0; e < n; ++e) {
                const float product = beta * buffer[e];
                sum[e] = sum[e] + product;
            }
        }
        T* out = target.row(dy);
        for (int e = 0; e < n; ++e) {
            if constexpr (std::is_same_v<T, std::uint8_t>)
                out[e] = to_u8(sum[e]);
            else
                out[e] = sum[e];
        }
    }
}

}  // namespace

void resize_area_block(const U8Source& source, const U8Target& target, int kx, int ky) {
    const int channels = source.channels;
    const float scale = 1.0f / static_cast<float>(kx * ky);
    for (int dy = 0; dy < target.height; ++dy) {
        std::uint8_t* out = target.row(dy);
        for (int dx = 0; dx < target.width; ++dx) {
            for (int c = 0; c < channels; ++c) {
                int sum = 0;
                for (int sy = 0; sy < ky; ++sy) {
                    const std::uint8_t* row = source.row(dy * ky + sy) + static_cast<std::ptrdiff_t>(dx * kx) * channels;
                    for (int sx = 0; sx < kx; ++sx) sum += row[sx * channels + c];
                }
                out[dx * channels + c] = to_u8(static_cast<float>(sum) * scale);
            }
        }
    }
}

void resize_area_block(const F32Source& source, const F32Target& target, int kx, int ky) {
    const int channels = source.channels;
    const int area = kx * ky;
    const float scale = 1.0f / static_cast<float>(area);
    std::vector<float> block(area);
    for (int dy = 0; dy < target.height; ++dy) {
        float* out = target.row(dy);
        for (int dx = 0; dx < target.width; ++dx) {
            for (int c = 0; c < channels; ++c) {
                for (int sy = 0; sy < ky; ++sy) {
                    const float* row = source.row(dy * ky + sy) + static_cast<std::ptrdiff_t>(dx * kx) * channels;
                    for (int sx = 0; sx < kx; ++sx) block[sy * kx + sx] = row[sx * channels + c];
                }
                // The unrolled loop adds four block values among themselves before the sum.
                float sum = 0.0f;
                int k = 0;
                for (; k + 4 <= area; k += 4) {
                    const float group = ((block[k] + block[k + 1]) + block[k + 2]) + block[k + 3];
                    sum = sum + group;
                }
                for (; k < area; ++k) sum = sum + block[k];
                out[dx * channels + c] = sum * scale;
            }
        }
    }
}

void resize_area_table(const F32Source& source, const F32Target& target, const KernelTable& x,
                       const KernelTable& y) {
    area_table(source, target, x, y);
}

}  // namespace sd::opencv
