// One lane of the row kernels: the first attempts of pixel (i, j), as the AVX2 kernel computes them
// four pixels at a time. Included by the kernel sources only.
#pragma once

#include "defense/random_detail.hpp"

namespace sd::random_detail {
namespace {

inline std::int64_t first_attempts(const RowJob& job, std::size_t j) {
    const Axes& rows = *job.rows;
    const Axes& columns = *job.columns;
    const std::size_t i = job.row;
    for (int a = 0; a < job.attempts; ++a) {
        const std::uint64_t z = RandomSource::mix(job.first_state + a * job.attempt_step + j * RandomSource::kGamma);
        const std::uint64_t product_y = (z >> 32) * rows.size[i], product_x = (z & 0xFFFFFFFFu) * columns.size[j];
        const std::uint64_t dy = product_y >> 32, dx = product_x >> 32;
        const bool fair = ((product_y & 0xFFFFFFFFu) >= rows.threshold[i]) && ((product_x & 0xFFFFFFFFu) >= columns.threshold[j]);
        const bool in_p = ((rows.in_p[i] >> dy) & (columns.in_p[j] >> dx) & 1) != 0;
        if (fair && !in_p)
            return rows.base[i] + static_cast<std::int64_t>(dy) * job.stride_bytes + columns.base[j] +
                   static_cast<std::int64_t>(dx) * job.channels;
    }
    return -1;
}

}  // namespace
}  // namespace sd::random_detail
