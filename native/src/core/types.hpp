// Domain enums of the core. Values equal the C ABI's so the shim can cast after checking.
#pragma once

namespace sd {

enum class Library { OpenCV = 1 };
enum class Algorithm { Nearest = 1, Bilinear = 2 };
enum class SampleType { UInt8 = 1, Float32 = 2 };
enum class Axis { Vertical = 0, Horizontal = 1 };

struct Size {
    int width = 0;
    int height = 0;
    bool operator==(const Size& o) const { return width == o.width && height == o.height; }
};

struct ModelParams {
    Library library = Library::OpenCV;
    Algorithm algorithm = Algorithm::Nearest;
    Size source;
    Size target;
};

}  // namespace sd
