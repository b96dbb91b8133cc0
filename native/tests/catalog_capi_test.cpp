// sd_catalog_count / sd_catalog_get: the core's catalog, entry for entry, and bad arguments.
#include <gtest/gtest.h>

#include <climits>
#include <string>

#include "scaledefense/scaledefense.h"
#include "scaling/catalog.hpp"

namespace {

sd_catalog_entry entry_at(int32_t index) {
    sd_catalog_entry e{};
    EXPECT_EQ(sd_catalog_get(index, &e), SD_STATUS_OK) << sd_last_error();
    return e;
}

sd_status create(const sd_catalog_entry& e, int32_t antialias) {
    const sd_scaling_model_params p{e.library, e.algorithm, 16, 16, 5, 5, antialias, SD_MIPMAP_NONE, 0.0, 0.0, SD_OPENCV_BUILD_PLAIN, SD_MLNET_ISO_CROP, SD_CROP_ANCHOR_CENTER};
    sd_scaling_model* model = nullptr;
    const sd_status status = sd_scaling_model_create(&p, &model);
    sd_scaling_model_destroy(model);
    return status;
}

}  // namespace

TEST(CatalogApi, ListsTheCoreCatalogInOrder) {
    int32_t count = -1;
    ASSERT_EQ(sd_catalog_count(&count), SD_STATUS_OK);
    const auto& core = sd::catalog();
    ASSERT_EQ(static_cast<std::size_t>(count), core.size());
    for (int32_t i = 0; i < count; ++i) {
        const sd_catalog_entry e = entry_at(i);
        const sd::CatalogEntry& c = core[static_cast<std::size_t>(i)];
        EXPECT_EQ(e.library, static_cast<int32_t>(c.library)) << "entry " << i;
        EXPECT_EQ(e.algorithm, static_cast<int32_t>(c.algorithm)) << "entry " << i;
        EXPECT_EQ(e.has_antialias_switch, c.antialias_switch ? 1 : 0) << "entry " << i;
    }
}

TEST(CatalogApi, EveryEntryCreatesAModelAndItsAntialiasFlagIsHonoured) {
    int32_t count = 0;
    ASSERT_EQ(sd_catalog_count(&count), SD_STATUS_OK);
    for (int32_t i = 0; i < count; ++i) {
        const sd_catalog_entry e = entry_at(i);
        EXPECT_EQ(create(e, 0), SD_STATUS_OK) << "entry " << i << ": " << sd_last_error();
        EXPECT_EQ(create(e, 1), e.has_antialias_switch ? SD_STATUS_OK : SD_STATUS_INVALID_ARGUMENT) << "entry " << i;
    }
}

TEST(CatalogApi, RejectsNullOutputs) {
    EXPECT_EQ(sd_catalog_count(nullptr), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(std::string(sd_last_error()).find("out_count must not be null"), std::string::npos);
    EXPECT_EQ(sd_catalog_get(0, nullptr), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(std::string(sd_last_error()).find("out_entry must not be null"), std::string::npos);
}

TEST(CatalogApi, RejectsIndicesOutsideTheCatalogAndClearsTheEntry) {
    int32_t count = 0;
    ASSERT_EQ(sd_catalog_count(&count), SD_STATUS_OK);
    for (const int32_t index : {-1, count, count + 1, INT32_MIN, INT32_MAX}) {
        sd_catalog_entry e{7, 7, 7};
        EXPECT_EQ(sd_catalog_get(index, &e), SD_STATUS_INVALID_ARGUMENT) << "index " << index;
        EXPECT_NE(std::string(sd_last_error()).find("catalog index " + std::to_string(index) + " is outside 0.." +
                                                    std::to_string(count - 1)),
                  std::string::npos)
            << sd_last_error();
        EXPECT_EQ(e.library, 0);
        EXPECT_EQ(e.algorithm, 0);
        EXPECT_EQ(e.has_antialias_switch, 0);
    }
}
