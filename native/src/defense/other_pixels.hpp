// What an out-of-place filter does with the target's pixels outside the rebuilt set.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "core/image_ref.hpp"
#include "defense/considered_pixels.hpp"

namespace sd {

// Copy: the target becomes the whole rebuilt image. Leave: only the set's pixels are written and
// every other target byte stays as it was; for a scratch image that a scaler reading only the set
// consumes, this saves a copy of the image. In place, both are the same.
enum class OtherPixels { Copy, Leave };

// Run by a filter before it writes the set's pixels. When the set is the whole image nothing can
// be rebuilt, and the target gets the source either way: the set's pixels are always written.
inline void copy_other_pixels(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target,
                              const ConsideredPixels& set, OtherPixels other) {
    if (static_cast<const void*>(source.data) == static_cast<const void*>(target.data)) return;  // in place
    if (other == OtherPixels::Leave && !set.covers_image()) return;
    const std::size_t bytes = static_cast<std::size_t>(source.row_elements());
    for (int y = 0; y < source.height; ++y) std::memcpy(target.row(y), source.row(y), bytes);
}

}  // namespace sd
