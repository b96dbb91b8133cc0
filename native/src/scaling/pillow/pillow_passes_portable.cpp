// The 8-bit passes in plain C++: Pillow's loops with the channel count known at compile time and
// the vertical sums kept per sample of a row, a shape compilers vectorise for any target.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "scaling/pillow/pillow_passes.hpp"

namespace sd::pillow::passes {
namespace {

constexpr std::int32_t kHalf = 1 << (kPrecisionBits - 1);

// Resample.c: clip8 (arithmetic shift, so floor below zero too).
std::uint8_t clip8(std::int32_t sum) {
    const std::int32_t v = sum >> kPrecisionBits;
    return static_cast<std::uint8_t>(v < 0 ? 0 : (v > 255 ? 255 : v));
}

template <int Channels>
void horizontal_rows(const ImageRef<const std::uint8_t>& in, const ImageRef<std::uint8_t>& out, int row_offset,
                     const AxisTable& x) {
    for (int yy = 0; yy < out.height; ++yy) {
        const std::uint8_t* row = in.row(yy + row_offset);
        std::uint8_t* dst = out.row(yy);
        for (int xx = 0; xx < out.width; ++xx) {
            const std::uint8_t* p = row + static_cast<std::ptrdiff_t>(x.table.index(xx, 0)) * Channels;
            const std::int32_t* k = &x.table.fixed[x.table.at(xx, 0)];
            const int count = x.count[static_cast<std::size_t>(xx)];
            std::int32_t sum[Channels];
            for (int c = 0; c < Channels; ++c) sum[c] = kHalf;
            for (int t = 0; t < count; ++t, p += Channels)
                for (int c = 0; c < Channels; ++c) sum[c] += static_cast<std::int32_t>(p[c]) * k[t];
            for (int c = 0; c < Channels; ++c) dst[xx * Channels + c] = clip8(sum[c]);
        }
    }
}

}  // namespace

void horizontal_portable(const ImageRef<const std::uint8_t>& in, const ImageRef<std::uint8_t>& out, int row_offset,
                         const AxisTable& x) {
    switch (in.channels) {
        case 1: horizontal_rows<1>(in, out, row_offset, x); break;
        case 2: horizontal_rows<2>(in, out, row_offset, x); break;
        case 3: horizontal_rows<3>(in, out, row_offset, x); break;
        default: horizontal_rows<4>(in, out, row_offset, x); break;
    }
}

void vertical_portable(const ImageRef<const std::uint8_t>& in, const ImageRef<std::uint8_t>& out, int row_offset,
                       const AxisTable& y) {
    const std::size_t n = static_cast<std::size_t>(out.row_elements());
    std::vector<std::int32_t> sums(n);
    for (int yy = 0; yy < out.height; ++yy) {
        const int start = y.table.index(yy, 0) - row_offset;
        const std::int32_t* k = &y.table.fixed[y.table.at(yy, 0)];
        const int count = y.count[static_cast<std::size_t>(yy)];
        for (std::size_t e = 0; e < n; ++e) sums[e] = kHalf;
        for (int t = 0; t < count; ++t) {
            const std::uint8_t* p = in.row(start + t);
            const std::int32_t kt = k[t];
            for (std::size_t e = 0; e < n; ++e) sums[e] += static_cast<std::int32_t>(p[e]) * kt;
        }
        std::uint8_t* dst = out.row(yy);
        for (std::size_t e = 0; e < n; ++e) dst[e] = clip8(sums[e]);
    }
}

}  // namespace sd::pillow::passes
