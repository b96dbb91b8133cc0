// sd_strong_attack on hostile numbers: every count derived from a double stays within its
// documented bound, the thread count is capped, and no finite or non-finite input is undefined
// behaviour (the sanitizer builds run these).
#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "attack_defaults.hpp"
#include "scaledefense/scaledefense.h"

namespace {

// A 32x32 -> 8x8 bilinear attack on a fixed pattern.
struct Attack {
    sd_scaling_model* model = nullptr;
    std::vector<uint8_t> source = std::vector<uint8_t>(32 * 32), target = std::vector<uint8_t>(8 * 8),
                         attack = std::vector<uint8_t>(32 * 32);
    std::vector<float> epsilons = std::vector<float>(8);
    Attack() {
        const sd_scaling_model_params p{SD_LIBRARY_OPENCV, SD_ALGORITHM_BILINEAR, 32, 32, 8, 8, 0, SD_MIPMAP_NONE, 0.0, 0.0, SD_OPENCV_BUILD_PLAIN, SD_MLNET_ISO_CROP, SD_CROP_ANCHOR_CENTER};
        EXPECT_EQ(sd_scaling_model_create(&p, &model), SD_STATUS_OK);
        for (size_t i = 0; i < source.size(); ++i) source[i] = static_cast<uint8_t>((i * 7) % 251);
        for (size_t i = 0; i < target.size(); ++i) target[i] = static_cast<uint8_t>(255 - (i * 13) % 200);
    }
    ~Attack() { sd_scaling_model_destroy(model); }
    sd_status run(const sd_attack_params& p) {
        const sd_image s{source.data(), 32, 32, 32, 1, SD_SAMPLE_UINT8}, t{target.data(), 8, 8, 8, 1, SD_SAMPLE_UINT8},
            a{attack.data(), 32, 32, 32, 1, SD_SAMPLE_UINT8};
        return sd_strong_attack(model, &p, &s, &t, &a, epsilons.data(), 8, nullptr);
    }
};

bool mentions(const char* text) { return std::string(sd_last_error()).find(text) != std::string::npos; }

}  // namespace

// Was signed overflow in the level count (UBSan, strong_attack.cpp).
TEST(AttackBounds, LevelCountBeyondIntIsRefused) {
    Attack f;
    sd_attack_params p = default_attack_params();
    p.max_epsilon = 2147483648.0;
    EXPECT_EQ(f.run(p), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_TRUE(mentions("epsilon levels")) << sd_last_error();
    EXPECT_TRUE(mentions("100000")) << sd_last_error();
}

// Was a float-to-int overflow in the level count (UBSan), reached through the limited-change attack.
TEST(AttackBounds, TinyStepWithHugeMaxEpsilonIsRefused) {
    Attack f;
    sd_attack_params p = default_attack_params();
    p.limited_change = 1;
    p.free_pixels = 0;
    p.max_change = 0;
    p.epsilon_step = 1e-300;
    p.max_epsilon = 1e300;
    EXPECT_EQ(f.run(p), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_TRUE(mentions("raise epsilon_step")) << sd_last_error();
}

TEST(AttackBounds, LevelsAtTheBoundAreAccepted) {
    Attack f;
    sd_attack_params p = default_attack_params();
    p.max_epsilon = 0.25 + 99999;  // 1 + 99999 levels
    EXPECT_EQ(f.run(p), SD_STATUS_OK) << sd_last_error();
    p.max_epsilon = 0.25 + 100000;
    EXPECT_EQ(f.run(p), SD_STATUS_INVALID_ARGUMENT);
}

TEST(AttackBounds, ThreadsAreCapped) {
    Attack f;
    sd_attack_params p = default_attack_params();
    for (int threads : {-1, 257, 5000000, std::numeric_limits<int>::max(), std::numeric_limits<int>::min()}) {
        p.threads = threads;
        EXPECT_EQ(f.run(p), SD_STATUS_INVALID_ARGUMENT) << threads;
        EXPECT_TRUE(mentions("threads must be in 0..256")) << sd_last_error();
    }
    p.threads = 256;
    EXPECT_EQ(f.run(p), SD_STATUS_OK) << sd_last_error();
}

TEST(AttackBounds, ThreadCountDoesNotChangeTheBytes) {
    Attack f;
    sd_attack_params p = default_attack_params();
    p.threads = 1;
    ASSERT_EQ(f.run(p), SD_STATUS_OK) << sd_last_error();
    const std::vector<uint8_t> one = f.attack;
    const std::vector<float> one_eps = f.epsilons;
    for (int threads : {0, 2, 3, 7}) {
        p.threads = threads;
        ASSERT_EQ(f.run(p), SD_STATUS_OK) << sd_last_error();
        EXPECT_EQ(f.attack, one) << threads;
        EXPECT_EQ(f.epsilons, one_eps) << threads;
    }
}

// Every double field at every awkward value: a status, never a crash or undefined behaviour.
TEST(AttackBounds, AnyDoubleGivesAStatus) {
    Attack f;
    const double awkward[] = {std::nan(""), INFINITY, -INFINITY, 0.0, -0.0, DBL_MAX, -DBL_MAX,
                              DBL_MIN, std::numeric_limits<double>::denorm_min(), 1e300, -1e300, 0.25};
    double sd_attack_params::*fields[] = {&sd_attack_params::epsilon, &sd_attack_params::max_epsilon,
                                          &sd_attack_params::epsilon_step, &sd_attack_params::max_change,
                                          &sd_attack_params::tolerance};
    for (double sd_attack_params::*field : fields) {
        for (double value : awkward) {
            sd_attack_params p = default_attack_params();
            p.limited_change = 1;
            p.max_sweeps = 20;
            p.*field = value;
            const sd_status status = f.run(p);
            EXPECT_TRUE(status == SD_STATUS_OK || status == SD_STATUS_INVALID_ARGUMENT) << value << ": " << status;
        }
    }
}
