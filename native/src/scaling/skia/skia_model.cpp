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
// MipLinear: SKMipmapMode.Linear, which always takes the highp sampling stages.
enum class Path { Copy, Nearest, Linear, Cubic, MipLinear };

Path choose_path(const ModelParams& p) {
    if (p.source == p.target) return Path::Copy;
    if (p.mipmap == MipmapMode::Linear) return Path::MipLinear;
    switch (p.algorithm) {
        case Algorithm::Nearest: return Path::Nearest;
        case Algorithm::Bilinear: return Path::Linear;
        case Algorithm::Bicubic: return Path::Cubic;
        default: break;
    }
    throw UnsupportedError(std::string("SkiaSharp has no ") + algorithm_name(p.algorithm) + " sampling");
}

// The mip level sampled (0: the image itself).
// The mip levels sampled: the level (0: the image itself) and, for SKMipmapMode.Linear, the weight
// of the level below it.
LinearMip choose_levels(const ModelParams& p, Path path) {
    const float ix = inverse_scale(p.source.width, p.target.width);
    const float iy = inverse_scale(p.source.height, p.target.height);
    if (path == Path::MipLinear) return linear_mip_levels(p.source, ix, iy);
    if (p.mipmap != MipmapMode::Nearest || path == Path::Copy) return {};
    return {nearest_mip_level(p.source, ix, iy), 0.0f};
}

// Positions of the outputs on a level (highp stages): on the upper level (i + 0.5) * inverse; on
// the lower one those times f32(lower size / upper size), as mipmap_linear_update computes them.
std::vector<float> level_positions(int outputs, float inverse) {
    std::vector<float> positions(static_cast<std::size_t>(outputs));
    for (int d = 0; d < outputs; ++d) positions[static_cast<std::size_t>(d)] = sample_position(d, inverse);
    return positions;
}

std::vector<float> scaled_positions(std::vector<float> positions, int lower_inputs, int upper_inputs) {
    const float scale = static_cast<float>(lower_inputs) / static_cast<float>(upper_inputs);
    for (float& p : positions) p = p * scale;
    return positions;
}

// The highp table of one level of SKMipmapMode.Linear.
KernelTable highp_table(const ModelParams& p, int inputs, const std::vector<float>& positions) {
    return p.algorithm == Algorithm::Bilinear ? highp_linear_table_at(inputs, positions)
                                              : nearest_table_at(inputs, positions);
}

// One axis of SKMipmapMode.Linear: the tables of the upper and (when weighted) lower level.
struct MipAxis {
    KernelTable upper, lower;
};

MipAxis mip_axis(const ModelParams& p, Path path, const LinearMip& levels, int inputs, int outputs, bool vertical) {
    if (path != Path::MipLinear) return {};
    const auto size_of = [&](int level) {
        const Size s = mip_level_size(p.source, level);
        return vertical ? s.height : s.width;
    };
    const int upper_inputs = size_of(levels.upper);
    const float base = inverse_scale(inputs, outputs);
    const float inverse = levels.upper == 0 ? base : level_inverse(upper_inputs, inputs, base);
    const std::vector<float> upper = level_positions(outputs, inverse);
    MipAxis axis{highp_table(p, upper_inputs, upper), KernelTable{}};
    if (levels.lower_weight > 0.0f) {
        const int lower_inputs = size_of(levels.upper + 1);
        axis.lower = highp_table(p, lower_inputs, scaled_positions(upper, lower_inputs, upper_inputs));
    }
    return axis;
}

