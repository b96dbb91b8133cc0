// Domain enums of the core. Values equal the C ABI's so the shim can cast after checking;
// capi/enum_agreement.cpp fails the build when they drift apart.
#pragma once

namespace sd {

// Custom: a model built from matrices (scaling/custom), not from a library in the catalog.
enum class Library { OpenCV = 1, Pillow = 2, TensorFlow = 3, TensorFlow1 = 4, PyTorch = 5, SkiaSharp = 6, MlNet = 7, Custom = 100 };

enum class MipmapMode { None = 0, Nearest = 1, Linear = 2 };

enum class MlNetResizing { IsoCrop = 0, IsoPad = 1, Fill = 2 };

enum class CropAnchor { Center = 0, Top = 1, Bottom = 2, Left = 3, Right = 4 };

enum class Algorithm {
    Nearest = 1,
    Bilinear = 2,
    Bicubic = 3,
    Area = 4,
    Lanczos = 5,
    NearestExact = 6,
    Box = 7,
    Hamming = 8,
    Lanczos3 = 9,
    Lanczos5 = 10,
    Gaussian = 11,
    MitchellCubic = 12,
    Custom = 100,  // whatever a custom model's matrices say
};

enum class OpenCvBuild { Plain = 0, Ipp = 1 };

enum class SampleType { UInt8 = 1, Float32 = 2 };
enum class Axis { Vertical = 0, Horizontal = 1 };

struct Size {
    int width = 0;
    int height = 0;
    bool operator==(const Size& o) const { return width == o.width && height == o.height; }
    bool operator!=(const Size& o) const { return !(*this == o); }
};

struct ModelParams {
    Library library = Library::OpenCV;
    Algorithm algorithm = Algorithm::Nearest;
    Size source;
    Size target;
    bool antialias = false;
    MipmapMode mipmap = MipmapMode::None;  // SkiaSharp nearest and bilinear only
    double cubic_b = 0.0;                  // SkiaSharp bicubic only: SKCubicResampler's B and C
    double cubic_c = 0.0;
    OpenCvBuild opencv_build = OpenCvBuild::Plain;  // OpenCV only
    MlNetResizing mlnet_resizing = MlNetResizing::IsoCrop;  // ML.NET only
    CropAnchor crop_anchor = CropAnchor::Center;            // ML.NET iso crop only
};

}  // namespace sd
