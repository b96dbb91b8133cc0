// TensorFlow's CPU resize loops on float32 images, one function per op. Tables come from
// tensorflow_tables.hpp; sizes and channels have been checked by the caller.
#pragma once

#include "core/image_ref.hpp"
#include "scaling/tensorflow/tensorflow_tables.hpp"

namespace sd::tensorflow {

using F32Source = ImageRef<const float>;
using F32Target = ImageRef<float>;

// resize_nearest_neighbor_op.cc: ResizeNearestNeighbor<CPUDevice>: a copy of one pixel.
void resize_nearest(const F32Source& source, const F32Target& target, const AxisTable& x, const AxisTable& y);

// resize_bilinear_op.cc: resize_image / compute_lerp: top = tl + (tr - tl) * xl,
// bottom = bl + (br - bl) * xl, out = top + (bottom - top) * yl.
void resize_bilinear(const F32Source& source, const F32Target& target, const AxisTable& x, const AxisTable& y);

// resize_bicubic_op.cc: interpolate_with_caching: per x tap a vertical Interpolate1D, then a
// horizontal one over the four column values.
void resize_bicubic(const F32Source& source, const F32Target& target, const AxisTable& x, const AxisTable& y);

// resize_area_op.cc: ComputePatchSum: per row, v0*w0 + interior + v_last*w_last; rows weighted and
// summed; times `scale` = fl(1.0 / fl(bh * bw)).
void resize_area(const F32Source& source, const F32Target& target, const AxisTable& x, const AxisTable& y, float scale);

// scale_and_translate_op.cc: GatherSpans<CPUDevice>: GatherRows into a float32 buffer, then
// GatherColumns; each sum starts at 0 and adds w * v in tap order.
void resize_spans(const F32Source& source, const F32Target& target, const AxisTable& x, const AxisTable& y);

}  // namespace sd::tensorflow
