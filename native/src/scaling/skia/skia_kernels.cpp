#include "scaling/skia/skia_kernels.hpp"

#include <algorithm>
#include <cmath>

namespace sd::skia {
namespace {

// The lowp q_mult: a rounding, saturating Q15 product (_mm_mulhrs_epi16 / vqrdmulh).
int q15_multiply(int a, int b) {
    const long long product = (static_cast<long long>(a) * b + (1 << 14)) >> 15;
    return static_cast<int>(std::clamp<long long>(product, -32768, 32767));
}

// One row's lerp between two 8-bit samples, in the stage's 15-bit scale (v << 7, written as a
// product: the difference may be negative).
int lerp_row(int left, int right, int lerp) {
    return (q15_multiply(lerp, (right - left) * 128) + (right + left) * 128 + 1) >> 1;
}

// One highp sample of a level at output (dx, dy), into sum[0..channels).
void sample_level(const LevelSampling& level, int dx, int dy, float* sum) {
    const int channels = level.image.channels;
    for (int c = 0; c < channels; ++c) sum[c] = 0.0f;
    for (int j = 0; j < level.y->taps; ++j) {
        const std::uint8_t* row = level.image.row(level.y->index(dy, j));
        const float wy = static_cast<float>(level.y->w(dy, j));
        for (int i = 0; i < level.x->taps; ++i) {
            const float scale = static_cast<float>(level.x->w(dx, i)) * wy;
            const std::uint8_t* pixel = row + static_cast<std::ptrdiff_t>(level.x->index(dx, i)) * channels;
            for (int c = 0; c < channels; ++c) sum[c] = sum[c] + scale * (static_cast<float>(pixel[c]) * (1 / 255.0f));
        }
    }
}

}  // namespace

void resize_mip_linear(const LevelSampling& upper, const LevelSampling* lower, float weight, const ByteTarget& target) {
    const int channels = target.channels;
    for (int dy = 0; dy < target.height; ++dy) {
        std::uint8_t* out = target.row(dy);
        for (int dx = 0; dx < target.width; ++dx) {
            float a[4], b[4];
            sample_level(upper, dx, dy, a);
            if (lower != nullptr) {
                sample_level(*lower, dx, dy, b);
                for (int c = 0; c < channels; ++c) a[c] = (b[c] - a[c]) * weight + a[c];
            }
            for (int c = 0; c < channels; ++c) {
                const float v = std::min(std::max(a[c], 0.0f), 1.0f);
                out[dx * channels + c] = static_cast<std::uint8_t>(std::nearbyint(v * 255.0f));
            }
        }
    }
}

void resize_gather(const ByteSource& source, const ByteTarget& target, const KernelTable& x, const KernelTable& y) {
    const int channels = source.channels;
    for (int dy = 0; dy < target.height; ++dy) {
        const std::uint8_t* in = source.row(y.index(dy, 0));
        std::uint8_t* out = target.row(dy);
        for (int dx = 0; dx < target.width; ++dx) {
            const std::uint8_t* pixel = in + static_cast<std::ptrdiff_t>(x.index(dx, 0)) * channels;
            std::copy(pixel, pixel + channels, out + static_cast<std::ptrdiff_t>(dx) * channels);
        }
    }
}

void resize_linear(const ByteSource& source, const ByteTarget& target, const LinearTable& x, const LinearTable& y) {
    const int channels = source.channels;
    for (int dy = 0; dy < target.height; ++dy) {
        const std::uint8_t* top = source.row(y.table.index(dy, 0));
        const std::uint8_t* bottom = source.row(y.table.index(dy, 1));
        const int lerp_y = y.lerp[static_cast<std::size_t>(dy)];
        std::uint8_t* out = target.row(dy);
        for (int dx = 0; dx < target.width; ++dx) {
            const std::ptrdiff_t left = static_cast<std::ptrdiff_t>(x.table.index(dx, 0)) * channels;
            const std::ptrdiff_t right = static_cast<std::ptrdiff_t>(x.table.index(dx, 1)) * channels;
            const int lerp_x = x.lerp[static_cast<std::size_t>(dx)];
            for (int c = 0; c < channels; ++c) {
                const int upper = lerp_row(top[left + c], top[right + c], lerp_x);
                const int lower = lerp_row(bottom[left + c], bottom[right + c], lerp_x);
                out[dx * channels + c] =
                    static_cast<std::uint8_t>((q15_multiply(lerp_y, lower - upper) + lower + upper + 128) >> 8);
            }
        }
    }
}

void resize_cubic(const ByteSource& source, const ByteTarget& target, const KernelTable& x, const KernelTable& y) {
    const int channels = source.channels;
    const bool has_alpha = channels == 4;
    for (int dy = 0; dy < target.height; ++dy) {
        std::uint8_t* out = target.row(dy);
        for (int dx = 0; dx < target.width; ++dx) {
            float sum[4] = {0.0f, 0.0f, 0.0f, 0.0f};
            for (int j = 0; j < 4; ++j) {
                const std::uint8_t* row = source.row(y.index(dy, j));
                const float wy = static_cast<float>(y.w(dy, j));
                for (int i = 0; i < 4; ++i) {
                    const float scale = static_cast<float>(x.w(dx, i)) * wy;
                    const std::uint8_t* pixel = row + static_cast<std::ptrdiff_t>(x.index(dx, i)) * channels;
                    for (int c = 0; c < channels; ++c) {
                        const float v = static_cast<float>(pixel[c]) * (1 / 255.0f);
                        sum[c] = sum[c] + scale * v;
                    }
                }
            }
            const float alpha = has_alpha ? std::min(std::max(sum[3], 0.0f), 1.0f) : 1.0f;
            for (int c = 0; c < channels; ++c) {
                const float limit = has_alpha && c < 3 ? alpha : 1.0f;
                const float v = has_alpha && c == 3 ? alpha : std::min(std::max(sum[c], 0.0f), limit);
                out[dx * channels + c] = static_cast<std::uint8_t>(std::nearbyint(v * 255.0f));
            }
        }
    }
}

}  // namespace sd::skia
