// A typed view of a caller-owned interleaved image; the math code's only notion of pixels.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace sd {

template <typename T>
struct ImageRef {
    T* data = nullptr;
    std::ptrdiff_t stride_bytes = 0;  // may exceed width * channels * sizeof(T)
    int width = 0;
    int height = 0;
    int channels = 0;

    T* row(int y) const {
        using Byte = std::conditional_t<std::is_const_v<T>, const std::uint8_t, std::uint8_t>;
        return reinterpret_cast<T*>(reinterpret_cast<Byte*>(data) + y * stride_bytes);
    }
    int row_elements() const { return width * channels; }
};

}  // namespace sd
