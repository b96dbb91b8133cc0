// The two 8-bit passes of Pillow's resize (Resample.c: ImagingResampleHorizontal_8bpc,
// ImagingResampleVertical_8bpc) in a portable and an AVX2 version that give the same bytes, and
// the choice between them. Each output sample is 2^21 plus the sum of pixel * fixed weight over
// the output's taps in 32-bit integers (exact: the sum fits), shifted right by 22 and clamped to
// 0..255. The AVX2 version only sums in another order, which integer addition does not notice.
#pragma once

#include <cstdint>

#include "core/image_ref.hpp"
#include "scaling/pillow/pillow_tables.hpp"

namespace sd::pillow::passes {

// Source rows [row_offset, row_offset + out.height) resampled along x into out.
void horizontal_portable(const ImageRef<const std::uint8_t>& in, const ImageRef<std::uint8_t>& out, int row_offset,
                         const AxisTable& x);
// Resampled along y; source row indices are shifted down by row_offset.
void vertical_portable(const ImageRef<const std::uint8_t>& in, const ImageRef<std::uint8_t>& out, int row_offset,
                       const AxisTable& y);

#if defined(__x86_64__) || defined(__i386__)
#define SD_PILLOW_HAS_AVX2 1
void horizontal_avx2(const ImageRef<const std::uint8_t>& in, const ImageRef<std::uint8_t>& out, int row_offset,
                     const AxisTable& x);
void vertical_avx2(const ImageRef<const std::uint8_t>& in, const ImageRef<std::uint8_t>& out, int row_offset,
                   const AxisTable& y);
#endif

// Which passes resample() runs: Auto takes AVX2 where the CPU has it. The others are for tests.
enum class Path { Auto, Portable, Avx2 };
bool avx2_available();

// resample() of pillow_kernels.hpp (8 bits) with a chosen path; throws std::invalid_argument for
// Avx2 on a CPU without it.
void resample(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target, const AxisTable& x,
              const AxisTable& y, Path path);

}  // namespace sd::pillow::passes
