// sd_detect_reconstruction_difference: every argument is checked, and the score is the RMS of
// scale(X) - scale(reconstruct(X)) computed here from the public exports alone.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "scaledefense/scaledefense.h"

namespace {

constexpr int kSource = 64, kTarget = 16, kChannels = 3;

struct Model {
    sd_scaling_model* handle = nullptr;
    explicit Model(int algorithm, int library = SD_LIBRARY_OPENCV) {
        const sd_scaling_model_params p{library, algorithm, kSource, kSource, kTarget, kTarget, 0, SD_MIPMAP_NONE, 0.0, 0.0, SD_OPENCV_BUILD_PLAIN, SD_MLNET_ISO_CROP, SD_CROP_ANCHOR_CENTER};
        EXPECT_EQ(sd_scaling_model_create(&p, &handle), SD_STATUS_OK) << sd_last_error();
    }
    ~Model() { sd_scaling_model_destroy(handle); }
};

std::vector<uint8_t> smooth(int size) {
    std::vector<uint8_t> pixels(static_cast<size_t>(size) * size * kChannels);
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x)
            for (int c = 0; c < kChannels; ++c)
                pixels[(static_cast<size_t>(y) * size + x) * kChannels + c] = static_cast<uint8_t>(60 + x + y + 10 * c);
    return pixels;
}

sd_image view(std::vector<uint8_t>& pixels, int size) {
    return {pixels.data(), static_cast<int64_t>(size) * kChannels, size, size, kChannels, SD_SAMPLE_UINT8};
}

sd_filter_params median() {
    sd_filter_params p{};
    p.method = SD_RECONSTRUCTION_MEDIAN;
    return p;
}

double expected(const Model& m, const sd_filter_params& params, std::vector<uint8_t>& source) {
    std::vector<uint8_t> rebuilt(source.size()), a(kTarget * kTarget * kChannels), b(a.size());
    sd_image s = view(source, kSource), r = view(rebuilt, kSource), va = view(a, kTarget), vb = view(b, kTarget);
    EXPECT_EQ(sd_reconstruct(m.handle, &params, &s, &r, nullptr), SD_STATUS_OK);
    EXPECT_EQ(sd_scaling_model_scale(m.handle, &s, &va), SD_STATUS_OK);
    EXPECT_EQ(sd_scaling_model_scale(m.handle, &r, &vb), SD_STATUS_OK);
    double sum = 0;
    for (size_t i = 0; i < a.size(); ++i) sum += (double(a[i]) - b[i]) * (double(a[i]) - b[i]);
    return std::sqrt(sum / a.size());
}

}  // namespace

TEST(DetectCApi, ScoreIsTheRmsOfTheScaledDifference) {
    Model m(SD_ALGORITHM_NEAREST);
    std::vector<uint8_t> source = smooth(kSource);
    // Plant a bright pixel on every pixel the nearest scaler reads: an attack in miniature.
    std::vector<uint8_t> attacked = source;
    for (size_t i = 0; i < attacked.size(); i += 7) attacked[i] = 255;
    for (auto* image : {&source, &attacked}) {
        sd_image s = view(*image, kSource);
        double score = -1;
        const sd_filter_params p = median();
        ASSERT_EQ(sd_detect_reconstruction_difference(m.handle, &p, &s, &score), SD_STATUS_OK) << sd_last_error();
        EXPECT_NEAR(score, expected(m, p, *image), 1e-12);
    }
    sd_image s = view(source, kSource), a = view(attacked, kSource);
    double clean = 0, attack = 0;
    const sd_filter_params p = median();
    ASSERT_EQ(sd_detect_reconstruction_difference(m.handle, &p, &s, &clean), SD_STATUS_OK);
    ASSERT_EQ(sd_detect_reconstruction_difference(m.handle, &p, &a, &attack), SD_STATUS_OK);
    EXPECT_LT(clean, attack);
}

