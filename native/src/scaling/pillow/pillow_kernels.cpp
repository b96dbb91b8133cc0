#include "scaling/pillow/pillow_kernels.hpp"

#include <cstddef>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "core/cpu_features.hpp"
#include "scaling/pillow/pillow_passes.hpp"

namespace sd::pillow {
namespace {

// Mode "F": the float sample widened to double, times the double weight, summed in double.
struct FloatArithmetic {
    using Sample = float;
    using Sum = double;
    static Sum start() { return 0.0; }
    static Sum term(Sample p, const KernelTable& t, std::size_t at) { return static_cast<double>(p) * t.weight[at]; }
    static Sample finish(Sum s) { return static_cast<float>(s); }
};

// A plain row-major buffer standing in for Pillow's intermediate image. Left uninitialised:
// the horizontal pass writes every sample before the vertical pass reads it.
template <typename T>
struct Plane {
    std::unique_ptr<T[]> data;
    ImageRef<T> ref;
    Plane(int width, int height, int channels)
        : data(new T[static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * static_cast<std::size_t>(channels)]) {
        ref = ImageRef<T>{data.get(), static_cast<std::ptrdiff_t>(width) * channels * static_cast<std::ptrdiff_t>(sizeof(T)),
                          width, height, channels};
    }
};

template <typename T>
ImageRef<const T> as_const(const ImageRef<T>& r) {
    return ImageRef<const T>{r.data, r.stride_bytes, r.width, r.height, r.channels};
}

// Source rows [row_offset, row_offset + out.height) resampled along x into out.
template <typename A>
void horizontal(const ImageRef<const typename A::Sample>& in, const ImageRef<typename A::Sample>& out, int row_offset,
                const AxisTable& x) {
    const int channels = in.channels;
    for (int yy = 0; yy < out.height; ++yy) {
        const auto* row = in.row(yy + row_offset);
        auto* dst = out.row(yy);
        for (int xx = 0; xx < out.width; ++xx) {
            const int start = x.table.index(xx, 0);
            const int count = x.count[static_cast<std::size_t>(xx)];
            for (int c = 0; c < channels; ++c) {
                typename A::Sum ss = A::start();
                for (int k = 0; k < count; ++k)
                    ss += A::term(row[static_cast<std::ptrdiff_t>(start + k) * channels + c], x.table, x.table.at(xx, k));
                dst[xx * channels + c] = A::finish(ss);
            }
        }
    }
}

// Resampled along y; source row indices are shifted down by row_offset.
template <typename A>
void vertical(const ImageRef<const typename A::Sample>& in, const ImageRef<typename A::Sample>& out, int row_offset,
              const AxisTable& y) {
    const int n = out.row_elements();
    for (int yy = 0; yy < out.height; ++yy) {
        const int start = y.table.index(yy, 0) - row_offset;
        const int count = y.count[static_cast<std::size_t>(yy)];
        auto* dst = out.row(yy);
        for (int e = 0; e < n; ++e) {
            typename A::Sum ss = A::start();
            for (int k = 0; k < count; ++k) ss += A::term(in.row(start + k)[e], y.table, y.table.at(yy, k));
            dst[e] = A::finish(ss);
        }
    }
}

template <typename T>
void copy_rows(const ImageRef<const T>& source, const ImageRef<T>& target) {
    const std::size_t bytes = static_cast<std::size_t>(source.row_elements()) * sizeof(T);
    for (int y = 0; y < source.height; ++y) std::memcpy(target.row(y), source.row(y), bytes);
}

// Resample.c: ImagingResampleInner. The horizontal pass covers only the source rows the
// vertical kernels read, [first row of output 0, end of the last output's window).
template <typename T, typename Horizontal, typename Vertical>
void resample_inner(const ImageRef<const T>& source, const ImageRef<T>& target, const AxisTable& x, const AxisTable& y,
                    Horizontal horizontal_pass, Vertical vertical_pass) {
    if (!x.needed && !y.needed) {
        copy_rows(source, target);
        return;
    }
    if (!x.needed) {
        vertical_pass(source, target, 0, y);
        return;
    }
    if (!y.needed) {
        horizontal_pass(source, target, 0, x);
        return;
    }
    const int last = target.height - 1;
    const int first_row = y.table.index(0, 0);
    const int end_row = y.table.index(last, 0) + y.count[static_cast<std::size_t>(last)];
    Plane<T> temp(target.width, end_row - first_row, source.channels);
    horizontal_pass(source, temp.ref, first_row, x);
    vertical_pass(as_const(temp.ref), target, first_row, y);
}

bool avx2_supported() {
#ifdef SD_PILLOW_HAS_AVX2
    return cpu::has_avx2();
#else
    return false;
#endif
}

template <typename T>
void gather(const ImageRef<const T>& source, const ImageRef<T>& target, const AxisTable& x, const AxisTable& y) {
    const int channels = source.channels;
    for (int dy = 0; dy < target.height; ++dy) {
        T* out = target.row(dy);
        const bool row_inside = y.count[static_cast<std::size_t>(dy)] > 0;
        const T* in = source.row(y.table.index(dy, 0));
        for (int dx = 0; dx < target.width; ++dx) {
            const bool inside = row_inside && x.count[static_cast<std::size_t>(dx)] > 0;
            const T* pixel = in + static_cast<std::ptrdiff_t>(x.table.index(dx, 0)) * channels;
            for (int c = 0; c < channels; ++c) out[dx * channels + c] = inside ? pixel[c] : T(0);
        }
    }
}

}  // namespace

bool passes::avx2_available() { return avx2_supported(); }

void passes::resample(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target,
                      const AxisTable& x, const AxisTable& y, Path path) {
    if (path == Path::Auto) path = avx2_supported() ? Path::Avx2 : Path::Portable;
    if (path == Path::Avx2 && !avx2_supported()) throw std::invalid_argument("this CPU has no AVX2");
#ifdef SD_PILLOW_HAS_AVX2
    if (path == Path::Avx2) {
        resample_inner(source, target, x, y, passes::horizontal_avx2, passes::vertical_avx2);
        return;
    }
#endif
    resample_inner(source, target, x, y, passes::horizontal_portable, passes::vertical_portable);
}

void resample(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target, const AxisTable& x,
              const AxisTable& y) {
    passes::resample(source, target, x, y, passes::Path::Auto);
}

void resample(const ImageRef<const float>& source, const ImageRef<float>& target, const AxisTable& x,
              const AxisTable& y) {
    resample_inner(source, target, x, y, horizontal<FloatArithmetic>, vertical<FloatArithmetic>);
}

void gather_nearest(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target,
                    const AxisTable& x, const AxisTable& y) {
    gather(source, target, x, y);
}

void gather_nearest(const ImageRef<const float>& source, const ImageRef<float>& target, const AxisTable& x,
                    const AxisTable& y) {
    gather(source, target, x, y);
}

}  // namespace sd::pillow
