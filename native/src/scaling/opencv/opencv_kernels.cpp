#include "scaling/opencv/opencv_kernels.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace sd::opencv {
namespace {

template <typename T>
void copy_rows(const ImageRef<const T>& source, const ImageRef<T>& target) {
    const std::size_t bytes = static_cast<std::size_t>(source.row_elements()) * sizeof(T);
    for (int y = 0; y < source.height; ++y) std::memcpy(target.row(y), source.row(y), bytes);
}

template <typename T>
void gather_nearest(const ImageRef<const T>& source, const ImageRef<T>& target, const KernelTable& x,
                    const KernelTable& y) {
    const int channels = source.channels;
    for (int dy = 0; dy < target.height; ++dy) {
        const T* in = source.row(y.index(dy, 0));
        T* out = target.row(dy);
        for (int dx = 0; dx < target.width; ++dx) {
            const T* pixel = in + static_cast<std::ptrdiff_t>(x.index(dx, 0)) * channels;
            for (int c = 0; c < channels; ++c) out[dx * channels + c] = pixel[c];
        }
    }
}

// Horizontal pass of one source row into `h` (target.width * channels values). The channel
// count is a template parameter so the per-pixel loop unrolls; the arithmetic is unchanged.
template <int Channels, typename Acc, typename T, typename Weight>
void horizontal_linear_fixed(const T* row, const KernelTable& x, Weight weight_of, Acc* h) {
    const std::int32_t* taps = x.source.data();
    for (int dx = 0; dx < x.outputs; ++dx) {
        const T* p0 = row + static_cast<std::ptrdiff_t>(taps[2 * dx]) * Channels;
        const T* p1 = row + static_cast<std::ptrdiff_t>(taps[2 * dx + 1]) * Channels;
        const Acc w0 = weight_of(dx, 0);
        const Acc w1 = weight_of(dx, 1);
        for (int c = 0; c < Channels; ++c) {
            const Acc a = static_cast<Acc>(p0[c]) * w0;  // two statements: no fused multiply-add
            const Acc b = static_cast<Acc>(p1[c]) * w1;
            h[dx * Channels + c] = a + b;
        }
    }
}

template <typename Acc, typename T, typename Weight>
void horizontal_linear(const T* row, int channels, const KernelTable& x, Weight weight_of, Acc* h) {
    switch (channels) {
        case 1: horizontal_linear_fixed<1>(row, x, weight_of, h); return;
        case 2: horizontal_linear_fixed<2>(row, x, weight_of, h); return;
        case 3: horizontal_linear_fixed<3>(row, x, weight_of, h); return;
        default: horizontal_linear_fixed<4>(row, x, weight_of, h); return;
    }
}

// Keeps the horizontally resampled rows the vertical pass needs; each source row is
// resampled once because the rows of consecutive outputs are non-decreasing.
template <typename Acc, typename Resample>
class RowCache {
public:
    RowCache(std::size_t length, Resample resample)
        : resample_(resample), rows_{std::vector<Acc>(length), std::vector<Acc>(length)} {}

    const Acc* get(int source_row) {
        for (int slot = 0; slot < 2; ++slot)
            if (ids_[slot] == source_row) return rows_[slot].data();
        const int slot = next_;
        next_ ^= 1;
        ids_[slot] = source_row;
        resample_(source_row, rows_[slot].data());
        return rows_[slot].data();
    }

private:
    Resample resample_;
    std::vector<Acc> rows_[2];
    int ids_[2] = {-1, -1};
    int next_ = 0;
};

template <typename Acc, typename Resample>
RowCache<Acc, Resample> make_cache(std::size_t length, Resample resample) {
    return RowCache<Acc, Resample>(length, resample);
}

}  // namespace

void copy_image(const U8Source& source, const U8Target& target) { copy_rows(source, target); }
void copy_image(const F32Source& source, const F32Target& target) { copy_rows(source, target); }

void resize_nearest(const F32Source& source, const F32Target& target, const KernelTable& x, const KernelTable& y) {
    gather_nearest(source, target, x, y);
}

void resize_linear(const F32Source& source, const F32Target& target, const KernelTable& x, const KernelTable& y) {
    const int channels = source.channels;
    const auto weight = [&x](int d, int k) { return static_cast<float>(x.w(d, k)); };
    auto cache = make_cache<float>(
        static_cast<std::size_t>(target.row_elements()),
        [&](int r, float* h) { horizontal_linear<float>(source.row(r), channels, x, weight, h); });
    const int n = target.row_elements();
    for (int dy = 0; dy < target.height; ++dy) {
        const float* h0 = cache.get(y.index(dy, 0));
        const float* h1 = cache.get(y.index(dy, 1));
        const float v0 = static_cast<float>(y.w(dy, 0));
        const float v1 = static_cast<float>(y.w(dy, 1));
        float* out = target.row(dy);
        for (int e = 0; e < n; ++e) {
            const float a = h0[e] * v0;
            const float b = h1[e] * v1;
            out[e] = a + b;
        }
    }
}

void resize_area_2x2(const U8Source& source, const U8Target& target) {
    const int channels = source.channels;
    // Channels 1, 3, 4 take a vector path that rounds half up; others round half to even.
    const bool half_up = channels != 2;
    for (int dy = 0; dy < target.height; ++dy) {
        const std::uint8_t* r0 = source.row(2 * dy);
        const std::uint8_t* r1 = source.row(2 * dy + 1);
        std::uint8_t* out = target.row(dy);
        for (int dx = 0; dx < target.width; ++dx) {
            for (int c = 0; c < channels; ++c) {
                const int a = (2 * dx) * channels + c;
                const int b = a + channels;
                const int sum = r0[a] + r0[b] + r1[a] + r1[b];
                out[dx * channels + c] = static_cast<std::uint8_t>(
                    half_up ? (sum + 2) >> 2 : static_cast<int>(std::nearbyint(static_cast<float>(sum) * 0.25f)));
            }
        }
    }
}

void resize_area_2x2(const F32Source& source, const F32Target& target) {
    const int channels = source.channels;
    // The vector path (1 channel: whole groups of 4 outputs; 4 channels: every pixel) adds the
    // two row pairs first; the scalar remainder adds the four values in row-major order.
    const int vector_columns = channels == 1 ? (target.width / 4) * 4 : channels == 4 ? target.width : 0;
    for (int dy = 0; dy < target.height; ++dy) {
        const float* r0 = source.row(2 * dy);
        const float* r1 = source.row(2 * dy + 1);
        float* out = target.row(dy);
        for (int dx = 0; dx < target.width; ++dx) {
            for (int c = 0; c < channels; ++c) {
                const int a = (2 * dx) * channels + c;
                const int b = a + channels;
                float sum;
                if (dx < vector_columns) {
                    const float top = r0[a] + r0[b];
                    const float bottom = r1[a] + r1[b];
                    sum = top + bottom;
                } else {
                    sum = ((r0[a] + r0[b]) + r1[a]) + r1[b];
                }
                out[dx * channels + c] = sum * 0.25f;
            }
        }
    }
}

}  // namespace sd::opencv
