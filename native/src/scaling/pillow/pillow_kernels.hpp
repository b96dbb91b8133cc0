// Pillow's resize arithmetic: the two separable passes (Resample.c: ImagingResampleInner,
// ImagingResampleHorizontal_8bpc/_32bpc, ImagingResampleVertical_8bpc/_32bpc) and the nearest
// gather (Geometry.c: ImagingScaleAffine). Sizes and channels have been checked by the caller.
#pragma once

#include <cstdint>

#include "core/image_ref.hpp"
#include "scaling/pillow/pillow_tables.hpp"

namespace sd::pillow {

// 8 bits: fixed-point weights, each pass rounds half up and clips to 0..255 (clip8), so the
// image between the passes is uint8. Horizontal first, each pass only if its axis is needed.
// The passes are AVX2 where the CPU has it (pillow_passes.hpp), with the same bytes.
void resample(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target, const AxisTable& x,
              const AxisTable& y);

// Mode "F": double weights, a double sum per output, stored as float32 after each pass.
void resample(const ImageRef<const float>& source, const ImageRef<float>& target, const AxisTable& x,
              const AxisTable& y);

// Every output pixel copies one source pixel; an output whose table count is 0 is set to 0.
void gather_nearest(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target,
                    const AxisTable& x, const AxisTable& y);
void gather_nearest(const ImageRef<const float>& source, const ImageRef<float>& target, const AxisTable& x,
                    const AxisTable& y);

}  // namespace sd::pillow
