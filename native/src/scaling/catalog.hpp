// Which algorithms each library has, and which of them take an antialias switch. Exported as
// sd_catalog_get; src/ScaleDefense/ScalerCatalog.cs mirrors it and a C# test compares the two.
#pragma once

#include <vector>

#include "core/types.hpp"

namespace sd {

struct CatalogEntry {
    Library library;
    Algorithm algorithm;
    bool antialias_switch;  // the library has an antialias flag for this algorithm
};

const std::vector<CatalogEntry>& catalog();

const char* library_name(Library library);
const char* algorithm_name(Algorithm algorithm);

// Throws std::invalid_argument naming what is supported when the combination does not exist.
void check_supported(const ModelParams& params);

}  // namespace sd
