#include "detect/reconstruction_difference.hpp"

#include <cmath>
#include <cstddef>
#include <vector>

#include "defense/selective_filters.hpp"

namespace sd {
namespace {

template <typename T>
ImageRef<T> packed(std::vector<T>& buffer, int width, int height, int channels) {
    return {buffer.data(), static_cast<std::ptrdiff_t>(width) * channels * static_cast<std::ptrdiff_t>(sizeof(T)), width,
            height, channels};
}

// Sum of squared differences, accumulated row by row in the order the managed twin uses.
template <typename T>
double squared_difference(const std::vector<T>& a, const std::vector<T>& b) {
    double sum = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double d = static_cast<double>(a[i]) - static_cast<double>(b[i]);
        sum += d * d;
    }
    return sum;
}

}  // namespace

double reconstruction_difference(const ScalingModel& model, const ConsideredPixels& p,
                                 const ImageRef<const std::uint8_t>& source, ReconstructionFilter filter,
                                 WindowKind window, std::uint64_t seed, int threads) {
    const int w = source.width;
    const int h = source.height;
    const int c = source.channels;
    std::vector<std::uint8_t> rebuilt(static_cast<std::size_t>(w) * h * c);
    const ImageRef<std::uint8_t> rebuilt_ref = packed(rebuilt, w, h, c);
    const std::int64_t rewritten = filter != ReconstructionFilter::Random
                                       ? selective_median_filter(source, rebuilt_ref, p, window, threads)
                                       : selective_random_filter(source, rebuilt_ref, p, window, seed);
    if (rewritten == 0) return 0.0;

    const Size target = model.params().target;
    const std::size_t outputs = static_cast<std::size_t>(target.width) * target.height * c;
    const ImageRef<const std::uint8_t> rebuilt_in{rebuilt.data(), rebuilt_ref.stride_bytes, w, h, c};
    double sum;
    if (model.supports(SampleType::UInt8)) {
        std::vector<std::uint8_t> plain(outputs), defended(outputs);
        model.scale(source, packed(plain, target.width, target.height, c));
        model.scale(rebuilt_in, packed(defended, target.width, target.height, c));
        sum = squared_difference(plain, defended);
    } else {
        std::vector<float> from(static_cast<std::size_t>(w) * h * c), from_rebuilt(from.size());
        for (int y = 0; y < h; ++y) {
            const std::uint8_t* row = source.row(y);
            for (int i = 0; i < w * c; ++i) {
                from[static_cast<std::size_t>(y) * w * c + i] = row[i];
                from_rebuilt[static_cast<std::size_t>(y) * w * c + i] = rebuilt[static_cast<std::size_t>(y) * w * c + i];
            }
        }
        std::vector<float> plain(outputs), defended(outputs);
        const ImageRef<const float> a{from.data(), static_cast<std::ptrdiff_t>(w) * c * 4, w, h, c};
        const ImageRef<const float> b{from_rebuilt.data(), a.stride_bytes, w, h, c};
        model.scale(a, packed(plain, target.width, target.height, c));
        model.scale(b, packed(defended, target.width, target.height, c));
        sum = squared_difference(plain, defended);
    }
    return std::sqrt(sum / static_cast<double>(outputs));
}

}  // namespace sd
