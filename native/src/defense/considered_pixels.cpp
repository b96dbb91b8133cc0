#include "defense/considered_pixels.hpp"

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

}  // namespace

ConsideredPixels considered_pixels(const ScalingModel& model) {
    const SampleType type = model.supports(SampleType::UInt8) ? SampleType::UInt8 : SampleType::Float32;
    ConsideredPixels p;
    mark(model.coefficients(Axis::Vertical, type), p.row_in_p, p.rows);
    mark(model.coefficients(Axis::Horizontal, type), p.column_in_p, p.columns);
    const ModelParams& params = model.params();
    p.ratio_x = static_cast<double>(params.source.width) / params.target.width;
    p.ratio_y = static_cast<double>(params.source.height) / params.target.height;
    return p;
}

}  // namespace sd
