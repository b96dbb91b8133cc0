#include "scaling/opencv/opencv_model.hpp"

#include <string>

#include "core/errors.hpp"
#include "scaling/catalog.hpp"

#include "scaling/opencv/opencv_kernels.hpp"
#include "scaling/opencv/opencv_tables.hpp"

namespace sd::opencv {
namespace {

// Which of cv::resize's code paths a size pair and algorithm end up in.
enum class Path { Copy, Nearest, Linear, Area2x2 };

Path choose_path(const ModelParams& p) {
    if (p.source == p.target) return Path::Copy;
    if (p.algorithm == Algorithm::Nearest) return Path::Nearest;
    // INTER_LINEAR with both ratios exactly 2 is handed to the INTER_AREA fast path.
    if (is_integer_step(p.source.width, p.target.width, 2) && is_integer_step(p.source.height, p.target.height, 2))
        return Path::Area2x2;
    return Path::Linear;
}

class OpenCvModel final : public ScalingModel {
public:
    explicit OpenCvModel(const ModelParams& p)
        : ScalingModel(p),
          path_(choose_path(p)),
          x_(p.algorithm == Algorithm::Nearest ? nearest_table(p.source.width, p.target.width)
                                               : linear_table(p.source.width, p.target.width, true)),
          y_(p.algorithm == Algorithm::Nearest ? nearest_table(p.source.height, p.target.height)
                                               : linear_table(p.source.height, p.target.height, false)),
          // 8-bit weights are the 11-bit fixed-point ones; float32 weights are used as they are.
          // A copy is the identity either way, which both tables already give at equal sizes.
          l_u8_(to_matrix(y_, 2048.0)),
          r_u8_(to_matrix(x_, 2048.0)),
          l_f32_(to_matrix(y_, 0.0)),
          r_f32_(to_matrix(x_, 0.0)) {}

    double kernel_width(Axis) const override {
        return params().algorithm == Algorithm::Nearest ? 1.0 : 2.0;
    }

    bool supports(SampleType) const override { return true; }

    const CoefficientMatrix& coefficients(Axis axis, SampleType type) const override {
        if (type == SampleType::UInt8) return axis == Axis::Vertical ? l_u8_ : r_u8_;
        return axis == Axis::Vertical ? l_f32_ : r_f32_;
    }

    void scale(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target) const override {
        run(source, target);
    }
    void scale(const ImageRef<const float>& source, const ImageRef<float>& target) const override {
        run(source, target);
    }

private:
    template <typename Source, typename Target>
    void run(const Source& source, const Target& target) const {
        switch (path_) {
            case Path::Copy: copy_image(source, target); return;
            case Path::Nearest: resize_nearest(source, target, x_, y_); return;
            case Path::Linear: resize_linear(source, target, x_, y_); return;
            case Path::Area2x2: resize_area_2x2(source, target); return;
        }
    }

    Path path_;
    KernelTable x_;
    KernelTable y_;
    CoefficientMatrix l_u8_, r_u8_, l_f32_, r_f32_;
};

}  // namespace

std::unique_ptr<ScalingModel> create_model(const ModelParams& params) {
    if (params.algorithm != Algorithm::Nearest && params.algorithm != Algorithm::Bilinear)
        throw UnsupportedError(std::string("OpenCV ") + algorithm_name(params.algorithm) + " is not implemented yet");
    return std::make_unique<OpenCvModel>(params);
}

}  // namespace sd::opencv
