#include "scaling/catalog.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace sd {

const std::vector<CatalogEntry>& catalog() {
    using A = Algorithm;
    using L = Library;
    static const std::vector<CatalogEntry> entries = {
        {L::OpenCV, A::Nearest, false},       {L::OpenCV, A::NearestExact, false},
        {L::OpenCV, A::Bilinear, false},      {L::OpenCV, A::Bicubic, false},
        {L::OpenCV, A::Area, false},          {L::OpenCV, A::Lanczos, false},
        {L::Pillow, A::Nearest, false},       {L::Pillow, A::Box, false},
        {L::Pillow, A::Bilinear, false},      {L::Pillow, A::Hamming, false},
        {L::Pillow, A::Bicubic, false},       {L::Pillow, A::Lanczos, false},
        // TF2 accepts antialias for nearest and area too and ignores it, as we do.
        {L::TensorFlow, A::Nearest, true},    {L::TensorFlow, A::Bilinear, true},
        {L::TensorFlow, A::Bicubic, true},    {L::TensorFlow, A::Area, true},
        {L::TensorFlow, A::Lanczos3, true},   {L::TensorFlow, A::Lanczos5, true},
        {L::TensorFlow, A::Gaussian, true},   {L::TensorFlow, A::MitchellCubic, true},
        {L::TensorFlow1, A::Nearest, false},  {L::TensorFlow1, A::Bilinear, false},
        {L::TensorFlow1, A::Bicubic, false},  {L::TensorFlow1, A::Area, false},
        {L::PyTorch, A::Nearest, false},      {L::PyTorch, A::NearestExact, false},
        {L::PyTorch, A::Bilinear, true},      {L::PyTorch, A::Bicubic, true},
        {L::PyTorch, A::Area, false},
        {L::SkiaSharp, A::Nearest, false},    {L::SkiaSharp, A::Bilinear, false},
        {L::SkiaSharp, A::Bicubic, false},
        {L::MlNet, A::Nearest, false},        {L::MlNet, A::Bicubic, false},
    };
    return entries;
}

const char* library_name(Library library) {
    switch (library) {
        case Library::OpenCV: return "OpenCV";
        case Library::Pillow: return "Pillow";
        case Library::TensorFlow: return "TensorFlow";
        case Library::TensorFlow1: return "TensorFlow1";
        case Library::PyTorch: return "PyTorch";
        case Library::SkiaSharp: return "SkiaSharp";
        case Library::MlNet: return "ML.NET";
        case Library::Custom: return "Custom";
    }
    return "unknown";
}

const char* algorithm_name(Algorithm algorithm) {
    switch (algorithm) {
        case Algorithm::Nearest: return "nearest";
        case Algorithm::Bilinear: return "bilinear";
        case Algorithm::Bicubic: return "bicubic";
        case Algorithm::Area: return "area";
        case Algorithm::Lanczos: return "lanczos";
        case Algorithm::NearestExact: return "nearest-exact";
        case Algorithm::Box: return "box";
        case Algorithm::Hamming: return "hamming";
        case Algorithm::Lanczos3: return "lanczos3";
        case Algorithm::Lanczos5: return "lanczos5";
        case Algorithm::Gaussian: return "gaussian";
        case Algorithm::MitchellCubic: return "mitchellcubic";
        case Algorithm::Custom: return "custom";
    }
    return "unknown";
}

namespace {

// ML.NET's resizing kind fixes the sampling (Fill: nearest; IsoCrop, IsoPad: Mitchell cubic), and
// only IsoCrop has an anchor; every other library leaves both at 0.
void check_mlnet_fit(const ModelParams& params, const std::string& name) {
    const bool mlnet = params.library == Library::MlNet;
    if (!mlnet) {
        if (params.mlnet_resizing != MlNetResizing::IsoCrop || params.crop_anchor != CropAnchor::Center)
            throw std::invalid_argument(name + " takes no ML.NET resizing or crop anchor (ML.NET does); pass 0");
        return;
    }
    // Nearest is ML.NET's Fill and nothing else: there the default (iso crop, 0) means fill too.
    const bool nearest = params.algorithm == Algorithm::Nearest;
    const bool fill = params.mlnet_resizing == MlNetResizing::Fill || (nearest && params.mlnet_resizing == MlNetResizing::IsoCrop);
    if (fill != nearest)
        throw std::invalid_argument(fill ? "ML.NET's Fill resizing samples nearest: use the nearest algorithm"
                                         : "ML.NET's IsoCrop and IsoPad resizing draw with a Mitchell cubic: use the bicubic algorithm");
    if (params.crop_anchor != CropAnchor::Center && (fill || params.mlnet_resizing != MlNetResizing::IsoCrop))
        throw std::invalid_argument("ML.NET's crop anchor applies to IsoCrop resizing only; pass center");
}

// The SkiaSharp sampling choices beyond the algorithm: mipmaps for nearest and bilinear, B and C
// for bicubic (SkImageShader refuses B or C outside 0..1), and nothing for any other scaler.
void check_sampling(const ModelParams& params) {
    const bool skia = params.library == Library::SkiaSharp;
    const std::string name = std::string(library_name(params.library)) + " " + algorithm_name(params.algorithm);
    if (params.mipmap != MipmapMode::None &&
        !(skia && (params.algorithm == Algorithm::Nearest || params.algorithm == Algorithm::Bilinear)))
        throw std::invalid_argument(name + " has no mipmap option (SkiaSharp nearest and bilinear have)");
    const bool cubic = skia && params.algorithm == Algorithm::Bicubic;
    check_mlnet_fit(params, name);
    if (!cubic && (params.cubic_b != 0.0 || params.cubic_c != 0.0))
        throw std::invalid_argument(name + " takes no cubic B and C (SkiaSharp bicubic does); pass 0");
    const auto unit = [](double v) { return std::isfinite(v) && v >= 0.0 && v <= 1.0; };
    if (cubic && (!unit(params.cubic_b) || !unit(params.cubic_c)))
        throw std::invalid_argument("SkiaSharp bicubic needs B and C in 0..1 (Mitchell: 1/3, 1/3; Catmull-Rom: 0, 1/2), got " +
                                    std::to_string(params.cubic_b) + ", " + std::to_string(params.cubic_c));
}

}  // namespace

void check_supported(const ModelParams& params) {
    std::string available;
    for (const CatalogEntry& e : catalog()) {
        if (e.library != params.library) continue;
        if (e.algorithm == params.algorithm) {
            if (params.antialias && !e.antialias_switch)
                throw std::invalid_argument(std::string(library_name(params.library)) + " " +
                                            algorithm_name(params.algorithm) + " has no antialias option");
            check_sampling(params);
            return;
        }
        available += available.empty() ? "" : ", ";
        available += algorithm_name(e.algorithm);
    }
    throw std::invalid_argument(std::string(library_name(params.library)) + " has no algorithm '" +
                                algorithm_name(params.algorithm) + "' (it has: " + available + ")");
}

}  // namespace sd
