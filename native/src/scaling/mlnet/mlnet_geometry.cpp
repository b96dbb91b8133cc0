#include "scaling/mlnet/mlnet_geometry.hpp"

namespace sd::mlnet {
namespace {

// C#'s (int) conversion: truncation toward zero (the values here are far inside int's range).
int truncate(float v) { return static_cast<int>(v); }

}  // namespace

DrawRect draw_rect(Size source, Size target, MlNetResizing resizing, CropAnchor anchor) {
    // Every step in float, one rounding per operation, as the C# code runs (no contraction: the
    // core is built with -ffp-contract=off).
    const float width_aspect = static_cast<float>(target.width) / static_cast<float>(source.width);
    const float height_aspect = static_cast<float>(target.height) / static_cast<float>(source.height);
    const bool height_is_tighter = height_aspect < width_aspect;
    int x = 0;
    int y = 0;
    float aspect;
    const auto overhang_x = [&](float a) { return static_cast<float>(target.width) - static_cast<float>(source.width) * a; };
    const auto overhang_y = [&](float a) { return static_cast<float>(target.height) - static_cast<float>(source.height) * a; };
    if (resizing == MlNetResizing::IsoPad) {
        // Fit inside: the tighter aspect wins, the other axis is centred.
        aspect = height_is_tighter ? height_aspect : width_aspect;
        if (height_is_tighter)
            x = truncate(overhang_x(aspect) / 2);
        else
            y = truncate(overhang_y(aspect) / 2);
    } else {
        // Fill and crop: the looser aspect wins, the anchor places the overhang.
        aspect = height_is_tighter ? width_aspect : height_aspect;
        if (height_is_tighter) {
            if (anchor == CropAnchor::Bottom)
                y = truncate(overhang_y(aspect));
            else if (anchor != CropAnchor::Top)
                y = truncate(overhang_y(aspect) / 2);
        } else {
            if (anchor == CropAnchor::Right)
                x = truncate(overhang_x(aspect));
            else if (anchor != CropAnchor::Left)
                x = truncate(overhang_x(aspect) / 2);
        }
    }
    const int width = truncate(static_cast<float>(source.width) * aspect);
    const int height = truncate(static_cast<float>(source.height) * aspect);
    return DrawRect{skia::DrawSpan{x, width}, skia::DrawSpan{y, height}};
}

}  // namespace sd::mlnet
