// Turns a fuzzer's bytes into C ABI arguments: small models (so one run does useful work in
// microseconds) and images whose views may lie about their size, stride, channels or alignment.
// The buffer always holds what the view addresses when the view is well formed; a malformed view
// gets a buffer of width * height samples, so the library must refuse it or ASan reports the read.
#pragma once

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <vector>

#include "scaledefense/scaledefense.h"

namespace sd_fuzz {

constexpr int kMaxSide = 40;

// Mostly a small valid value in [lo, hi], sometimes a hostile one.
inline int32_t small_or_hostile(FuzzedDataProvider& in, int32_t lo, int32_t hi) {
    if (in.ConsumeIntegralInRange<int>(0, 15) != 0) return in.ConsumeIntegralInRange<int32_t>(lo, hi);
    return in.PickValueInArray<int32_t>({0, -1, hi + 1, INT32_MIN, INT32_MAX, (1 << 20) + 1});
}

inline sd_scaling_model_params model_params(FuzzedDataProvider& in) {
    sd_scaling_model_params p{};
    p.library = small_or_hostile(in, SD_LIBRARY_OPENCV, SD_LIBRARY_SKIASHARP);
    p.algorithm = small_or_hostile(in, SD_ALGORITHM_NEAREST, SD_ALGORITHM_MITCHELLCUBIC);
    p.source_width = small_or_hostile(in, 1, kMaxSide);
    p.source_height = small_or_hostile(in, 1, kMaxSide);
    p.target_width = small_or_hostile(in, 1, kMaxSide);
    p.target_height = small_or_hostile(in, 1, kMaxSide);
    p.antialias = small_or_hostile(in, 0, 1);
    // Mostly left at zero (every scaler but SkiaSharp's refuses anything else), sometimes set.
    if (in.ConsumeIntegralInRange<int>(0, 7) == 0) p.mipmap_mode = small_or_hostile(in, SD_MIPMAP_NONE, SD_MIPMAP_LINEAR);
    if (in.ConsumeIntegralInRange<int>(0, 3) == 0) {
        p.cubic_b = in.ConsumeFloatingPointInRange<double>(-0.5, 1.5);
        p.cubic_c = in.ConsumeFloatingPointInRange<double>(-0.5, 1.5);
    }
    p.opencv_build = small_or_hostile(in, SD_OPENCV_BUILD_PLAIN, SD_OPENCV_BUILD_IPP);
    return p;
}

// A model made from fuzz input; handle is null when the library refused the parameters.
struct Model {
    sd_scaling_model_params params;
    sd_scaling_model* handle = nullptr;
    explicit Model(FuzzedDataProvider& in) : params(model_params(in)) {
        if (sd_scaling_model_create(&params, &handle) != SD_STATUS_OK) handle = nullptr;
    }
    Model(const Model&) = delete;
    Model& operator=(const Model&) = delete;
    ~Model() { sd_scaling_model_destroy(handle); }
};

// An image view of (about) the given size; owns its bytes.
struct Image {
    std::vector<unsigned char> bytes;
    sd_image view{};
};

// One in 16 draws replaces `usual` by a value from [lo, hi].
inline int32_t mostly(FuzzedDataProvider& in, int32_t usual, int32_t lo, int32_t hi) {
    return in.ConsumeIntegralInRange<int>(0, 15) == 0 ? in.ConsumeIntegralInRange<int32_t>(lo, hi) : usual;
}

inline Image image(FuzzedDataProvider& in, int width, int height, int channels, int32_t sample_type) {
    Image image;
    sd_image& v = image.view;
    v.width = mostly(in, width, width - 1, width + 1);
    v.height = mostly(in, height, height - 1, height + 1);
    v.channels = mostly(in, channels, -1, 6);
    v.sample_type = mostly(in, sample_type, 0, 3);
    const int64_t sample = v.sample_type == SD_SAMPLE_FLOAT32 ? 4 : 1;
    const bool sane = v.width > 0 && v.height > 0 && v.channels > 0;
    const int64_t row = sane ? static_cast<int64_t>(v.width) * v.channels * sample : 0;
    switch (in.ConsumeIntegralInRange<int>(0, 7)) {
        case 0: v.stride = row - in.ConsumeIntegralInRange<int>(1, 8); break;  // shorter than a row
        case 1: v.stride = in.PickValueInArray<int64_t>({-1, INT64_MIN, INT64_MAX, -row}); break;
        case 2: v.stride = row + in.ConsumeIntegralInRange<int>(1, 3); break;  // maybe not a sample multiple
        default: v.stride = row + sample * in.ConsumeIntegralInRange<int>(0, 8); break;
    }
    // What the view addresses when the library may accept it; INT64_MAX strides only fit one row.
    const bool backed = sane && v.stride >= row && (v.height == 1 || v.stride <= (1 << 20));
    const int64_t bytes = backed ? (v.height == 1 ? row : (static_cast<int64_t>(v.height) - 1) * v.stride + row)
                                 : static_cast<int64_t>(width) * height * channels;
    const int offset = mostly(in, 0, 0, 1);  // 1: a misaligned float view
    image.bytes.resize(static_cast<size_t>(bytes + offset));
    const std::vector<unsigned char> fill = in.ConsumeBytes<unsigned char>(image.bytes.size());
    for (size_t i = 0; i < image.bytes.size(); ++i)
        image.bytes[i] = i < fill.size() ? fill[i] : static_cast<unsigned char>(i * 31);  // any float bits too
    v.data = mostly(in, 1, 0, 1) == 0 || image.bytes.empty() ? nullptr : image.bytes.data() + offset;
    return image;
}

}  // namespace sd_fuzz
