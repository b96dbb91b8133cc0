// Which bytes of an interleaved row lie in a column outside P, as a bitset (bit x * channels + c):
// the masks with which the AVX-512 median kernels load a row of P without reading P's pixels.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "defense/considered_pixels.hpp"

namespace sd::median_detail {

class OutsideColumnBits {
public:
    OutsideColumnBits() = default;
    OutsideColumnBits(const ConsideredPixels& p, int width, int channels) {
        bits_.assign(static_cast<std::size_t>(width) * channels / 64 + 2, 0);  // a spare word for from()
        for (int x = 0; x < width; ++x)
            if (!p.column_in_p[x])
                for (int c = 0; c < channels; ++c) {
                    const std::size_t bit = static_cast<std::size_t>(x) * channels + c;
                    bits_[bit / 64] |= std::uint64_t{1} << (bit % 64);
                }
    }

    // The 64 bits from `bit` on (bit < width * channels).
    std::uint64_t from(std::size_t bit) const {
        const std::size_t w = bit / 64, s = bit % 64;
        const std::uint64_t low = bits_[w] >> s;
        return s == 0 ? low : low | bits_[w + 1] << (64 - s);
    }

private:
    std::vector<std::uint64_t> bits_;
};

}  // namespace sd::median_detail
