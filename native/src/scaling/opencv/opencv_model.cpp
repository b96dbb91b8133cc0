#include "scaling/opencv/opencv_model.hpp"

#include <cmath>
#include <stdexcept>

#include "scaling/opencv/opencv_area_kernels.hpp"
#include "scaling/opencv/opencv_ipp_cubic.hpp"
#include "scaling/opencv/opencv_kernels.hpp"
#include "scaling/opencv/opencv_tables.hpp"
#include "scaling/opencv/opencv_u8_kernels.hpp"
#include "scaling/opencv/opencv_wide_kernels.hpp"

namespace sd::opencv {
namespace {

// Which of cv::resize's code paths a size pair and algorithm end up in (cv::hal::resize).
enum class Path { Copy, Nearest, Linear, Area2x2, AreaBlock, AreaTable, Cubic, IppCubic, Lanczos4 };

struct Plan {
    Path path = Path::Copy;
    KernelTable x, y;
    KernelTable ipp_x, ipp_y;    // IppCubic: IPP's tables (x, y stay OpenCV's, for 2 channels)
    bool fixed_matrices = true;  // 8-bit matrices from the 11-bit weights (else float32 weights)
    int kx = 0, ky = 0;          // integer ratios of the area fast path
    double width_x = 1, width_y = 1;
    AxisTaps u8_x, u8_y;         // the 8-bit kernels' form of the tables the path reads
};

int integer_step(int inputs, int outputs) {
    const int k = static_cast<int>(std::nearbyint(source_step(inputs, outputs)));
    return is_integer_step(inputs, outputs, k) ? k : 0;
}

Plan plan_interpolation(Interpolation kind, const Size& s, const Size& t, bool area_mode) {
    Plan p;
    p.x = interpolation_table(kind, s.width, t.width, true, area_mode);
    p.y = interpolation_table(kind, s.height, t.height, false, area_mode);
    p.width_x = p.width_y = p.x.taps;
    return p;
}

Plan plan_area(const Size& s, const Size& t) {
    const double sx = source_step(s.width, t.width);
    const double sy = source_step(s.height, t.height);
    if (sx < 1 || sy < 1) {
        // An upscaled axis: the linear kernel on area-mode tables, on both axes.
        Plan p = plan_interpolation(Interpolation::Linear, s, t, true);
        p.path = Path::Linear;
        return p;
    }
    Plan p;
    p.x = area_table(s.width, t.width);
    p.y = area_table(s.height, t.height);
    p.fixed_matrices = false;
    p.width_x = sx;
    p.width_y = sy;
    p.kx = integer_step(s.width, t.width);
    p.ky = integer_step(s.height, t.height);
    if (p.kx == 2 && p.ky == 2)
        p.path = Path::Area2x2;
    else if (p.kx > 0 && p.ky > 0)
        p.path = Path::AreaBlock;
    else
        p.path = Path::AreaTable;
    return p;
}

Plan make_plan(const ModelParams& m) {
    const Size& s = m.source;
    const Size& t = m.target;
    Plan p;
    switch (m.algorithm) {
        case Algorithm::Nearest:
        case Algorithm::NearestExact: {
            const bool exact = m.algorithm == Algorithm::NearestExact;
            p.x = exact ? nearest_exact_table(s.width, t.width) : nearest_table(s.width, t.width);
            p.y = exact ? nearest_exact_table(s.height, t.height) : nearest_table(s.height, t.height);
            p.path = Path::Nearest;
            break;
        }
        case Algorithm::Bilinear:
            p = plan_interpolation(Interpolation::Linear, s, t, false);
            // INTER_LINEAR with both ratios exactly 2 is handed to the INTER_AREA fast path.
            p.path = integer_step(s.width, t.width) == 2 && integer_step(s.height, t.height) == 2 ? Path::Area2x2
                                                                                                  : Path::Linear;
            break;
        case Algorithm::Bicubic:
            p = plan_interpolation(Interpolation::Cubic, s, t, false);
            p.path = Path::Cubic;
            if (m.opencv_build == OpenCvBuild::Ipp && ipp_takes_cubic(s.width, s.height)) {
                p.path = Path::IppCubic;
                p.ipp_x = ipp_cubic_table(s.width, t.width);
                p.ipp_y = ipp_cubic_table(s.height, t.height);
                p.fixed_matrices = false;  // IPP's float32 weights on both paths
            }
            break;
        case Algorithm::Lanczos:
            p = plan_interpolation(Interpolation::Lanczos4, s, t, false);
            p.path = Path::Lanczos4;
            break;
        case Algorithm::Area: p = plan_area(s, t); break;
        default: throw std::invalid_argument("OpenCV has no such algorithm");
    }
    // Same size: a plain copy for every algorithm; the tables are the identity then anyway.
    if (s == t) p.path = Path::Copy;
    switch (p.path) {
        case Path::Nearest:
        case Path::Linear:
            p.u8_x = all_taps(p.x);
            p.u8_y = all_taps(p.y);
            break;
        case Path::IppCubic:
            p.u8_x = ipp_cubic_taps(p.ipp_x);
            p.u8_y = all_taps(p.ipp_y);
            break;
        case Path::AreaTable:
            p.u8_x = weighted_taps(p.x);
            p.u8_y = weighted_taps(p.y);
            break;
        default: break;
    }
    return p;
}

// The tables L and R describe: IPP's where IPP takes the call (1, 3 and 4 channels).
const KernelTable& matrix_table(const Plan& p, Axis axis) {
    if (p.path == Path::IppCubic) return axis == Axis::Vertical ? p.ipp_y : p.ipp_x;
    return axis == Axis::Vertical ? p.y : p.x;
}

class OpenCvModel final : public ScalingModel {
public:
    explicit OpenCvModel(const ModelParams& params)
        : ScalingModel(params),
          plan_(make_plan(params)),
          l_u8_(to_matrix(matrix_table(plan_, Axis::Vertical), plan_.fixed_matrices ? 2048.0 : 0.0)),
          r_u8_(to_matrix(matrix_table(plan_, Axis::Horizontal), plan_.fixed_matrices ? 2048.0 : 0.0)),
          l_f32_(to_matrix(matrix_table(plan_, Axis::Vertical), 0.0)),
          r_f32_(to_matrix(matrix_table(plan_, Axis::Horizontal), 0.0)) {}