// The base-image table of an axis: the sampled level's table through the pyramid, or the blend of
// the two levels' for SKMipmapMode.Linear.
KernelTable base_table(Path path, const LinearMip& levels, const KernelTable& sampling, const MipAxis& mip,
                       int inputs) {
    if (path != Path::MipLinear) return compose_with_pyramid(sampling, inputs, levels.upper);
    KernelTable upper = compose_with_pyramid(mip.upper, inputs, levels.upper);
    if (!(levels.lower_weight > 0.0f)) return upper;
    return blend_tables(upper, compose_with_pyramid(mip.lower, inputs, levels.upper + 1), levels.lower_weight);
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
KernelTable axis_sampling(Path path, const CubicDraw& draw, DrawSpan span, const LinearTable& linear, int level,
                          int level_inputs, int inputs, int outputs) {
    switch (path) {
        case Path::Linear: return linear.table;
        case Path::Cubic: return cubic_table(inputs, outputs, cubic_coefficients(draw.b, draw.c), span);
        case Path::Nearest:
            return nearest_table(level_inputs, outputs, axis_inverse(level, level_inputs, inputs, outputs));
        case Path::Copy:
        case Path::MipLinear: break;
    }
    return nearest_table(inputs, outputs);  // the identity (MipLinear keeps its own tables)
}

double axis_kernel_width(Path path, int level, const KernelTable& base) {
    if (level == 0 && path != Path::MipLinear) return path == Path::Linear ? 2.0 : path == Path::Cubic ? 4.0 : 1.0;
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
    SkiaModel(const ModelParams& p, Path path, const CubicDraw& draw)
        : ScalingModel(p),
          path_(path),
          levels_(choose_levels(p, path_)),
          level_(levels_.upper),
          level_size_(mip_level_size(p.source, level_)),
          linear_x_(axis_linear(path_, level_, level_size_.width, p.source.width, p.target.width)),
          linear_y_(axis_linear(path_, level_, level_size_.height, p.source.height, p.target.height)),
          sample_x_(axis_sampling(path_, draw, draw.x, linear_x_, level_, level_size_.width, p.source.width, p.target.width)),
          sample_y_(axis_sampling(path_, draw, draw.y, linear_y_, level_, level_size_.height, p.source.height, p.target.height)),
          mip_x_(mip_axis(p, path_, levels_, p.source.width, p.target.width, false)),
          mip_y_(mip_axis(p, path_, levels_, p.source.height, p.target.height, true)),
          x_(base_table(path_, levels_, sample_x_, mip_x_, p.source.width)),
          y_(base_table(path_, levels_, sample_y_, mip_y_, p.source.height)),
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
        const bool lower = path_ == Path::MipLinear && levels_.lower_weight > 0.0f;
        const int deepest = level_ + (lower ? 1 : 0);
        // The pyramid down to the deepest level sampled, built per call as SkMipmap::Build does per image.
        std::vector<std::vector<std::uint8_t>> buffers(static_cast<std::size_t>(deepest));
        std::vector<ImageRef<const std::uint8_t>> levels{source};
        for (int level = 1; level <= deepest; ++level) {
            const Size size = mip_level_size(params().source, level);
            std::vector<std::uint8_t>& buffer = buffers[static_cast<std::size_t>(level - 1)];
            buffer.assign(static_cast<std::size_t>(size.width) * size.height * source.channels, 0);
            const ImageRef<std::uint8_t> to{buffer.data(), static_cast<std::ptrdiff_t>(size.width) * source.channels,
                                            size.width, size.height, source.channels};
            downsample(levels.back(), to);
            levels.push_back(ImageRef<const std::uint8_t>{buffer.data(), to.stride_bytes, size.width, size.height,
                                                          source.channels});
        }
        if (path_ == Path::MipLinear) {
            const LevelSampling upper{levels[static_cast<std::size_t>(level_)], &mip_x_.upper, &mip_y_.upper};
            const LevelSampling below{levels.back(), &mip_x_.lower, &mip_y_.lower};
            resize_mip_linear(upper, lower ? &below : nullptr, levels_.lower_weight, target);
            return;
        }
        sample(levels.back(), target);
    }

private:
    void sample(const ImageRef<const std::uint8_t>& level, const ImageRef<std::uint8_t>& target) const {
        switch (path_) {
            case Path::Copy:
            case Path::Nearest: resize_gather(level, target, sample_x_, sample_y_); return;
            case Path::Linear: resize_linear(level, target, linear_x_, linear_y_); return;
            case Path::Cubic: resize_cubic(level, target, sample_x_, sample_y_); return;
            case Path::MipLinear: return;  // scale() takes it
        }
    }

    Path path_;
    LinearMip levels_;
    int level_;
    Size level_size_;
    LinearTable linear_x_, linear_y_;
    KernelTable sample_x_, sample_y_;  // on the sampled level
    MipAxis mip_x_, mip_y_;            // SKMipmapMode.Linear: both levels' highp tables
    KernelTable x_, y_;                // on the base image (the matrices)
    CoefficientMatrix l_, r_;
    double width_x_, width_y_;
};

}  // namespace

std::unique_ptr<ScalingModel> create_model(const ModelParams& params) {
    // SKBitmap.Resize: the whole target is drawn.
    const CubicDraw whole{DrawSpan{0, params.target.width}, DrawSpan{0, params.target.height},
                          static_cast<float>(params.cubic_b), static_cast<float>(params.cubic_c)};
    return std::make_unique<SkiaModel>(params, choose_path(params), whole);
}

std::unique_ptr<ScalingModel> create_drawing_model(const ModelParams& params, const CubicDraw& draw) {
    return std::make_unique<SkiaModel>(params, Path::Cubic, draw);
}

}  // namespace sd::skia
