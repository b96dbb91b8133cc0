#include "scaling/pillow/pillow_model.hpp"

#include "scaling/pillow/pillow_kernels.hpp"
#include "scaling/pillow/pillow_tables.hpp"

namespace sd::pillow {
namespace {

bool is_nearest(const ModelParams& p) { return p.algorithm == Algorithm::Nearest; }

AxisTable axis_table(const ModelParams& p, int inputs, int outputs) {
    return is_nearest(p) ? nearest_table(inputs, outputs) : filter_table(inputs, outputs, filter_for(p.algorithm));
}

class PillowModel final : public ScalingModel {
public:
    explicit PillowModel(const ModelParams& p)
        : ScalingModel(p),
          x_(axis_table(p, p.source.width, p.target.width)),
          y_(axis_table(p, p.source.height, p.target.height)),
          // 8-bit matrices are the 22-bit fixed-point weights; mode "F" uses the doubles.
          l_u8_(to_matrix(y_.table, static_cast<double>(1 << kPrecisionBits))),
          r_u8_(to_matrix(x_.table, static_cast<double>(1 << kPrecisionBits))),
          l_f32_(to_matrix(y_.table, 0.0)),
          r_f32_(to_matrix(x_.table, 0.0)) {}

    double kernel_width(Axis axis) const override {
        const ModelParams& p = params();
        if (is_nearest(p)) return 1.0;
        return axis == Axis::Vertical ? filter_width(p.source.height, p.target.height, filter_for(p.algorithm))
                                      : filter_width(p.source.width, p.target.width, filter_for(p.algorithm));
    }

    bool supports(SampleType) const override { return true; }

    const CoefficientMatrix& coefficients(Axis axis, SampleType type) const override {
        if (type == SampleType::UInt8) return axis == Axis::Vertical ? l_u8_ : r_u8_;
        return axis == Axis::Vertical ? l_f32_ : r_f32_;
    }

    void scale(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target) const override {
        if (is_nearest(params())) gather_nearest(source, target, x_, y_);
        else resample(source, target, x_, y_);
    }
    void scale(const ImageRef<const float>& source, const ImageRef<float>& target) const override {
        if (is_nearest(params())) gather_nearest(source, target, x_, y_);
        else resample(source, target, x_, y_);
    }

private:
    AxisTable x_;
    AxisTable y_;
    CoefficientMatrix l_u8_, r_u8_, l_f32_, r_f32_;
};

}  // namespace

std::unique_ptr<ScalingModel> create_model(const ModelParams& params) {
    if (!is_nearest(params)) filter_for(params.algorithm);  // rejects algorithms Pillow lacks
    return std::make_unique<PillowModel>(params);
}

}  // namespace sd::pillow
