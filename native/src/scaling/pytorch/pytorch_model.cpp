#include "scaling/pytorch/pytorch_model.hpp"

#include <string>

#include "core/errors.hpp"
#include "scaling/catalog.hpp"
#include "scaling/pytorch/pytorch_kernels.hpp"
#include "scaling/pytorch/pytorch_tables.hpp"

namespace sd::pytorch {
namespace {

// Which of interpolate's CPU kernels a mode ends up in.
enum class Path { Gather, Linear, Cubic, Separable, Area };

Path choose_path(const ModelParams& p) {
    switch (p.algorithm) {
        case Algorithm::Nearest:
        case Algorithm::NearestExact: return Path::Gather;
        case Algorithm::Bilinear: return p.antialias ? Path::Separable : Path::Linear;
        case Algorithm::Bicubic: return p.antialias ? Path::Separable : Path::Cubic;
        case Algorithm::Area: return Path::Area;
        default: break;
    }
    throw UnsupportedError(std::string("PyTorch has no ") + algorithm_name(p.algorithm) + " mode");
}

// The antialiased table of an axis (empty unless antialias applies).
AntialiasTable axis_antialias(const ModelParams& p, int inputs, int outputs) {
    if (!p.antialias) return {};
    return antialias_table(inputs, outputs, p.algorithm == Algorithm::Bicubic);
}

KernelTable axis_table(const ModelParams& p, const AntialiasTable& antialiased, int inputs, int outputs) {
    if (p.antialias) return antialiased.table;
    switch (p.algorithm) {
        case Algorithm::Nearest: return nearest_table(inputs, outputs);
        case Algorithm::NearestExact: return nearest_exact_table(inputs, outputs);
        case Algorithm::Bilinear: return linear_table(inputs, outputs);
        case Algorithm::Bicubic: return cubic_table(inputs, outputs);
        default: return area_table(area_windows(inputs, outputs), inputs);
    }
}

double axis_kernel_width(const ModelParams& p, int inputs, int outputs) {
    switch (p.algorithm) {
        case Algorithm::Nearest:
        case Algorithm::NearestExact: return 1.0;
        case Algorithm::Bilinear: return p.antialias ? antialias_width(inputs, outputs, false) : 2.0;
        case Algorithm::Bicubic: return p.antialias ? antialias_width(inputs, outputs, true) : 4.0;
        default: return area_windows(inputs, outputs).widest;
    }
}

class PyTorchModel final : public ScalingModel {
public:
    explicit PyTorchModel(const ModelParams& p)
        : ScalingModel(p),
          path_(choose_path(p)),
          aa_x_(axis_antialias(p, p.source.width, p.target.width)),
          aa_y_(axis_antialias(p, p.source.height, p.target.height)),
          x_(axis_table(p, aa_x_, p.source.width, p.target.width)),
          y_(axis_table(p, aa_y_, p.source.height, p.target.height)),
          area_x_(p.algorithm == Algorithm::Area ? area_windows(p.source.width, p.target.width) : AreaWindows{}),
          area_y_(p.algorithm == Algorithm::Area ? area_windows(p.source.height, p.target.height) : AreaWindows{}),
          l_(to_matrix(y_, 0.0)),
          r_(to_matrix(x_, 0.0)),
          width_x_(axis_kernel_width(p, p.source.width, p.target.width)),
          width_y_(axis_kernel_width(p, p.source.height, p.target.height)) {}

    double kernel_width(Axis axis) const override { return axis == Axis::Vertical ? width_y_ : width_x_; }

    // interpolate has no 8-bit path: torchvision casts uint8 tensors to float32 first.
    bool supports(SampleType type) const override { return type == SampleType::Float32; }

    // The float matrices serve both sample types (no 8-bit arithmetic exists).
    const CoefficientMatrix& coefficients(Axis axis, SampleType) const override {
        return axis == Axis::Vertical ? l_ : r_;
    }

    void scale(const ImageRef<const float>& source, const ImageRef<float>& target) const override {
        switch (path_) {
            case Path::Gather: resize_gather(source, target, x_, y_); return;
            case Path::Linear: resize_linear(source, target, x_, y_); return;
            case Path::Cubic: resize_cubic(source, target, x_, y_); return;
            case Path::Separable: resize_separable(source, target, aa_x_, aa_y_); return;
            case Path::Area: resize_area(source, target, area_x_, area_y_); return;
        }
    }

private:
    Path path_;
    AntialiasTable aa_x_, aa_y_;
    KernelTable x_, y_;
    AreaWindows area_x_, area_y_;
    CoefficientMatrix l_, r_;
    double width_x_, width_y_;
};

}  // namespace

std::unique_ptr<ScalingModel> create_model(const ModelParams& params) {
    return std::make_unique<PyTorchModel>(params);
}

}  // namespace sd::pytorch
