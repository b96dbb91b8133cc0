#include "scaling/skia/skia_model.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "scaling/catalog.hpp"
#include "scaling/skia/skia_kernels.hpp"
#include "scaling/skia/skia_mipmap.hpp"
#include "scaling/skia/skia_tables.hpp"

namespace sd::skia {
namespace {

// scalePixels copies when both sizes agree (readPixels); otherwise the shader's stage decides.
enum class Path { Copy, Nearest, Linear, Cubic };

Path choose_path(const ModelParams& p) {
    if (p.mipmap == MipmapMode::Linear)
        throw UnsupportedError("SkiaSharp with SKMipmapMode.Linear is not modelled in this release; use None or Nearest");
    if (p.source == p.target) return Path::Copy;
    switch (p.algorithm) {
        case Algorithm::Nearest: return Path::Nearest;
        case Algorithm::Bilinear: return Path::Linear;
        case Algorithm::Bicubic: return Path::Cubic;
        default: break;
    }
    throw UnsupportedError(std::string("SkiaSharp has no ") + algorithm_name(p.algorithm) + " sampling");
}

// The mip level sampled (0: the image itself).
int choose_level(const ModelParams& p, Path path) {
    if (p.mipmap != MipmapMode::Nearest || path == Path::Copy) return 0;
    return nearest_mip_level(p.source, inverse_scale(p.source.width, p.target.width),
                             inverse_scale(p.source.height, p.target.height));
}

// The inverse scale of the sampled level along one axis.
float axis_inverse(int level, int level_inputs, int inputs, int outputs) {
    const float base = inverse_scale(inputs, outputs);
    return level == 0 ? base : level_inverse(level_inputs, inputs, base);
}

LinearTable axis_linear(Path path, int level, int level_inputs, int inputs, int outputs) {
    if (path != Path::Linear) return LinearTable{};
    return linear_table(level_inputs, outputs, axis_inverse(level, level_inputs, inputs, outputs));
}

// The table the kernel applies, on the sampled level.
KernelTable axis_sampling(Path path, const ModelParams& p, const LinearTable& linear, int level, int level_inputs,
                          int inputs, int outputs) {
    switch (path) {
        case Path::Linear: return linear.table;
        case Path::Cubic:
            return cubic_table(inputs, outputs,
                               cubic_coefficients(static_cast<float>(p.cubic_b), static_cast<float>(p.cubic_c)));
        case Path::Nearest:
            return nearest_table(level_inputs, outputs, axis_inverse(level, level_inputs, inputs, outputs));
        case Path::Copy: break;
    }
    return nearest_table(inputs, outputs);  // the identity
}

double axis_kernel_width(Path path, int level, const KernelTable& base) {
    if (level == 0) return path == Path::Linear ? 2.0 : path == Path::Cubic ? 4.0 : 1.0;
    // Through the pyramid: the widest span of base pixels one output reads.
    int widest = 1;
    for (int d = 0; d < base.outputs; ++d) {
        int low = base.inputs, high = -1;
        for (int k = 0; k < base.taps; ++k) {
            if (base.w(d, k) == 0.0) continue;
            low = std::min(low, base.index(d, k));
            high = std::max(high, base.index(d, k));
        }
        widest = std::max(widest, high - low + 1);
    }
    return widest;
}

class SkiaModel final : public ScalingModel {
public:
    explicit SkiaModel(const ModelParams& p)
        : ScalingModel(p),
          path_(choose_path(p)),
          level_(choose_level(p, path_)),
          level_size_(mip_level_size(p.source, level_)),
          linear_x_(axis_linear(path_, level_, level_size_.width, p.source.width, p.target.width)),
          linear_y_(axis_linear(path_, level_, level_size_.height, p.source.height, p.target.height)),
          sample_x_(axis_sampling(path_, p, linear_x_, level_, level_size_.width, p.source.width, p.target.width)),
          sample_y_(axis_sampling(path_, p, linear_y_, level_, level_size_.height, p.source.height, p.target.height)),
          x_(compose_with_pyramid(sample_x_, p.source.width, level_)),
          y_(compose_with_pyramid(sample_y_, p.source.height, level_)),
          l_(to_matrix(y_, 0.0)),
          r_(to_matrix(x_, 0.0)),
          width_x_(axis_kernel_width(path_, level_, x_)),
          width_y_(axis_kernel_width(path_, level_, y_)) {}

    double kernel_width(Axis axis) const override { return axis == Axis::Vertical ? width_y_ : width_x_; }

    // Only the 8888 stages are modelled; float images take other stages in Skia.
    bool supports(SampleType type) const override { return type == SampleType::UInt8; }

    const CoefficientMatrix& coefficients(Axis axis, SampleType) const override {
        return axis == Axis::Vertical ? l_ : r_;
    }

    void scale(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target) const override {
        if (level_ == 0) {
            sample(source, target);
            return;
        }
        // The pyramid down to the sampled level, built per call as SkMipmap::Build does per image.
        std::vector<std::uint8_t> previous, current;
        ImageRef<const std::uint8_t> from = source;
        for (int level = 1; level <= level_; ++level) {
            const Size size = mip_level_size(params().source, level);
            current.assign(static_cast<std::size_t>(size.width) * size.height * source.channels, 0);
            const ImageRef<std::uint8_t> to{current.data(), static_cast<std::ptrdiff_t>(size.width) * source.channels,
                                            size.width, size.height, source.channels};
            downsample(from, to);
            std::swap(previous, current);
            from = ImageRef<const std::uint8_t>{previous.data(), to.stride_bytes, size.width, size.height,
                                                source.channels};
        }
        sample(from, target);
    }

private:
    void sample(const ImageRef<const std::uint8_t>& level, const ImageRef<std::uint8_t>& target) const {
        switch (path_) {
            case Path::Copy:
            case Path::Nearest: resize_gather(level, target, sample_x_, sample_y_); return;
            case Path::Linear: resize_linear(level, target, linear_x_, linear_y_); return;
            case Path::Cubic: resize_cubic(level, target, sample_x_, sample_y_); return;
        }
    }

    Path path_;
    int level_;
    Size level_size_;
    LinearTable linear_x_, linear_y_;
    KernelTable sample_x_, sample_y_;  // on the sampled level
    KernelTable x_, y_;                // on the base image (the matrices)
    CoefficientMatrix l_, r_;
    double width_x_, width_y_;
};

}  // namespace

std::unique_ptr<ScalingModel> create_model(const ModelParams& params) { return std::make_unique<SkiaModel>(params); }

}  // namespace sd::skia