    double kernel_width(Axis axis) const override {
        return axis == Axis::Vertical ? plan_.width_y : plan_.width_x;
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
        const KernelTable& x = plan_.x;
        const KernelTable& y = plan_.y;
        switch (plan_.path) {
            case Path::Copy: copy_image(source, target); return;
            case Path::Nearest: nearest(source, target); return;
            case Path::Linear: linear(source, target); return;
            case Path::Area2x2: resize_area_2x2(source, target); return;
            case Path::AreaBlock: resize_area_block(source, target, plan_.kx, plan_.ky); return;
            case Path::AreaTable: area_table(source, target); return;
            case Path::Cubic: resize_cubic(source, target, x, y); return;
            case Path::IppCubic:
                if (ipp_takes_channels(source.channels))
                    ipp_cubic(source, target);
                else
                    resize_cubic(source, target, x, y);
                return;
            case Path::Lanczos4: resize_lanczos4(source, target, x, y); return;
        }
    }

    // 8-bit: the kernels on prepared tables (opencv_u8_kernels.hpp); float32: the reference kernels.
    void nearest(const U8Source& s, const U8Target& t) const { scale_nearest_u8(s, t, plan_.u8_x, plan_.u8_y); }
    void nearest(const F32Source& s, const F32Target& t) const { resize_nearest(s, t, plan_.x, plan_.y); }
    void linear(const U8Source& s, const U8Target& t) const { scale_linear_u8(s, t, plan_.u8_x, plan_.u8_y); }
    void linear(const F32Source& s, const F32Target& t) const { resize_linear(s, t, plan_.x, plan_.y); }
    void area_table(const U8Source& s, const U8Target& t) const { scale_area_u8(s, t, plan_.u8_x, plan_.u8_y); }
    void area_table(const F32Source& s, const F32Target& t) const { resize_area_table(s, t, plan_.x, plan_.y); }
    void ipp_cubic(const U8Source& s, const U8Target& t) const { scale_ipp_cubic_u8(s, t, plan_.u8_x, plan_.u8_y); }
    void ipp_cubic(const F32Source& s, const F32Target& t) const { resize_ipp_cubic(s, t, plan_.ipp_x, plan_.ipp_y); }

    Plan plan_;
    CoefficientMatrix l_u8_, r_u8_, l_f32_, r_f32_;
};

}  // namespace

std::unique_ptr<ScalingModel> create_model(const ModelParams& params) { return std::make_unique<OpenCvModel>(params); }

}  // namespace sd::opencv
