// Library-wide exports: version and error text.
#include "capi/errors.hpp"
#include "scaledefense/scaledefense.h"

extern "C" {

int32_t sd_abi_version(void) { return SD_ABI_VERSION; }

const char* sd_last_error(void) { return sd::capi::last_error(); }

}  // extern "C"
