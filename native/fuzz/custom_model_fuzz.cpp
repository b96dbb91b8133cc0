// Fuzzes sd_scaling_model_create_from_matrices with CSR arrays whose sizes, offsets, indices and
// weights may lie (the arrays always hold what the claimed outputs and count address, so ASan sees
// any read beyond them), then scales and rebuilds P through a model that was accepted.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "fuzz_input.hpp"

namespace {

struct Csr {
    std::vector<int32_t> offsets, indices;
    std::vector<double> weights;
    sd_sparse_matrix matrix{};

    explicit Csr(FuzzedDataProvider& in) {
        const int32_t outputs = sd_fuzz::small_or_hostile(in, 1, sd_fuzz::kMaxSide);
        const int32_t inputs = sd_fuzz::small_or_hostile(in, 1, sd_fuzz::kMaxSide);
        const int64_t count = in.ConsumeIntegralInRange<int64_t>(-1, 4 * sd_fuzz::kMaxSide);
        const bool sane = outputs > 0 && outputs <= sd_fuzz::kMaxSide && count > 0;
        offsets.resize(sane ? static_cast<size_t>(outputs) + 1 : 1);
        for (size_t r = 0; r < offsets.size(); ++r)
            offsets[r] = in.ConsumeIntegralInRange<int32_t>(-1, static_cast<int32_t>(count < 0 ? 0 : count) + 1);
        if (in.ConsumeBool() && sane) {  // mostly well-formed offsets: a fuzz run then reaches the indices
            for (size_t r = 0; r < offsets.size(); ++r)
                offsets[r] = static_cast<int32_t>(count * static_cast<int64_t>(r) / outputs);
        }
        indices.resize(static_cast<size_t>(count < 1 ? 1 : count));
        weights.resize(indices.size());
        for (size_t k = 0; k < indices.size(); ++k) {
            indices[k] = in.ConsumeIntegralInRange<int32_t>(-1, inputs < 0 ? 0 : inputs);  // inputs may be hostile
            weights[k] = in.ConsumeIntegralInRange<int>(0, 20) == 0
                             ? in.PickValueInArray<double>({std::numeric_limits<double>::quiet_NaN(),
                                                            std::numeric_limits<double>::infinity(), 0.0})
                             : in.ConsumeFloatingPointInRange<double>(-2.0, 2.0);
        }
        matrix = {offsets.data(), indices.data(), weights.data(), count, sane ? outputs : 1, inputs};
        if (!sane) matrix.outputs = 0;  // refused before the arrays are read
    }
    Csr(const Csr&) = delete;
    Csr& operator=(const Csr&) = delete;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    FuzzedDataProvider in(data, size);
    Csr vertical(in), horizontal(in);
    sd_scaling_model* model = nullptr;
    if (sd_scaling_model_create_from_matrices(&vertical.matrix, &horizontal.matrix, &model) != SD_STATUS_OK) return 0;
    sd_scaling_model_params p{};
    sd_scaling_model_get_params(model, &p);
    const int channels = in.ConsumeIntegralInRange<int>(1, 4);
    const int32_t sample_type = in.ConsumeBool() ? SD_SAMPLE_UINT8 : SD_SAMPLE_FLOAT32;
    sd_fuzz::Image source = sd_fuzz::image(in, p.source_width, p.source_height, channels, sample_type);
    sd_fuzz::Image destination = sd_fuzz::image(in, p.target_width, p.target_height, channels, sample_type);
    sd_scaling_model_scale(model, &source.view, &destination.view);
    sd_fuzz::Image bytes = sd_fuzz::image(in, p.source_width, p.source_height, channels, SD_SAMPLE_UINT8);
    sd_filter_params filter{1, SD_RECONSTRUCTION_MEDIAN, SD_WINDOW_PAPER, 0, 1, 0};
    sd_reconstruct(model, &filter, &bytes.view, &bytes.view, nullptr);
    sd_scaling_model_destroy(model);
    return 0;
}
