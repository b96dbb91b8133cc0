// Exceptions of the core. The C ABI maps std::invalid_argument to SD_STATUS_INVALID_ARGUMENT
// and UnsupportedError to SD_STATUS_UNSUPPORTED.
#pragma once

#include <stdexcept>

namespace sd {

// A valid request this model cannot serve (e.g. 8-bit input to a float-only library).
class UnsupportedError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace sd
