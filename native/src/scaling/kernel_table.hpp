// Per-axis resampling table: for each output index, a fixed number of taps (source index and
// weight). This is the exact form a library applies; the coefficient matrix is derived from it.
// Libraries with a varying support per output pad their rows with zero-weight taps.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sd {

struct KernelTable {
    int outputs = 0;
    int inputs = 0;
    int taps = 0;                       // taps per output
    std::vector<std::int32_t> source;   // outputs * taps, already clamped to [0, inputs)
    std::vector<double> weight;         // weights as the library computes them (float32 ones stored exactly)
    std::vector<std::int32_t> fixed;    // fixed-point weights of the 8-bit path (may be empty)

    KernelTable() = default;
    KernelTable(int outputs_, int inputs_, int taps_)
        : outputs(outputs_),
          inputs(inputs_),
          taps(taps_),
          source(static_cast<std::size_t>(outputs_) * taps_),
          weight(source.size()),
          fixed(source.size()) {}

    std::size_t at(int output, int tap) const { return static_cast<std::size_t>(output) * taps + tap; }
    int index(int output, int tap) const { return source[at(output, tap)]; }
    double w(int output, int tap) const { return weight[at(output, tap)]; }
    std::int32_t q(int output, int tap) const { return fixed[at(output, tap)]; }
};

}  // namespace sd