TEST(DetectCApi, RandomFilterWithASeedIsRepeatable) {
    Model m(SD_ALGORITHM_BILINEAR);
    std::vector<uint8_t> source = smooth(kSource);
    sd_image s = view(source, kSource);
    sd_filter_params p{};
    p.method = SD_RECONSTRUCTION_RANDOM;
    p.seed = 42;
    double first = -1, second = -2;
    ASSERT_EQ(sd_detect_reconstruction_difference(m.handle, &p, &s, &first), SD_STATUS_OK);
    ASSERT_EQ(sd_detect_reconstruction_difference(m.handle, &p, &s, &second), SD_STATUS_OK);
    EXPECT_EQ(first, second);
    EXPECT_NEAR(first, expected(m, p, source), 1e-12);
}

TEST(DetectCApi, FloatOnlyModelsScoreOnTheirFloatPath) {
    Model m(SD_ALGORITHM_BILINEAR, SD_LIBRARY_TENSORFLOW);
    std::vector<uint8_t> source = smooth(kSource);
    sd_image s = view(source, kSource);
    double score = -1;
    const sd_filter_params p = median();
    ASSERT_EQ(sd_detect_reconstruction_difference(m.handle, &p, &s, &score), SD_STATUS_OK) << sd_last_error();
    EXPECT_GE(score, 0);
}

TEST(DetectCApi, EveryArgumentIsChecked) {
    Model m(SD_ALGORITHM_NEAREST);
    std::vector<uint8_t> source = smooth(kSource), small = smooth(kTarget);
    sd_image s = view(source, kSource), wrong = view(small, kTarget);
    sd_filter_params p = median();
    double score = 0;
    EXPECT_EQ(sd_detect_reconstruction_difference(nullptr, &p, &s, &score), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(sd_detect_reconstruction_difference(m.handle, nullptr, &s, &score), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(sd_detect_reconstruction_difference(m.handle, &p, nullptr, &score), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(sd_detect_reconstruction_difference(m.handle, &p, &s, nullptr), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(sd_detect_reconstruction_difference(m.handle, &p, &wrong, &score), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(std::string(sd_last_error()).find("source"), std::string::npos) << sd_last_error();
    sd_image as_float = s;
    as_float.sample_type = SD_SAMPLE_FLOAT32;
    EXPECT_NE(sd_detect_reconstruction_difference(m.handle, &p, &as_float, &score), SD_STATUS_OK);
    p.method = 7;
    EXPECT_EQ(sd_detect_reconstruction_difference(m.handle, &p, &s, &score), SD_STATUS_INVALID_ARGUMENT);
    p = median();
    p.threads = 65;
    EXPECT_EQ(sd_detect_reconstruction_difference(m.handle, &p, &s, &score), SD_STATUS_INVALID_ARGUMENT);
}

TEST(DetectCApi, WeightedMedianRebuildsTheHeavyPixelsWhereTheMedianHasNothing) {
    // OpenCV bicubic at beta = 4 reads every pixel (P is the whole image), two of its four taps weigh 0.57 >= 1.5/4.
    Model m(SD_ALGORITHM_BICUBIC);
    std::vector<uint8_t> source = smooth(kSource);
    for (size_t i = 0; i < source.size(); i += 5) source[i] = 250;  // texture, so the median changes something
    std::vector<uint8_t> rebuilt(source.size());
    sd_image s = view(source, kSource), r = view(rebuilt, kSource);
    sd_filter_params p = median();
    int64_t count = -1;
    ASSERT_EQ(sd_reconstruct(m.handle, &p, &s, &r, &count), SD_STATUS_OK) << sd_last_error();
    EXPECT_EQ(count, 0) << "P covers the image: nothing to rebuild from";
    p.method = SD_RECONSTRUCTION_WEIGHTED_MEDIAN;
    ASSERT_EQ(sd_reconstruct(m.handle, &p, &s, &r, &count), SD_STATUS_OK) << sd_last_error();
    EXPECT_EQ(count, int64_t{kSource / 2} * (kSource / 2)) << "half the rows times half the columns";
    double score = -1;
    ASSERT_EQ(sd_detect_reconstruction_difference(m.handle, &p, &s, &score), SD_STATUS_OK) << sd_last_error();
    EXPECT_GT(score, 0);
    EXPECT_NEAR(score, expected(m, p, source), 1e-12);
    p.method = 3;  // the C# API's Auto: never an ABI value
    EXPECT_EQ(sd_reconstruct(m.handle, &p, &s, &r, &count), SD_STATUS_INVALID_ARGUMENT);
}
