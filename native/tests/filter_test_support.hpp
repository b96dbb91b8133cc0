// Shared by the selective filters' tests: running a filter on a test image, in place or into a
// fresh buffer, and what a filter that leaves the pixels outside P must give there.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/image_ref.hpp"
#include "defense/considered_pixels.hpp"

namespace sd_test {

// `filter(source, target)` on a copy of `pixels` (height rows of `stride` bytes): in place, or
// into a buffer of 0xA5 whose row padding is then put back (it is not the filter's to write).
// Returns the image and sets `rewritten` to the filter's count.
template <class Filter>
std::vector<std::uint8_t> run_filter(const std::vector<std::uint8_t>& pixels, int width, int height, int channels,
                                     std::ptrdiff_t stride, bool in_place, std::int64_t& rewritten, Filter filter) {
    std::vector<std::uint8_t> out = in_place ? pixels : std::vector<std::uint8_t>(pixels.size(), 0xA5);
    const sd::ImageRef<const std::uint8_t> source{in_place ? out.data() : pixels.data(), stride, width, height, channels};
    const sd::ImageRef<std::uint8_t> target{out.data(), stride, width, height, channels};
    rewritten = filter(source, target);
    if (!in_place)
        for (int y = 0; y < height; ++y)
            for (std::ptrdiff_t i = static_cast<std::ptrdiff_t>(width) * channels; i < stride; ++i) out[y * stride + i] = pixels[y * stride + i];
    return out;
}

// run_filter's out-of-place result for a filter told to leave the pixels outside P (OtherPixels::
// Leave), from the whole rebuilt image: its pixels of P, 0xA5 elsewhere; the source as it is when P
// is the whole image (nothing is rebuilt, so the source is copied).
inline std::vector<std::uint8_t> only_p_written(const std::vector<std::uint8_t>& rebuilt, const std::vector<std::uint8_t>& pixels,
                                                const sd::ConsideredPixels& p, int width, int height, int channels,
                                                std::ptrdiff_t stride) {
    if (p.covers_image()) return pixels;
    std::vector<std::uint8_t> out = pixels;  // row padding as run_filter puts it back
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < channels; ++c) {
                const std::size_t at = static_cast<std::size_t>(y * stride + x * channels + c);
                out[at] = p.contains(y, x) ? rebuilt[at] : 0xA5;
            }
    return out;
}

}  // namespace sd_test
