// Per-axis resampling table: for each output index, a fixed number of taps (source index and
// weight). This is the exact form a library applies; the coefficient matrix is derived from it.
#pragma once

#include <cstdint>
#include <vector>

namespace sd {

struct KernelTable {
    int outputs = 0;
    int inputs = 0;
    int taps = 0;                       // taps per output
    std::vector<std::int32_t> source;   // outputs * taps, already clamped to [0, inputs)
    std::vector<float> weight;          // float32 weights as the library computes them
    std::vector<std::int16_t> fixed;    // fixed-point weights of the 8-bit path (may be empty)

    int index(int output, int tap) const { return source[static_cast<std::size_t>(output) * taps + tap]; }
    float w(int output, int tap) const { return weight[static_cast<std::size_t>(output) * taps + tap]; }
    std::int16_t q(int output, int tap) const { return fixed[static_cast<std::size_t>(output) * taps + tap]; }
};

}  // namespace sd
