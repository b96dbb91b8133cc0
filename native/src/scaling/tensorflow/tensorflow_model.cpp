#include "scaling/tensorflow/tensorflow_model.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "core/errors.hpp"
#include "scaling/catalog.hpp"
#include "scaling/tensorflow/tensorflow_kernels.hpp"
#include "scaling/tensorflow/tensorflow_tables.hpp"

namespace sd::tensorflow {
namespace {

// Which kernel op a call ends up in (image_ops_impl.py: resize_images.resize_fn for TF1,
// resize_images_v2.resize_fn for TF2).
enum class Op { Nearest, Bilinear, Bicubic, Area, Spans };

struct Plan {
    Op op;
    bool half_pixel;  // TF2's ResizeBilinear/Bicubic/NearestNeighbor run with half_pixel_centers=True
    SpanKernel kernel;
    bool antialias;   // ScaleAndTranslate's antialias attribute
};

Plan make_plan(const ModelParams& p) {
    const bool tf2 = p.library == Library::TensorFlow;
    const bool aa = tf2 && p.antialias;
    switch (p.algorithm) {
        case Algorithm::Nearest: return {Op::Nearest, tf2, SpanKernel::Triangle, false};  // antialias ignored
        case Algorithm::Area: return {Op::Area, false, SpanKernel::Triangle, false};      // antialias ignored
        case Algorithm::Bilinear:
            return aa ? Plan{Op::Spans, true, SpanKernel::Triangle, true} : Plan{Op::Bilinear, tf2, SpanKernel::Triangle, false};
        case Algorithm::Bicubic:
            return aa ? Plan{Op::Spans, true, SpanKernel::KeysCubic, true} : Plan{Op::Bicubic, tf2, SpanKernel::KeysCubic, false};
        case Algorithm::Lanczos3: return {Op::Spans, true, SpanKernel::Lanczos3, aa};
        case Algorithm::Lanczos5: return {Op::Spans, true, SpanKernel::Lanczos5, aa};
        case Algorithm::Gaussian: return {Op::Spans, true, SpanKernel::Gaussian, aa};
        case Algorithm::MitchellCubic: return {Op::Spans, true, SpanKernel::MitchellCubic, aa};
        default: break;
    }
    throw std::invalid_argument(std::string(library_name(p.library)) + " has no algorithm '" + algorithm_name(p.algorithm) + "'");
}

AxisTable axis_table(const Plan& plan, int inputs, int outputs) {
    switch (plan.op) {
        case Op::Nearest: return nearest_table(inputs, outputs, plan.half_pixel);
        case Op::Bilinear: return bilinear_table(inputs, outputs, plan.half_pixel);
        case Op::Bicubic: return bicubic_table(inputs, outputs, plan.half_pixel);
        case Op::Area: return area_table(inputs, outputs);
        case Op::Spans: return span_table(inputs, outputs, plan.kernel, plan.antialias);
    }
    throw std::logic_error("unknown TensorFlow op");
}

// The real-valued matrix of an axis: area's coverages are divided by the cell width, the part
// of ResizeArea's final `scale` that belongs to this axis.
CoefficientMatrix axis_matrix(const Plan& plan, const AxisTable& table) {
    if (plan.op != Op::Area) return to_matrix(table.taps, 0.0);
    KernelTable normalised = table.taps;
    const double cell = resize_scale(table.taps.inputs, table.taps.outputs);
    for (double& w : normalised.weight) w /= cell;
    return to_matrix(normalised, 0.0);
}

double axis_kernel_width(const Plan& plan, int inputs, int outputs) {
    switch (plan.op) {
        case Op::Nearest: return 1.0;
        case Op::Bilinear: return 2.0;
        case Op::Bicubic: return 4.0;
        case Op::Area: return static_cast<double>(inputs) / outputs;  // the cell width beta
        case Op::Spans: {
            // ComputeSpansCore: support radius * kernel_scale each side.
            const float inv_scale = span_inverse_scale(inputs, outputs);
            const float kernel_scale = plan.antialias ? std::max(inv_scale, 1.0f) : 1.0f;
            return 2.0 * static_cast<double>(span_kernel_radius(plan.kernel)) * kernel_scale;
        }
    }
    return 1.0;
}

class TensorFlowModel final : public ScalingModel {
public:
    explicit TensorFlowModel(const ModelParams& p)
        : ScalingModel(p),
          plan_(make_plan(p)),
          x_(axis_table(plan_, p.source.width, p.target.width)),
          y_(axis_table(plan_, p.source.height, p.target.height)),
          l_(axis_matrix(plan_, y_)),
          r_(axis_matrix(plan_, x_)),
          // resize_area_op.cc: ComputeLoop: scale = 1.0 / (height_scale * width_scale).
          area_scale_(static_cast<float>(
              1.0 / static_cast<double>(resize_scale(p.source.height, p.target.height) *
                                        resize_scale(p.source.width, p.target.width)))) {}

    double kernel_width(Axis axis) const override {
        const ModelParams& p = params();
        return axis == Axis::Vertical ? axis_kernel_width(plan_, p.source.height, p.target.height)
                                      : axis_kernel_width(plan_, p.source.width, p.target.width);
    }

    // TF casts every input to float32 and returns float32: there is no 8-bit arithmetic to model.
    bool supports(SampleType type) const override { return type == SampleType::Float32; }

    const CoefficientMatrix& coefficients(Axis axis, SampleType) const override {
        return axis == Axis::Vertical ? l_ : r_;
    }

    void scale(const ImageRef<const float>& source, const ImageRef<float>& target) const override {
        switch (plan_.op) {
            case Op::Nearest: resize_nearest(source, target, x_, y_); return;
            case Op::Bilinear: resize_bilinear(source, target, x_, y_); return;
            case Op::Bicubic: resize_bicubic(source, target, x_, y_); return;
            case Op::Area: resize_area(source, target, x_, y_, area_scale_); return;
            case Op::Spans: resize_spans(source, target, x_, y_); return;
        }
    }

private:
    Plan plan_;
    AxisTable x_;
    AxisTable y_;
    CoefficientMatrix l_, r_;
    float area_scale_;
};

}  // namespace

std::unique_ptr<ScalingModel> create_model(const ModelParams& params) {
    if (params.library != Library::TensorFlow && params.library != Library::TensorFlow1)
        throw std::invalid_argument(std::string("not a TensorFlow library: ") + library_name(params.library));
    return std::make_unique<TensorFlowModel>(params);
}

}  // namespace sd::tensorflow
