#include "scaling/mlnet/mlnet_model.hpp"

#include "scaling/mlnet/mlnet_geometry.hpp"
#include "scaling/skia/skia_model.hpp"

namespace sd::mlnet {

std::unique_ptr<ScalingModel> create_model(const ModelParams& params) {
    // Fill is SKBitmap.Resize with nearest sampling: SkiaSharp's own nearest model. At equal sizes
    // the draw is the identity, which Skia copies without filtering (tested against ML.NET): the
    // SkiaSharp model's copy.
    if (params.algorithm == Algorithm::Nearest || params.source == params.target) return skia::create_model(params);
    // IsoCrop and IsoPad draw the whole image into a rectangle of a new (zeroed) bitmap with
    // SKCubicResampler.Mitchell: B = C = 1/3 as Skia's float constants.
    const DrawRect rect = draw_rect(params.source, params.target, params.mlnet_resizing, params.crop_anchor);
    return skia::create_drawing_model(params, skia::CubicDraw{rect.x, rect.y, 1.0f / 3.0f, 1.0f / 3.0f});
}

}  // namespace sd::mlnet
