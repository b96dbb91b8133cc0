// The row kernel without SIMD: one lane at a time.
#include "defense/random_first_attempts.hpp"

namespace sd::random_detail {

void first_attempts_portable(const RowJob& job, std::int64_t* offsets) {
    const std::size_t n = job.columns->count();
    for (std::size_t j = 0; j < n; ++j) offsets[j] = first_attempts(job, j);
}

}  // namespace sd::random_detail
