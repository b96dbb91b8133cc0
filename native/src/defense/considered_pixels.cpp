#include "defense/considered_pixels.hpp"

#include <algorithm>
#include <cmath>

namespace sd {
namespace {

void mark(const CoefficientMatrix& m, std::vector<std::uint8_t>& flags, std::vector<std::int32_t>& indices) {
    flags.assign(static_cast<std::size_t>(m.cols()), 0);
    for (int r = 0; r < m.outerSize(); ++r)
        for (CoefficientMatrix::InnerIterator it(m, r); it; ++it)
            if (it.value() != 0.0) flags[static_cast<std::size_t>(it.col())] = 1;
    indices.clear();
    for (std::size_t i = 0; i < flags.size(); ++i)
        if (flags[i]) indices.push_back(static_cast<std::int32_t>(i));
}

void mark_heavy(const CoefficientMatrix& m, double ratio, std::vector<std::uint8_t>& flags,
                std::vector<std::int32_t>& indices) {
    std::vector<double> max_weight(static_cast<std::size_t>(m.cols()), 0.0);
    for (int r = 0; r < m.outerSize(); ++r)
        for (CoefficientMatrix::InnerIterator it(m, r); it; ++it) {
            double& slot = max_weight[static_cast<std::size_t>(it.col())];
            slot = std::max(slot, std::abs(it.value()));
        }
    flags.assign(max_weight.size(), 0);
    indices.clear();
    if (ratio < 1.5) return;
    const double limit = kHeavyFactor / ratio;
    for (std::size_t i = 0; i < flags.size(); ++i)
        if (max_weight[i] >= limit) {
            flags[i] = 1;
            indices.push_back(static_cast<std::int32_t>(i));
        }
}

SampleType analysed_type(const ScalingModel& model) {
    return model.supports(SampleType::UInt8) ? SampleType::UInt8 : SampleType::Float32;
}

void set_ratios(const ScalingModel& model, ConsideredPixels& p) {
    const ModelParams& params = model.params();
    p.ratio_x = static_cast<double>(params.source.width) / params.target.width;
    p.ratio_y = static_cast<double>(params.source.height) / params.target.height;
}

}  // namespace

ConsideredPixels heavy_pixels(const ScalingModel& model) {
    const SampleType type = analysed_type(model);
    ConsideredPixels p;
    set_ratios(model, p);
    mark_heavy(model.coefficients(Axis::Vertical, type), p.ratio_y, p.row_in_p, p.rows);
    mark_heavy(model.coefficients(Axis::Horizontal, type), p.ratio_x, p.column_in_p, p.columns);
    return p;
}

ConsideredPixels considered_pixels(const ScalingModel& model) {
    const SampleType type = analysed_type(model);
    ConsideredPixels p;
    mark(model.coefficients(Axis::Vertical, type), p.row_in_p, p.rows);
    mark(model.coefficients(Axis::Horizontal, type), p.column_in_p, p.columns);
    set_ratios(model, p);
    return p;
}

}  // namespace sd
