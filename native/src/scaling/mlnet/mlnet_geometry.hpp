// Where ML.NET 6's ResizeImages (MLImage.CloneWithResizing) draws the source in the target for
// IsoCrop and IsoPad: the destination rectangle, computed in float and truncated to int exactly as
// ML.NET does, quirks included (1000x750 -> 224x224 iso crop draws only 223 rows).
#pragma once

#include "core/types.hpp"
#include "scaling/skia/skia_tables.hpp"

namespace sd::mlnet {

struct DrawRect {
    skia::DrawSpan x, y;
};

DrawRect draw_rect(Size source, Size target, MlNetResizing resizing, CropAnchor anchor);

}  // namespace sd::mlnet
