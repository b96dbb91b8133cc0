// Exports of the scaler catalog, so bindings can check their own copy against the core's.
#include "capi/checks.hpp"
#include "capi/errors.hpp"
#include "scaledefense/scaledefense.h"
#include "scaling/catalog.hpp"

using sd::capi::guard;
using sd::capi::require;
using sd::capi::require_not_null;

extern "C" {

sd_status sd_catalog_count(int32_t* out_count) {
    return guard([&] {
        require_not_null(out_count, "out_count");
        *out_count = static_cast<int32_t>(sd::catalog().size());
    });
}

sd_status sd_catalog_get(int32_t index, sd_catalog_entry* out_entry) {
    return guard([&] {
        require_not_null(out_entry, "out_entry");
        *out_entry = {};
        const auto& entries = sd::catalog();
        const auto count = static_cast<int32_t>(entries.size());
        require(index >= 0 && index < count, SD_STATUS_INVALID_ARGUMENT, "catalog index %d is outside 0..%d", index,
                count - 1);
        const sd::CatalogEntry& e = entries[static_cast<std::size_t>(index)];
        *out_entry = {static_cast<int32_t>(e.library), static_cast<int32_t>(e.algorithm), e.antialias_switch ? 1 : 0};
    });
}

}  // extern "C"
