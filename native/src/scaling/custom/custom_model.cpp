#include "scaling/custom/custom_model.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace sd::custom {
namespace {

// One axis with float weights, as the arithmetic uses them.
struct FloatAxis {
    std::vector<std::int32_t> offsets;
    std::vector<std::int32_t> indices;
    std::vector<float> weights;
    std::vector<std::int32_t> read_inputs;  // ascending, each once

    explicit FloatAxis(const CoefficientMatrix& m) {
        offsets.assign(m.outerIndexPtr(), m.outerIndexPtr() + m.rows() + 1);
        indices.assign(m.innerIndexPtr(), m.innerIndexPtr() + m.nonZeros());
        weights.reserve(static_cast<std::size_t>(m.nonZeros()));
        for (Eigen::Index k = 0; k < m.nonZeros(); ++k) weights.push_back(static_cast<float>(m.valuePtr()[k]));
        read_inputs = indices;
        std::sort(read_inputs.begin(), read_inputs.end());
        read_inputs.erase(std::unique(read_inputs.begin(), read_inputs.end()), read_inputs.end());
    }
};

inline float load(std::uint8_t v) { return static_cast<float>(v); }
inline float load(float v) { return v; }

inline void store(float v, float& out) { out = v; }
// Rounded half up in float, then clamped: the managed twin does the same operations.
inline void store(float v, std::uint8_t& out) {
    out = v <= 0.0f ? 0 : v >= 255.0f ? 255 : static_cast<std::uint8_t>(std::floor(v + 0.5f));
}

class CustomModel final : public ScalingModel {
public:
    CustomModel(const ModelParams& params, CoefficientMatrix vertical, CoefficientMatrix horizontal)
        : ScalingModel(params),
          vertical_(std::move(vertical)),
          horizontal_(std::move(horizontal)),
          v_(vertical_),
          h_(horizontal_) {}

    const CoefficientMatrix& coefficients(Axis axis, SampleType) const override {
        return axis == Axis::Vertical ? vertical_ : horizontal_;
    }

    // The widest output's support: sigma of a matrix nothing else is known about.
    double kernel_width(Axis axis) const override {
        const FloatAxis& a = axis == Axis::Vertical ? v_ : h_;
        std::int32_t widest = 0;
        for (std::size_t r = 0; r + 1 < a.offsets.size(); ++r)
            widest = std::max(widest, a.indices[static_cast<std::size_t>(a.offsets[r + 1] - 1)] -
                                          a.indices[static_cast<std::size_t>(a.offsets[r])] + 1);
        return widest;
    }

    bool supports(SampleType) const override { return true; }

    void scale(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target) const override {
        run(source, target);
    }

    void scale(const ImageRef<const float>& source, const ImageRef<float>& target) const override {
        run(source, target);
    }

private:
    // Each product is its own statement, so no compiler fuses it with the sum (the managed twin
    // rounds every product and every sum to float as well).
    template <typename T>
    void run(const ImageRef<const T>& source, const ImageRef<T>& target) const {
        const int channels = source.channels;
        const std::size_t row_length = static_cast<std::size_t>(target.width) * channels;
        std::vector<float> rows(static_cast<std::size_t>(source.height) * row_length);
        for (std::int32_t y : v_.read_inputs) {
            const T* line = source.row(y);
            float* h = rows.data() + static_cast<std::size_t>(y) * row_length;
            for (int c = 0; c < target.width; ++c) {
                for (int ch = 0; ch < channels; ++ch) {
                    float sum = 0.0f;
                    for (std::int32_t k = h_.offsets[c]; k < h_.offsets[c + 1]; ++k) {
                        const float product = h_.weights[k] * load(line[h_.indices[k] * channels + ch]);
                        sum += product;
                    }
                    h[static_cast<std::size_t>(c) * channels + ch] = sum;
                }
            }
        }
        for (int r = 0; r < target.height; ++r) {
            T* out = target.row(r);
            for (std::size_t e = 0; e < row_length; ++e) {
                float sum = 0.0f;
                for (std::int32_t k = v_.offsets[r]; k < v_.offsets[r + 1]; ++k) {
                    const float product = v_.weights[k] * rows[static_cast<std::size_t>(v_.indices[k]) * row_length + e];
                    sum += product;
                }
                store(sum, out[e]);
            }
        }
    }

    CoefficientMatrix vertical_;
    CoefficientMatrix horizontal_;
    FloatAxis v_;
    FloatAxis h_;
};

}  // namespace

std::unique_ptr<ScalingModel> create_model(CoefficientMatrix vertical, CoefficientMatrix horizontal) {
    ModelParams params;
    params.library = Library::Custom;
    params.algorithm = Algorithm::Custom;
    params.source = {static_cast<int>(horizontal.cols()), static_cast<int>(vertical.cols())};
    params.target = {static_cast<int>(horizontal.rows()), static_cast<int>(vertical.rows())};
    return std::make_unique<CustomModel>(params, std::move(vertical), std::move(horizontal));
}

}  // namespace sd::custom
