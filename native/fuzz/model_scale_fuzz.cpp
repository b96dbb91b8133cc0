// Fuzzes model creation, its queries (info, coefficients with short buffers) and scaling through
// views that may lie about size, stride, channels, sample type or alignment.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    FuzzedDataProvider in(data, size);
    const sd_fuzz::Model m(in);
    if (m.handle == nullptr) return 0;

    sd_scaling_model_info info{};
    sd_scaling_model_get_info(m.handle, &info);
    for (int32_t axis : {SD_AXIS_VERTICAL, SD_AXIS_HORIZONTAL}) {
        const int32_t sample_type = in.ConsumeIntegralInRange<int32_t>(0, 3);
        int64_t count = 0;
        if (sd_scaling_model_get_coefficient_count(m.handle, axis, sample_type, &count) != SD_STATUS_OK) continue;
        const int64_t outputs = axis == SD_AXIS_VERTICAL ? m.params.target_height : m.params.target_width;
        const int64_t offsets_length = outputs + 1 - in.ConsumeIntegralInRange<int>(0, 1);
        const int64_t capacity = count - in.ConsumeIntegralInRange<int>(0, 1);
        // Exactly the sizes claimed, so ASan sees any write past them.
        std::vector<int32_t> offsets(static_cast<size_t>(offsets_length)), indices(static_cast<size_t>(capacity < 0 ? 0 : capacity));
        std::vector<double> weights(indices.size());
        sd_scaling_model_get_coefficients(m.handle, axis, sample_type, offsets.data(), offsets_length, indices.data(),
                                          weights.data(), capacity);
    }

    const int channels = in.ConsumeIntegralInRange<int>(1, 4);
    const int32_t sample_type = in.ConsumeBool() ? SD_SAMPLE_UINT8 : SD_SAMPLE_FLOAT32;
    sd_fuzz::Image source = sd_fuzz::image(in, m.params.source_width, m.params.source_height, channels, sample_type);
    sd_fuzz::Image destination = sd_fuzz::image(in, m.params.target_width, m.params.target_height, channels, sample_type);
    sd_scaling_model_scale(m.handle, &source.view, &destination.view);
    sd_scaling_model_scale(m.handle, &source.view, &source.view);  // overlapping: refused
    return 0;
}
