#include "scaling/opencv/opencv_ipp_cubic.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sd::opencv {
namespace {

// Keys' cubic with a = −0.75 (IPP's B = 0, C = 0.75), in double.
double keys(double x) {
    constexpr double a = -0.75;
    x = std::fabs(x);
    if (x < 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
    if (x < 2) return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
    return 0;
}

// One float32 row of horizontally resampled samples per source row; a window of four rows that
// only moves down, so each source row is resampled once.
template <typename Pixel>
class IppRows {
public:
    IppRows(const ImageRef<const Pixel>& source, const KernelTable& x, std::size_t length)
        : source_(source), x_(x), rows_(4, std::vector<float>(length)), ids_(4, -1) {}

    const float* get(int r) {
        const std::size_t slot = static_cast<std::size_t>(r) % 4;
        if (ids_[slot] != r) {
            ids_[slot] = r;
            resample(source_.row(r), rows_[slot].data());
        }
        return rows_[slot].data();
    }

private:
    void resample(const Pixel* row, float* h) const {
        const int channels = source_.channels;
        const int vector_end = x_.outputs / 4 * 4;  // 1 and 4 channels: whole groups of four outputs
        for (int d = 0; d < x_.outputs; ++d) {
            float w[4];
            for (int k = 0; k < 4; ++k) w[k] = static_cast<float>(x_.w(d, k));
            for (int c = 0; c < channels; ++c) {
                float p[4];
                for (int k = 0; k < 4; ++k) p[k] = static_cast<float>(row[x_.index(d, k) * channels + c]);
                const float t0 = w[0] * p[0];
                const float t1 = w[1] * p[1];
                const float t2 = w[2] * p[2];
                const float t3 = w[3] * p[3];
                float sum;
                if (channels == 1) {
                    const float left = t0 + t1;
                    if (d < vector_end) {
                        const float right = t2 + t3;
                        sum = left + right;
                    } else {
                        const float three = left + t2;
                        sum = three + t3;
                    }
                } else if (channels == 4) {
                    if (d < vector_end) {
                        sum = std::fma(w[2], p[2], t0) + std::fma(w[3], p[3], t1);
                    } else {
                        const float even = t0 + t2;
                        const float odd = t1 + t3;
                        sum = even + odd;
                    }
                } else {
                    sum = std::fma(w[3], p[3], std::fma(w[2], p[2], std::fma(w[1], p[1], t0)));
                }
                h[d * channels + c] = sum;
            }
        }
    }

    ImageRef<const Pixel> source_;
    const KernelTable& x_;
    std::vector<std::vector<float>> rows_;
    std::vector<int> ids_;
};

template <typename Pixel, typename Store>
void resize(const ImageRef<const Pixel>& source, const ImageRef<Pixel>& target, const KernelTable& x,
            const KernelTable& y, Store store) {
    const int n = target.row_elements();
    IppRows<Pixel> rows(source, x, static_cast<std::size_t>(n));
    for (int dy = 0; dy < target.height; ++dy) {
        const float* h[4];
        float v[4];
        for (int k = 0; k < 4; ++k) {
            h[k] = rows.get(y.index(dy, k));
            v[k] = static_cast<float>(y.w(dy, k));
        }
        Pixel* out = target.row(dy);
        for (int e = 0; e < n; ++e) {
            const float top = std::fma(v[0], h[0][e], v[1] * h[1][e]);
            const float bottom = std::fma(v[2], h[2][e], v[3] * h[3][e]);
            out[e] = store(top + bottom);
        }
    }
}

}  // namespace

bool ipp_takes_cubic(int source_width, int source_height) { return source_width >= 4 && source_height >= 4; }

bool ipp_takes_channels(int channels) { return channels == 1 || channels == 3 || channels == 4; }

KernelTable ipp_cubic_table(int inputs, int outputs) {
    KernelTable table(outputs, inputs, 4);
    const double s = static_cast<double>(inputs) / outputs;
    for (int d = 0; d < outputs; ++d) {
        const double x = (d + 0.5) * s - 0.5;
        const double i = std::floor(x);
        // The fraction in float32, then 1 + t in float32: two roundings (the second to 2^-23,
        // ties to even), which is what makes IPP's weights differ from fl32(Keys(t)).
        const float fraction = static_cast<float>(x - i);
        const float u = fraction + 1.0f;
        const double t = static_cast<double>(u - 1.0f);
        const double at[4] = {t + 1, t, 1 - t, 2 - t};
        for (int k = 0; k < 4; ++k) {
            const double index = std::clamp(i - 1 + k, 0.0, static_cast<double>(inputs - 1));
            table.source[table.at(d, k)] = static_cast<std::int32_t>(index);
            table.weight[table.at(d, k)] = static_cast<double>(static_cast<float>(keys(at[k])));
        }
    }
    return table;
}

void resize_ipp_cubic(const F32Source& source, const F32Target& target, const KernelTable& x, const KernelTable& y) {
    resize(source, target, x, y, [](float r) { return r; });
}

}  // namespace sd::opencv
