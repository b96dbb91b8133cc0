// The core's enums and the C ABI's name the same values: the shim casts between them after a
// range check. Each switch lists every enumerator of one core enum with no default, so -Wswitch
// (an error under -Werror) names a core value left out here; agree<> fails the build when the
// value differs from the ABI's. Nothing here runs: the checks are done by the compiler.
#include <cstdint>

#include "core/types.hpp"
#include "defense/filter_window.hpp"
#include "detect/reconstruction_difference.hpp"
#include "scaledefense/scaledefense.h"

namespace sd::capi {
namespace {

template <auto Core, auto Abi>
constexpr std::int32_t agree() {
    static_assert(static_cast<std::int64_t>(Core) == static_cast<std::int64_t>(Abi),
                  "a core enum value differs from the C ABI's");
    return Abi;
}

[[maybe_unused]] constexpr std::int32_t abi_value(Library v) {
    switch (v) {
        case Library::OpenCV: return agree<Library::OpenCV, SD_LIBRARY_OPENCV>();
        case Library::Pillow: return agree<Library::Pillow, SD_LIBRARY_PILLOW>();
        case Library::TensorFlow: return agree<Library::TensorFlow, SD_LIBRARY_TENSORFLOW>();
        case Library::TensorFlow1: return agree<Library::TensorFlow1, SD_LIBRARY_TENSORFLOW1>();
        case Library::PyTorch: return agree<Library::PyTorch, SD_LIBRARY_PYTORCH>();
        case Library::SkiaSharp: return agree<Library::SkiaSharp, SD_LIBRARY_SKIASHARP>();
        case Library::MlNet: return agree<Library::MlNet, SD_LIBRARY_MLNET>();
        case Library::Custom: return agree<Library::Custom, SD_LIBRARY_CUSTOM>();
    }
    return -1;
}

[[maybe_unused]] constexpr std::int32_t abi_value(MlNetResizing v) {
    switch (v) {
        case MlNetResizing::IsoCrop: return agree<MlNetResizing::IsoCrop, SD_MLNET_ISO_CROP>();
        case MlNetResizing::IsoPad: return agree<MlNetResizing::IsoPad, SD_MLNET_ISO_PAD>();
        case MlNetResizing::Fill: return agree<MlNetResizing::Fill, SD_MLNET_FILL>();
    }
    return -1;
}

[[maybe_unused]] constexpr std::int32_t abi_value(CropAnchor v) {
    switch (v) {
        case CropAnchor::Center: return agree<CropAnchor::Center, SD_CROP_ANCHOR_CENTER>();
        case CropAnchor::Top: return agree<CropAnchor::Top, SD_CROP_ANCHOR_TOP>();
        case CropAnchor::Bottom: return agree<CropAnchor::Bottom, SD_CROP_ANCHOR_BOTTOM>();
        case CropAnchor::Left: return agree<CropAnchor::Left, SD_CROP_ANCHOR_LEFT>();
        case CropAnchor::Right: return agree<CropAnchor::Right, SD_CROP_ANCHOR_RIGHT>();
    }
    return -1;
}

[[maybe_unused]] constexpr std::int32_t abi_value(MipmapMode v) {
    switch (v) {
        case MipmapMode::None: return agree<MipmapMode::None, SD_MIPMAP_NONE>();
        case MipmapMode::Nearest: return agree<MipmapMode::Nearest, SD_MIPMAP_NEAREST>();
        case MipmapMode::Linear: return agree<MipmapMode::Linear, SD_MIPMAP_LINEAR>();
    }
    return -1;
}

[[maybe_unused]] constexpr std::int32_t abi_value(Algorithm v) {
    switch (v) {
        case Algorithm::Nearest: return agree<Algorithm::Nearest, SD_ALGORITHM_NEAREST>();
        case Algorithm::Bilinear: return agree<Algorithm::Bilinear, SD_ALGORITHM_BILINEAR>();
        case Algorithm::Bicubic: return agree<Algorithm::Bicubic, SD_ALGORITHM_BICUBIC>();
        case Algorithm::Area: return agree<Algorithm::Area, SD_ALGORITHM_AREA>();
        case Algorithm::Lanczos: return agree<Algorithm::Lanczos, SD_ALGORITHM_LANCZOS>();
        case Algorithm::NearestExact: return agree<Algorithm::NearestExact, SD_ALGORITHM_NEAREST_EXACT>();
        case Algorithm::Box: return agree<Algorithm::Box, SD_ALGORITHM_BOX>();
        case Algorithm::Hamming: return agree<Algorithm::Hamming, SD_ALGORITHM_HAMMING>();
        case Algorithm::Lanczos3: return agree<Algorithm::Lanczos3, SD_ALGORITHM_LANCZOS3>();
        case Algorithm::Lanczos5: return agree<Algorithm::Lanczos5, SD_ALGORITHM_LANCZOS5>();
        case Algorithm::Gaussian: return agree<Algorithm::Gaussian, SD_ALGORITHM_GAUSSIAN>();
        case Algorithm::MitchellCubic: return agree<Algorithm::MitchellCubic, SD_ALGORITHM_MITCHELLCUBIC>();
        case Algorithm::Custom: return agree<Algorithm::Custom, SD_ALGORITHM_CUSTOM>();
    }
    return -1;
}

[[maybe_unused]] constexpr std::int32_t abi_value(SampleType v) {
    switch (v) {
        case SampleType::UInt8: return agree<SampleType::UInt8, SD_SAMPLE_UINT8>();
        case SampleType::Float32: return agree<SampleType::Float32, SD_SAMPLE_FLOAT32>();
    }
    return -1;
}

[[maybe_unused]] constexpr std::int32_t abi_value(Axis v) {
    switch (v) {
        case Axis::Vertical: return agree<Axis::Vertical, SD_AXIS_VERTICAL>();
        case Axis::Horizontal: return agree<Axis::Horizontal, SD_AXIS_HORIZONTAL>();
    }
    return -1;
}

[[maybe_unused]] constexpr std::int32_t abi_value(OpenCvBuild v) {
    switch (v) {
        case OpenCvBuild::Plain: return agree<OpenCvBuild::Plain, SD_OPENCV_BUILD_PLAIN>();
        case OpenCvBuild::Ipp: return agree<OpenCvBuild::Ipp, SD_OPENCV_BUILD_IPP>();
    }
    return -1;
}

[[maybe_unused]] constexpr std::int32_t abi_value(WindowKind v) {
    switch (v) {
        case WindowKind::Paper: return agree<WindowKind::Paper, SD_WINDOW_PAPER>();
        case WindowKind::Narrow: return agree<WindowKind::Narrow, SD_WINDOW_NARROW>();
    }
    return -1;
}

[[maybe_unused]] constexpr std::int32_t abi_value(ReconstructionFilter v) {
    switch (v) {
        case ReconstructionFilter::Median: return agree<ReconstructionFilter::Median, SD_RECONSTRUCTION_MEDIAN>();
        case ReconstructionFilter::Random: return agree<ReconstructionFilter::Random, SD_RECONSTRUCTION_RANDOM>();
        case ReconstructionFilter::WeightedMedian:
            return agree<ReconstructionFilter::WeightedMedian, SD_RECONSTRUCTION_WEIGHTED_MEDIAN>();
    }
    return -1;
}

}  // namespace
}  // namespace sd::capi
