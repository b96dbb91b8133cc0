// The paper's image reconstruction (section 4.3, Appendix B): every pixel of P is rebuilt from
// the pixels of a window around it that are not in P; all other pixels stay as they are.
#pragma once

#include <cstdint>

#include "core/image_ref.hpp"
#include "defense/considered_pixels.hpp"
#include "defense/filter_window.hpp"
#include "defense/other_pixels.hpp"

namespace sd {

// Per channel, the lower median (the ((n - 1) / 2)-th smallest) of the window's pixels outside P.
// target may alias source exactly (in place). Returns the number of pixels rewritten.
// Rows of P are split into `threads` contiguous bands (never between the two rows of a pair);
// the result does not depend on the thread count.
std::int64_t selective_median_filter(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target,
                                     const ConsideredPixels& p, WindowKind window, int threads = 1,
                                     OtherPixels other = OtherPixels::Copy);

// All channels from one uniformly drawn pixel of the window outside P. Pixels are visited row by
// row, left to right; each draw takes a row offset, then a column offset, and is redrawn while it
// lands in P. target may alias source exactly.
std::int64_t selective_random_filter(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target,
                                     const ConsideredPixels& p, WindowKind window, std::uint64_t seed,
                                     OtherPixels other = OtherPixels::Copy);

}  // namespace sd
