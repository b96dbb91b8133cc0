// INTER_CUBIC as OpenCV builds with Intel IPP run it (OpenCvSharp4, the opencv-python wheels):
// hal/ipp's ipp_hal_resize hands CUBIC on sources of at least 4x4 with 1, 3 or 4 channels to
// IPP's ippiResizeCubic (B = 0, C = 0.75). IPP is closed source; the arithmetic below was
// recovered by black-box experiments against OpenCvSharp 4.13 (docs/scalers/opencv.md, "Intel IPP").
#pragma once

#include "scaling/opencv/opencv_kernels.hpp"

namespace sd::opencv {

// Whether IPP takes a CUBIC call of this source size (channels are checked at scale time).
bool ipp_takes_cubic(int source_width, int source_height);

// Whether IPP takes an image with this many channels (IPP's resize has C1, C3 and C4 only).
bool ipp_takes_channels(int channels);

// Per axis: x = (d + 0.5)·(n/n') − 0.5 in double, i = floor(x), t = fl32(x − i), then
// u = t ⊕ 1 in float32 (23 fractional bits, rounded a second time); float32 weights
// fl32(Keys_{−0.75}) at u, u − 1, 2 − u, 3 − u evaluated in double; taps clamp(i − 1 + k),
// duplicates kept apart.
KernelTable ipp_cubic_table(int inputs, int outputs);

// Horizontal pass into float32, on the first 4·⌊W'/4⌋ columns / after them: 1 channel
// (w0p0 + w1p1) + (w2p2 + w3p3) / ((w0p0 + w1p1) + w2p2) + w3p3; 4 channels
// fma(w2,p2, w0p0) + fma(w3,p3, w1p1) / (w0p0 + w2p2) + (w1p1 + w3p3); 3 channels everywhere
// fma(w3,p3, fma(w2,p2, fma(w1,p1, w0p0))). Vertical fma(v0,h0, v1h1) + fma(v2,h2, v3h3);
// 8-bit (scale_ipp_cubic_u8, opencv_u8_kernels.hpp) rounds half to even and saturates.
void resize_ipp_cubic(const F32Source& source, const F32Target& target, const KernelTable& x, const KernelTable& y);

}  // namespace sd::opencv
