// Asks for an image's rows in address order, one cache line per ask(), up to a row set by
// until(). The random filter's kernels ask a few lines per step of their loops, so that the lines
// arrive while they compute: asked for in bursts between the steps, the fills stalled the
// arithmetic once the core's outstanding misses were used up.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace sd {

class LinePrefetch {
public:
    LinePrefetch(const std::uint8_t* data, std::ptrdiff_t stride_bytes, std::ptrdiff_t row_bytes, int height)
        : row_start_(data), stride_(stride_bytes), row_bytes_(row_bytes), height_(height) {}

    // Lines of the rows before `row` (at most the image's height) may be asked for; never moves back.
    void until(int row) { stop_ = std::max(stop_, std::min(row, height_)); }

    // The lines still to ask for before the row set by until().
    std::ptrdiff_t lines_left() const {
        if (row_ >= stop_) return 0;
        return (static_cast<std::ptrdiff_t>(stop_ - row_) * row_bytes_ - at_ + 63) / 64;
    }

    void ask() {
        if (row_ >= stop_) return;
        __builtin_prefetch(row_start_ + at_);
        at_ += 64;
        if (at_ >= row_bytes_ && ++row_ < height_) {  // on to the next row (rows may be padded)
            row_start_ += stride_;
            at_ = 0;
        }
    }

    void ask(int lines) {
        for (; lines > 0; --lines) ask();
    }

    void ask_all() {
        while (row_ < stop_) ask();
    }

private:
    const std::uint8_t* row_start_;  // the first byte of row row_ (pointers stay inside the image)
    std::ptrdiff_t at_ = 0;          // the next line to ask for: this many bytes into the row
    std::ptrdiff_t stride_, row_bytes_;
    int height_, row_ = 0, stop_ = 0;
};

}  // namespace sd
