// Pillow's resampling filters (src/libImaging/Resample.c, 9.4: box_filter, bilinear_filter,
// hamming_filter, bicubic_filter, lanczos_filter and the `struct filter` supports).
#pragma once

#include "core/types.hpp"

namespace sd::pillow {

struct Filter {
    double (*kernel)(double x);
    double support;  // in source pixels at scale 1
};

// Throws std::invalid_argument for algorithms Pillow's resampling code does not have.
Filter filter_for(Algorithm algorithm);

}  // namespace sd::pillow
