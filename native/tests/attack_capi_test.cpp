// sd_strong_attack: argument checks and a small end-to-end run through the exact model.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "attack_defaults.hpp"
#include "scaledefense/scaledefense.h"

namespace {

sd_image view(std::vector<uint8_t>& pixels, int w, int h, int c) {
    return {pixels.data(), static_cast<int64_t>(w) * c, w, h, c, SD_SAMPLE_UINT8};
}

struct Fixture {
    sd_scaling_model* model = nullptr;
    std::vector<uint8_t> source = std::vector<uint8_t>(64 * 64), target = std::vector<uint8_t>(16 * 16),
                         attack = std::vector<uint8_t>(64 * 64);
    std::vector<float> epsilons = std::vector<float>(16);
    explicit Fixture(int algorithm) {
        const sd_scaling_model_params p{SD_LIBRARY_OPENCV, algorithm, 64, 64, 16, 16, 0, SD_MIPMAP_NONE, 0.0, 0.0, SD_OPENCV_BUILD_PLAIN, SD_MLNET_ISO_CROP, SD_CROP_ANCHOR_CENTER};
        EXPECT_EQ(sd_scaling_model_create(&p, &model), SD_STATUS_OK);
        for (size_t i = 0; i < source.size(); ++i) source[i] = static_cast<uint8_t>((i * 7) % 251);
        for (size_t i = 0; i < target.size(); ++i) target[i] = static_cast<uint8_t>(255 - (i * 13) % 200);
    }
    ~Fixture() { sd_scaling_model_destroy(model); }
};

}  // namespace

TEST(AttackCApi, RejectsBadArgumentsWithMessages) {
    Fixture f(SD_ALGORITHM_BILINEAR);
    sd_image s = view(f.source, 64, 64, 1), t = view(f.target, 16, 16, 1), a = view(f.attack, 64, 64, 1);
    sd_attack_params p = default_attack_params();
    EXPECT_EQ(sd_strong_attack(nullptr, &p, &s, &t, &a, f.epsilons.data(), 16, nullptr), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(sd_strong_attack(f.model, nullptr, &s, &t, &a, f.epsilons.data(), 16, nullptr), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(sd_strong_attack(f.model, &p, &s, &t, &a, nullptr, 16, nullptr), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(sd_strong_attack(f.model, &p, &s, &t, &a, f.epsilons.data(), 15, nullptr), SD_STATUS_BUFFER_TOO_SMALL);
    sd_image wrong = view(f.target, 8, 8, 1);
    EXPECT_EQ(sd_strong_attack(f.model, &p, &s, &wrong, &a, f.epsilons.data(), 16, nullptr), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(std::string(sd_last_error()).find("target"), std::string::npos);
    p.epsilon = 0;
    EXPECT_EQ(sd_strong_attack(f.model, &p, &s, &t, &a, f.epsilons.data(), 16, nullptr), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(std::string(sd_last_error()).find("epsilon"), std::string::npos);
    p = default_attack_params();
    p.reserved = 1;
    EXPECT_EQ(sd_strong_attack(f.model, &p, &s, &t, &a, f.epsilons.data(), 16, nullptr), SD_STATUS_INVALID_ARGUMENT);
    p = default_attack_params();
    EXPECT_EQ(sd_strong_attack(f.model, &p, &s, &t, &s, f.epsilons.data(), 16, nullptr), SD_STATUS_INVALID_ARGUMENT);
}

TEST(AttackCApi, RejectsUpscalingModels) {
    sd_scaling_model* model = nullptr;
    const sd_scaling_model_params p{SD_LIBRARY_OPENCV, SD_ALGORITHM_BILINEAR, 16, 16, 64, 64, 0, SD_MIPMAP_NONE, 0.0, 0.0, SD_OPENCV_BUILD_PLAIN, SD_MLNET_ISO_CROP, SD_CROP_ANCHOR_CENTER};
    ASSERT_EQ(sd_scaling_model_create(&p, &model), SD_STATUS_OK);
    std::vector<uint8_t> s(16 * 16), t(64 * 64), a(16 * 16);
    std::vector<float> e(64);
    sd_image sv = view(s, 16, 16, 1), tv = view(t, 64, 64, 1), av = view(a, 16, 16, 1);
    sd_attack_params params = default_attack_params();
    EXPECT_EQ(sd_strong_attack(model, &params, &sv, &tv, &av, e.data(), 64, nullptr), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(std::string(sd_last_error()).find("smaller"), std::string::npos);
    sd_scaling_model_destroy(model);
}

TEST(AttackCApi, ReachesTheTargetThroughTheExactModel) {
    for (int algorithm : {SD_ALGORITHM_NEAREST, SD_ALGORITHM_BILINEAR, SD_ALGORITHM_BICUBIC}) {
        Fixture f(algorithm);
        sd_image s = view(f.source, 64, 64, 1), t = view(f.target, 16, 16, 1), a = view(f.attack, 64, 64, 1);
        sd_attack_params p = default_attack_params();
        sd_attack_stats stats{};
        ASSERT_EQ(sd_strong_attack(f.model, &p, &s, &t, &a, f.epsilons.data(), 16, &stats), SD_STATUS_OK) << sd_last_error();
        std::vector<uint8_t> scaled(16 * 16);
        sd_image out = view(scaled, 16, 16, 1);
        sd_image in = view(f.attack, 64, 64, 1);
        ASSERT_EQ(sd_scaling_model_scale(f.model, &in, &out), SD_STATUS_OK);
        for (size_t i = 0; i < scaled.size(); ++i) {
            EXPECT_LE(std::abs(int(scaled[i]) - int(f.target[i])), int(f.epsilons[i % 16])) << algorithm << " at " << i;
        }
        EXPECT_EQ(stats.outputs_off, 0);
        EXPECT_EQ(stats.vertical_disjoint, 1);  // ratio 4: even bicubic's rows do not overlap
    }
}
