#include "scaling/skia/skia_model.hpp"

#include <string>

#include "core/errors.hpp"
#include "scaling/catalog.hpp"
#include "scaling/skia/skia_kernels.hpp"
#include "scaling/skia/skia_tables.hpp"

namespace sd::skia {
namespace {

// scalePixels copies when both sizes agree (readPixels); otherwise the shader's stage decides.
enum class Path { Copy, Nearest, Linear, Cubic };

Path choose_path(const ModelParams& p) {
    if (p.mipmap != MipmapMode::None)
        throw UnsupportedError("SkiaSharp with mipmaps is not modelled in this release; use SKMipmapMode.None");
    if (p.source == p.target) return Path::Copy;
    switch (p.algorithm) {
        case Algorithm::Nearest: return Path::Nearest;
        case Algorithm::Bilinear: return Path::Linear;
        case Algorithm::Bicubic: return Path::Cubic;
        default: break;
    }
    throw UnsupportedError(std::string("SkiaSharp has no ") + algorithm_name(p.algorithm) + " sampling");
}

LinearTable axis_linear(Path path, int inputs, int outputs) {
    return path == Path::Linear ? linear_table(inputs, outputs) : LinearTable{};
}

KernelTable axis_table(Path path, const ModelParams& p, const LinearTable& linear, int inputs, int outputs) {
    switch (path) {
        case Path::Linear: return linear.table;
        case Path::Cubic:
            return cubic_table(inputs, outputs,
                               cubic_coefficients(static_cast<float>(p.cubic_b), static_cast<float>(p.cubic_c)));
        default: return nearest_table(inputs, outputs);  // Copy: the identity
    }
}

double axis_kernel_width(Path path) {
    switch (path) {
        case Path::Linear: return 2.0;
        case Path::Cubic: return 4.0;
        default: return 1.0;
    }
}

class SkiaModel final : public ScalingModel {
public:
    explicit SkiaModel(const ModelParams& p)
        : ScalingModel(p),
          path_(choose_path(p)),
          linear_x_(axis_linear(path_, p.source.width, p.target.width)),
          linear_y_(axis_linear(path_, p.source.height, p.target.height)),
          x_(axis_table(path_, p, linear_x_, p.source.width, p.target.width)),
          y_(axis_table(path_, p, linear_y_, p.source.height, p.target.height)),
          l_(to_matrix(y_, 0.0)),
          r_(to_matrix(x_, 0.0)) {}

    double kernel_width(Axis) const override { return axis_kernel_width(path_); }

    // Only the 8888 stages are modelled; float images take other stages in Skia.
    bool supports(SampleType type) const override { return type == SampleType::UInt8; }

    const CoefficientMatrix& coefficients(Axis axis, SampleType) const override {
        return axis == Axis::Vertical ? l_ : r_;
    }

    void scale(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target) const override {
        switch (path_) {
            case Path::Copy:
            case Path::Nearest: resize_gather(source, target, x_, y_); return;
            case Path::Linear: resize_linear(source, target, linear_x_, linear_y_); return;
            case Path::Cubic: resize_cubic(source, target, x_, y_); return;
        }
    }

private:
    Path path_;
    LinearTable linear_x_, linear_y_;
    KernelTable x_, y_;
    CoefficientMatrix l_, r_;
};

}  // namespace

std::unique_ptr<ScalingModel> create_model(const ModelParams& params) { return std::make_unique<SkiaModel>(params); }

}  // namespace sd::skia
