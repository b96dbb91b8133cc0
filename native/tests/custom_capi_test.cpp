// sd_scaling_model_create_from_matrices: every argument checked, and the model it makes serves
// scale, coefficients, P and the strong attack like a library's model.
#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "scaledefense/scaledefense.h"

namespace {

// A 2-tap average per output: outputs x inputs with inputs = 2 * outputs.
struct Halving {
    Halving(const Halving&) = delete;  // matrix points into the vectors
    Halving& operator=(const Halving&) = delete;
    std::vector<int32_t> offsets, indices;
    std::vector<double> weights;
    sd_sparse_matrix matrix{};
    explicit Halving(int outputs) {
        offsets.push_back(0);
        for (int o = 0; o < outputs; ++o) {
            indices.insert(indices.end(), {2 * o, 2 * o + 1});
            weights.insert(weights.end(), {0.5, 0.5});
            offsets.push_back(static_cast<int32_t>(indices.size()));
        }
        matrix = {offsets.data(), indices.data(), weights.data(), static_cast<int64_t>(indices.size()), outputs,
                  2 * outputs};
    }
};

sd_status create(const sd_sparse_matrix& v, const sd_sparse_matrix& h, sd_scaling_model** out) {
    return sd_scaling_model_create_from_matrices(&v, &h, out);
}

bool error_mentions(const char* text) { return std::string(sd_last_error()).find(text) != std::string::npos; }

}  // namespace

TEST(CustomCApi, BuildsAModelThatScalesAndReportsItself) {
    Halving v(3), h(4);
    sd_scaling_model* model = nullptr;
    ASSERT_EQ(create(v.matrix, h.matrix, &model), SD_STATUS_OK);
    sd_scaling_model_params p{};
    ASSERT_EQ(sd_scaling_model_get_params(model, &p), SD_STATUS_OK);
    EXPECT_EQ(p.library, SD_LIBRARY_CUSTOM);
    EXPECT_EQ(p.algorithm, SD_ALGORITHM_CUSTOM);
    EXPECT_EQ(p.source_width, 8);
    EXPECT_EQ(p.source_height, 6);
    EXPECT_EQ(p.target_width, 4);
    EXPECT_EQ(p.target_height, 3);
    sd_scaling_model_info info{};
    ASSERT_EQ(sd_scaling_model_get_info(model, &info), SD_STATUS_OK);
    EXPECT_EQ(info.kernel_width_x, 2.0);
    EXPECT_EQ(info.supports_uint8, 1);
    EXPECT_EQ(info.supports_float32, 1);
    // 2x2 averages of 0/1 pixels round half up: 0.5 -> 1, 0.25 -> 0, 0.75 -> 1.
    std::vector<std::uint8_t> src(8 * 6, 0), dst(4 * 3, 9);
    src[0] = 1;  // block (0,0) averages 0.25
    src[2] = src[3] = 1;  // block (0,1) averages 0.5
    src[4] = src[5] = src[12] = 1;  // block (0,2) averages 0.75
    sd_image s{src.data(), 8, 8, 6, 1, SD_SAMPLE_UINT8};
    sd_image d{dst.data(), 4, 4, 3, 1, SD_SAMPLE_UINT8};
    ASSERT_EQ(sd_scaling_model_scale(model, &s, &d), SD_STATUS_OK);
    EXPECT_EQ(dst[0], 0);
    EXPECT_EQ(dst[1], 1);
    EXPECT_EQ(dst[2], 1);
    EXPECT_EQ(dst[3], 0);
    EXPECT_EQ(sd_scaling_model_destroy(model), SD_STATUS_OK);
}

TEST(CustomCApi, RefusesEveryBadArgumentWithAMessage) {
    Halving v(3), h(4);
    sd_scaling_model* model = nullptr;
    EXPECT_EQ(sd_scaling_model_create_from_matrices(&v.matrix, &h.matrix, nullptr), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(sd_scaling_model_create_from_matrices(nullptr, &h.matrix, &model), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_TRUE(error_mentions("vertical"));
    EXPECT_EQ(sd_scaling_model_create_from_matrices(&v.matrix, nullptr, &model), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_TRUE(error_mentions("horizontal"));

    sd_sparse_matrix bad = v.matrix;
    bad.outputs = 0;
    EXPECT_EQ(create(bad, h.matrix, &model), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_TRUE(error_mentions("outputs and inputs"));
    bad = v.matrix;
    bad.count = 0;
    EXPECT_EQ(create(bad, h.matrix, &model), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_TRUE(error_mentions("count"));
    bad = v.matrix;
    bad.weights = nullptr;
    EXPECT_EQ(create(bad, h.matrix, &model), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_TRUE(error_mentions("must not be null"));

    Halving w(3);
    w.offsets[3] = 5;  // does not end at count
    EXPECT_EQ(create(w.matrix, h.matrix, &model), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_TRUE(error_mentions("end at count"));
    Halving decreasing(3);
    decreasing.offsets[1] = 3;
    decreasing.offsets[2] = 2;
    EXPECT_EQ(create(decreasing.matrix, h.matrix, &model), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_TRUE(error_mentions("non-decreasing"));

    Halving outside(3);
    outside.indices[1] = 6;  // beyond 0..5
    EXPECT_EQ(create(outside.matrix, h.matrix, &model), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_TRUE(error_mentions("outside"));
    Halving y(3);
    y.indices[1] = 0;  // not ascending
    EXPECT_EQ(create(y.matrix, h.matrix, &model), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_TRUE(error_mentions("ascending"));

    Halving z(3);
    z.weights[2] = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(create(z.matrix, h.matrix, &model), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_TRUE(error_mentions("not finite"));

    Halving silent(3);
    silent.weights[4] = silent.weights[5] = 0.0;  // row 2 reads nothing
    EXPECT_EQ(create(silent.matrix, h.matrix, &model), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_TRUE(error_mentions("row 2 has no non-zero weight"));
    EXPECT_EQ(model, nullptr);

    sd_scaling_model_params p{SD_LIBRARY_CUSTOM, SD_ALGORITHM_CUSTOM, 8, 6, 4, 3, 0, SD_MIPMAP_NONE, 0.0, 0.0, SD_OPENCV_BUILD_PLAIN, SD_MLNET_ISO_CROP, SD_CROP_ANCHOR_CENTER};
    EXPECT_EQ(sd_scaling_model_create(&p, &model), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_TRUE(error_mentions("sd_scaling_model_create_from_matrices"));
}
