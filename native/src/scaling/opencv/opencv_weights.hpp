// Kernel weights of cv::hal::resize for one fractional offset f (resize.cpp:
// interpolateCubic, interpolateLanczos4), in float32 exactly as OpenCV evaluates them.
#pragma once

namespace sd::opencv {

// Keys cubic with A = -0.75; the last weight is 1 minus the others (so they sum to ~1).
void cubic_coefficients(float f, float* c);

// Lanczos (a = 4) from one sine/cosine pair, normalised by 1 / (float32 sum).
void lanczos4_coefficients(float f, float* c);

}  // namespace sd::opencv
