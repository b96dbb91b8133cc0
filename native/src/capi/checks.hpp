// Argument checks of the C ABI. Each throws ApiError with a message a person can act on.
#pragma once

#include <cstdint>

#include "core/image_ref.hpp"
#include "core/types.hpp"
#include "scaledefense/scaledefense.h"
#include "scaling/coefficient_matrix.hpp"

namespace sd::capi {

void require_not_null(const void* pointer, const char* name);
__attribute__((format(printf, 3, 4))) void require(bool condition, sd_status status, const char* format, ...);

ModelParams to_model_params(const sd_scaling_model_params& params);
Axis to_axis(std::int32_t axis);
SampleType to_sample_type(std::int32_t sample_type);

// Checks a view (non-null data, positive sizes, 1..4 channels, stride covers a row, the
// addressed bytes fit in the address space) and that it has the expected size.
void check_image(const sd_image& image, const char* name, Size expected);

// Checks one axis of a custom model (every pointer, offset, index and weight) and copies it,
// zero weights dropped. `name` is the argument's name for the messages.
CoefficientMatrix to_custom_matrix(const sd_sparse_matrix* matrix, const char* name);

// Rejects views whose byte ranges overlap.
void check_no_overlap(const sd_image& a, const sd_image& b);

template <typename T>
ImageRef<T> to_ref(const sd_image& image) {
    return {static_cast<T*>(image.data), static_cast<std::ptrdiff_t>(image.stride), image.width, image.height,
            image.channels};
}

}  // namespace sd::capi
