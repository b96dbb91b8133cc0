#include "scaling/catalog.hpp"

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

void check_supported(const ModelParams& params) {
    std::string available;
    for (const CatalogEntry& e : catalog()) {
        if (e.library != params.library) continue;
        if (e.algorithm == params.algorithm) {
            if (params.antialias && !e.antialias_switch)
                throw std::invalid_argument(std::string(library_name(params.library)) + " " +
                                            algorithm_name(params.algorithm) + " has no antialias option");
            return;
        }
        available += available.empty() ? "" : ", ";
        available += algorithm_name(e.algorithm);
    }
    throw std::invalid_argument(std::string(library_name(params.library)) + " has no algorithm '" +
                                algorithm_name(params.algorithm) + "' (it has: " + available + ")");
}

}  // namespace sd
