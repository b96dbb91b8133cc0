// The C ABI's contract: statuses, messages, and no crash on bad input.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scaledefense/scaledefense.h"

namespace {

sd_scaling_model_params params(int sw, int sh, int tw, int th) {
    return {SD_LIBRARY_OPENCV, SD_ALGORITHM_BILINEAR, sw, sh, tw, th, 0, SD_MIPMAP_NONE, 0.0, 0.0, SD_OPENCV_BUILD_PLAIN, SD_MLNET_ISO_CROP, SD_CROP_ANCHOR_CENTER};
}

struct Model {
    sd_scaling_model* handle = nullptr;
    explicit Model(const sd_scaling_model_params& p) { EXPECT_EQ(sd_scaling_model_create(&p, &handle), SD_STATUS_OK); }
    ~Model() { sd_scaling_model_destroy(handle); }
};

}  // namespace

TEST(CApi, ReportsAbiVersion) { EXPECT_EQ(sd_abi_version(), SD_ABI_VERSION); }

TEST(CApi, RejectsNullAndBadSizesWithMessage) {
    sd_scaling_model* model = nullptr;
    EXPECT_EQ(sd_scaling_model_create(nullptr, &model), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(std::string(sd_last_error()).find("params"), std::string::npos);
    auto p = params(0, 10, 5, 5);
    EXPECT_EQ(sd_scaling_model_create(&p, &model), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(std::string(sd_last_error()).find("source width"), std::string::npos);
    EXPECT_EQ(model, nullptr);
    p = params(10, 10, 5, 5);
    p.algorithm = 99;
    EXPECT_EQ(sd_scaling_model_create(&p, &model), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(std::string(sd_last_error()).find("algorithm"), std::string::npos);
    EXPECT_EQ(sd_scaling_model_create(&p, nullptr), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(sd_scaling_model_destroy(nullptr), SD_STATUS_OK);
}

TEST(CApi, ScaleChecksImages) {
    Model m(params(8, 8, 4, 4));
    std::vector<std::uint8_t> src(8 * 8 * 3), dst(4 * 4 * 3);
    sd_image s{src.data(), 8 * 3, 8, 8, 3, SD_SAMPLE_UINT8};
    sd_image d{dst.data(), 4 * 3, 4, 4, 3, SD_SAMPLE_UINT8};
    EXPECT_EQ(sd_scaling_model_scale(m.handle, &s, &d), SD_STATUS_OK);

    sd_image short_stride = d;
    short_stride.stride = 4;
    EXPECT_EQ(sd_scaling_model_scale(m.handle, &s, &short_stride), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(std::string(sd_last_error()).find("stride"), std::string::npos);

    sd_image wrong_size = d;
    wrong_size.width = 5;
    EXPECT_EQ(sd_scaling_model_scale(m.handle, &s, &wrong_size), SD_STATUS_INVALID_ARGUMENT);

    sd_image null_data = s;
    null_data.data = nullptr;
    EXPECT_EQ(sd_scaling_model_scale(m.handle, &null_data, &d), SD_STATUS_INVALID_ARGUMENT);

    sd_image aliasing = d;
    aliasing.data = src.data();
    EXPECT_EQ(sd_scaling_model_scale(m.handle, &s, &aliasing), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(std::string(sd_last_error()).find("overlap"), std::string::npos);

    EXPECT_EQ(sd_scaling_model_scale(nullptr, &s, &d), SD_STATUS_INVALID_ARGUMENT);
}

TEST(CApi, ScaleRejectsMisalignedFloatImages) {
    Model m(params(4, 4, 2, 2));
    std::vector<float> src(4 * 4 + 1), dst(2 * 2);
    sd_image s{reinterpret_cast<std::uint8_t*>(src.data()) + 1, 16, 4, 4, 1, SD_SAMPLE_FLOAT32};
    sd_image d{dst.data(), 8, 2, 2, 1, SD_SAMPLE_FLOAT32};
    EXPECT_EQ(sd_scaling_model_scale(m.handle, &s, &d), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(std::string(sd_last_error()).find("aligned"), std::string::npos);
    s.data = src.data();
    EXPECT_EQ(sd_scaling_model_scale(m.handle, &s, &d), SD_STATUS_OK);
}

TEST(CApi, CoefficientsRoundTripAndReportShortBuffers) {
    Model m(params(10, 9, 4, 3));
    int64_t count = 0;
    ASSERT_EQ(sd_scaling_model_get_coefficient_count(m.handle, SD_AXIS_VERTICAL, SD_SAMPLE_UINT8, &count), SD_STATUS_OK);
    ASSERT_GT(count, 0);
    std::vector<int32_t> offsets(4), indices(static_cast<std::size_t>(count));
    std::vector<double> weights(static_cast<std::size_t>(count));
    EXPECT_EQ(sd_scaling_model_get_coefficients(m.handle, SD_AXIS_VERTICAL, SD_SAMPLE_UINT8, offsets.data(), 4,
                                                indices.data(), weights.data(), count),
              SD_STATUS_OK);
    EXPECT_EQ(offsets[3], count);
    EXPECT_EQ(sd_scaling_model_get_coefficients(m.handle, SD_AXIS_VERTICAL, SD_SAMPLE_UINT8, offsets.data(), 4,
                                                indices.data(), weights.data(), count - 1),
              SD_STATUS_BUFFER_TOO_SMALL);
    EXPECT_EQ(sd_scaling_model_get_coefficient_count(m.handle, 7, SD_SAMPLE_UINT8, &count), SD_STATUS_INVALID_ARGUMENT);
}
