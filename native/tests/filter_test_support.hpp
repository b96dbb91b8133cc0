// Shared by the selective filters' tests: running a filter on a test image, in place or into a
// fresh buffer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/image_ref.hpp"

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

}  // namespace sd_test
