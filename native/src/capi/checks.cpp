#include "capi/checks.hpp"

#include <cmath>
#include <cstdarg>
#include <vector>
#include <cstdio>
#include <limits>

#include "capi/errors.hpp"
#include "scaling/catalog.hpp"

namespace sd::capi {
namespace {

constexpr std::int64_t kMaxDimension = 1 << 20;  // keeps every index product inside int64

std::size_t sample_size(std::int32_t sample_type) { return sample_type == SD_SAMPLE_FLOAT32 ? 4 : 1; }

// Bytes from the first to one past the last addressed byte.
std::int64_t span_bytes(const sd_image& image) {
    const std::int64_t row = static_cast<std::int64_t>(image.width) * image.channels *
                             static_cast<std::int64_t>(sample_size(image.sample_type));
    return (static_cast<std::int64_t>(image.height) - 1) * image.stride + row;
}

}  // namespace

void require_not_null(const void* pointer, const char* name) {
    if (pointer == nullptr) throw ApiError(SD_STATUS_INVALID_ARGUMENT, std::string(name) + " must not be null");
}

void require(bool condition, sd_status status, const char* format, ...) {
    if (condition) return;
    char message[512];
    va_list args;
    va_start(args, format);
    std::vsnprintf(message, sizeof message, format, args);
    va_end(args);
    throw ApiError(status, message);
}

ModelParams to_model_params(const sd_scaling_model_params& p) {
    require(p.library != SD_LIBRARY_CUSTOM && p.algorithm != SD_ALGORITHM_CUSTOM, SD_STATUS_INVALID_ARGUMENT,
            "custom models have no library arithmetic to build: use sd_scaling_model_create_from_matrices");
    require(p.library >= SD_LIBRARY_OPENCV && p.library <= SD_LIBRARY_MLNET, SD_STATUS_INVALID_ARGUMENT,
            "unknown library %d (supported: 1 = OpenCV, 2 = Pillow, 3 = TensorFlow, 4 = TensorFlow1, 5 = PyTorch, "
            "6 = SkiaSharp, 7 = ML.NET)",
            p.library);
    require(p.mipmap_mode >= SD_MIPMAP_NONE && p.mipmap_mode <= SD_MIPMAP_LINEAR, SD_STATUS_INVALID_ARGUMENT,
            "unknown mipmap mode %d (0 = none, 1 = nearest, 2 = linear)", p.mipmap_mode);
    require(p.mlnet_resizing >= SD_MLNET_ISO_CROP && p.mlnet_resizing <= SD_MLNET_FILL, SD_STATUS_INVALID_ARGUMENT,
            "unknown ML.NET resizing %d (0 = iso crop, 1 = iso pad, 2 = fill)", p.mlnet_resizing);
    require(p.crop_anchor >= SD_CROP_ANCHOR_CENTER && p.crop_anchor <= SD_CROP_ANCHOR_RIGHT, SD_STATUS_INVALID_ARGUMENT,
            "unknown crop anchor %d (0 = center, 1 = top, 2 = bottom, 3 = left, 4 = right)", p.crop_anchor);
    require(p.algorithm >= SD_ALGORITHM_NEAREST && p.algorithm <= SD_ALGORITHM_MITCHELLCUBIC,
            SD_STATUS_INVALID_ARGUMENT, "unknown algorithm %d (see enum sd_algorithm: 1..%d)", p.algorithm,
            SD_ALGORITHM_MITCHELLCUBIC);
    require(p.antialias == 0 || p.antialias == 1, SD_STATUS_INVALID_ARGUMENT, "antialias must be 0 or 1, got %d",
            p.antialias);
    const std::int32_t sizes[] = {p.source_width, p.source_height, p.target_width, p.target_height};
    const char* names[] = {"source width", "source height", "target width", "target height"};
    for (int i = 0; i < 4; ++i) {
        require(sizes[i] > 0 && sizes[i] <= kMaxDimension, SD_STATUS_INVALID_ARGUMENT, "%s must be in 1..%lld, got %d",
                names[i], static_cast<long long>(kMaxDimension), sizes[i]);
    }
    require(p.opencv_build == SD_OPENCV_BUILD_PLAIN || p.opencv_build == SD_OPENCV_BUILD_IPP,
            SD_STATUS_INVALID_ARGUMENT, "opencv_build must be 0 (plain) or 1 (IPP), got %d", p.opencv_build);
    require(p.library == SD_LIBRARY_OPENCV || p.opencv_build == SD_OPENCV_BUILD_PLAIN, SD_STATUS_INVALID_ARGUMENT,
            "opencv_build applies to OpenCV only; pass 0 for library %d", p.library);
    ModelParams params{static_cast<Library>(p.library), static_cast<Algorithm>(p.algorithm),
                       {p.source_width, p.source_height}, {p.target_width, p.target_height}, p.antialias == 1,
                       static_cast<MipmapMode>(p.mipmap_mode), p.cubic_b, p.cubic_c, static_cast<OpenCvBuild>(p.opencv_build),
                       static_cast<MlNetResizing>(p.mlnet_resizing), static_cast<CropAnchor>(p.crop_anchor)};
    check_supported(params);  // invalid_argument naming the algorithms the library has
    return params;
}

Axis to_axis(std::int32_t axis) {
    require(axis == SD_AXIS_VERTICAL || axis == SD_AXIS_HORIZONTAL, SD_STATUS_INVALID_ARGUMENT,
            "unknown axis %d (0 = vertical/L, 1 = horizontal/R)", axis);
    return static_cast<Axis>(axis);
}

SampleType to_sample_type(std::int32_t sample_type) {
    require(sample_type == SD_SAMPLE_UINT8 || sample_type == SD_SAMPLE_FLOAT32, SD_STATUS_INVALID_ARGUMENT,
            "unknown sample type %d (1 = uint8, 2 = float32)", sample_type);
    return static_cast<SampleType>(sample_type);
}

void check_image(const sd_image& image, const char* name, Size expected) {
    require(image.data != nullptr, SD_STATUS_INVALID_ARGUMENT, "%s: data must not be null", name);
    to_sample_type(image.sample_type);
    require(image.channels >= 1 && image.channels <= 4, SD_STATUS_INVALID_ARGUMENT,
            "%s: channels must be 1..4, got %d", name, image.channels);
    require(image.width == expected.width && image.height == expected.height, SD_STATUS_INVALID_ARGUMENT,
            "%s: expected %dx%d pixels, got %dx%d", name, expected.width, expected.height, image.width, image.height);
    const std::int64_t row = static_cast<std::int64_t>(image.width) * image.channels *
                             static_cast<std::int64_t>(sample_size(image.sample_type));
    require(image.stride >= row, SD_STATUS_INVALID_ARGUMENT,
            "%s: stride %lld bytes is smaller than a row (%lld bytes)", name, static_cast<long long>(image.stride),
            static_cast<long long>(row));
    require(reinterpret_cast<std::uintptr_t>(image.data) % sample_size(image.sample_type) == 0,
            SD_STATUS_INVALID_ARGUMENT, "%s: data is not aligned to the %zu-byte sample size", name,
            sample_size(image.sample_type));
    require(image.stride % static_cast<std::int64_t>(sample_size(image.sample_type)) == 0, SD_STATUS_INVALID_ARGUMENT,
            "%s: stride %lld is not a multiple of the sample size", name, static_cast<long long>(image.stride));
    // Sizes are at most 2^20 and stride is checked against overflow of height * stride here.
    require(image.stride <= std::numeric_limits<std::int64_t>::max() / image.height, SD_STATUS_INVALID_ARGUMENT,
            "%s: height * stride overflows", name);
    const auto start = reinterpret_cast<std::uintptr_t>(image.data);
    require(static_cast<std::uint64_t>(span_bytes(image)) <= std::numeric_limits<std::uintptr_t>::max() - start,
            SD_STATUS_INVALID_ARGUMENT, "%s: the image extends past the end of the address space", name);
}

void check_no_overlap(const sd_image& a, const sd_image& b) {
    const auto a0 = reinterpret_cast<std::uintptr_t>(a.data);
    const auto b0 = reinterpret_cast<std::uintptr_t>(b.data);
    const auto a1 = a0 + static_cast<std::uintptr_t>(span_bytes(a));
    const auto b1 = b0 + static_cast<std::uintptr_t>(span_bytes(b));
    require(a1 <= b0 || b1 <= a0, SD_STATUS_INVALID_ARGUMENT, "source and destination must not overlap");
}

CoefficientMatrix to_custom_matrix(const sd_sparse_matrix* matrix, const char* name) {
    require_not_null(matrix, name);
    const sd_sparse_matrix& m = *matrix;
    require(m.outputs > 0 && m.outputs <= kMaxDimension && m.inputs > 0 && m.inputs <= kMaxDimension,
            SD_STATUS_INVALID_ARGUMENT, "%s: outputs and inputs must be in 1..%lld, got %d and %d", name,
            static_cast<long long>(kMaxDimension), m.outputs, m.inputs);
    require(m.count > 0 && m.count <= static_cast<std::int64_t>(m.outputs) * m.inputs, SD_STATUS_INVALID_ARGUMENT,
            "%s: count must be in 1..outputs*inputs (%lld), got %lld", name,
            static_cast<long long>(m.outputs) * m.inputs, static_cast<long long>(m.count));
    require(m.count <= std::numeric_limits<std::int32_t>::max(), SD_STATUS_INVALID_ARGUMENT,
            "%s: count %lld exceeds the 32-bit offsets", name, static_cast<long long>(m.count));
    require(m.row_offsets != nullptr && m.indices != nullptr && m.weights != nullptr, SD_STATUS_INVALID_ARGUMENT,
            "%s: row_offsets, indices and weights must not be null", name);
    require(m.row_offsets[0] == 0 && m.row_offsets[m.outputs] == m.count, SD_STATUS_INVALID_ARGUMENT,
            "%s: row_offsets must start at 0 and end at count (%lld), got %d and %d", name,
            static_cast<long long>(m.count), m.row_offsets[0], m.row_offsets[m.outputs]);
    std::vector<Eigen::Triplet<double, std::int32_t>> taps;
    taps.reserve(static_cast<std::size_t>(m.count));
    for (std::int32_t r = 0; r < m.outputs; ++r) {
        const std::int32_t from = m.row_offsets[r], to = m.row_offsets[r + 1];
        require(from <= to && to <= m.count, SD_STATUS_INVALID_ARGUMENT,
                "%s: row_offsets must be non-decreasing and at most count (row %d: %d..%d)", name, r, from, to);
        bool reads = false;
        for (std::int32_t k = from; k < to; ++k) {
            const std::int32_t i = m.indices[k];
            const double w = m.weights[k];
            require(i >= 0 && i < m.inputs, SD_STATUS_INVALID_ARGUMENT, "%s: index %d of row %d is outside 0..%d", name,
                    i, r, m.inputs - 1);
            require(k == from || i > m.indices[k - 1], SD_STATUS_INVALID_ARGUMENT,
                    "%s: indices of row %d must be strictly ascending", name, r);
            require(std::isfinite(w), SD_STATUS_INVALID_ARGUMENT, "%s: weight %d of row %d is not finite", name,
                    k - from, r);
            if (w != 0.0) {
                reads = true;
                taps.emplace_back(r, i, w);
            }
        }
        require(reads, SD_STATUS_INVALID_ARGUMENT,
                "%s: row %d has no non-zero weight; every output must read a source pixel", name, r);
    }
    CoefficientMatrix result(m.outputs, m.inputs);
    result.setFromTriplets(taps.begin(), taps.end());
    result.makeCompressed();
    return result;
}

}  // namespace sd::capi
