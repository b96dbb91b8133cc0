// Threads through the C ABI: the median filter gives the same bytes for every thread count, and one
// model handle serves scale, a threaded reconstruction and a threaded attack at the same time (the
// TSan build runs this suite).
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "attack_defaults.hpp"
#include "scaledefense/scaledefense.h"

namespace {

constexpr int kSource = 96, kTarget = 24, kChannels = 3;

struct Model {
    sd_scaling_model* handle = nullptr;
    explicit Model(int algorithm) {
        const sd_scaling_model_params p{SD_LIBRARY_OPENCV, algorithm, kSource, kSource, kTarget, kTarget, 0, SD_MIPMAP_NONE, 0.0, 0.0, SD_OPENCV_BUILD_PLAIN, SD_MLNET_ISO_CROP, SD_CROP_ANCHOR_CENTER};
        EXPECT_EQ(sd_scaling_model_create(&p, &handle), SD_STATUS_OK);
    }
    ~Model() { sd_scaling_model_destroy(handle); }
};

std::vector<uint8_t> pattern(int w, int h, unsigned salt) {
    std::vector<uint8_t> pixels(static_cast<size_t>(w) * h * kChannels);
    for (size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<uint8_t>((i * 2654435761u + salt) >> 13);
    return pixels;
}

sd_image view(std::vector<uint8_t>& pixels, int size) {
    return {pixels.data(), static_cast<int64_t>(size) * kChannels, size, size, kChannels, SD_SAMPLE_UINT8};
}

sd_status reconstruct(const Model& m, std::vector<uint8_t>& in, std::vector<uint8_t>& out, int threads) {
    sd_filter_params params{};
    params.method = SD_RECONSTRUCTION_MEDIAN;
    params.threads = threads;
    const sd_image s = view(in, kSource), d = view(out, kSource);
    return sd_reconstruct(m.handle, &params, &s, &d, nullptr);
}

sd_status attack(const Model& m, std::vector<uint8_t>& source, std::vector<uint8_t>& target, std::vector<uint8_t>& out,
                 int threads) {
    sd_attack_params p = default_attack_params();
    p.threads = threads;
    std::vector<float> epsilons(kTarget);
    const sd_image s = view(source, kSource), t = view(target, kTarget), a = view(out, kSource);
    return sd_strong_attack(m.handle, &p, &s, &t, &a, epsilons.data(), kTarget, nullptr);
}

}  // namespace

TEST(ThreadsCApi, MedianFilterBytesDoNotDependOnThreads) {
    Model m(SD_ALGORITHM_BILINEAR);
    std::vector<uint8_t> source = pattern(kSource, kSource, 1), one(source.size()), many(source.size());
    ASSERT_EQ(reconstruct(m, source, one, 1), SD_STATUS_OK) << sd_last_error();
    for (int threads : {0, 2, 3, 5, 8, 64}) {
        ASSERT_EQ(reconstruct(m, source, many, threads), SD_STATUS_OK) << sd_last_error();
        EXPECT_EQ(many, one) << threads;
    }
    EXPECT_EQ(reconstruct(m, source, many, 65), SD_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(std::string(sd_last_error()).find("threads"), std::string::npos);
}

TEST(ThreadsCApi, SharedModelStressScaleReconstructAttack) {
    Model m(SD_ALGORITHM_BILINEAR);
    std::vector<uint8_t> source = pattern(kSource, kSource, 2), target = pattern(kTarget, kTarget, 3);
    // References, computed one call at a time.
    std::vector<uint8_t> scaled(static_cast<size_t>(kTarget) * kTarget * kChannels), filtered(source.size()),
        attacked(source.size());
    {
        const sd_image s = view(source, kSource), d = view(scaled, kTarget);
        ASSERT_EQ(sd_scaling_model_scale(m.handle, &s, &d), SD_STATUS_OK);
    }
    ASSERT_EQ(reconstruct(m, source, filtered, 1), SD_STATUS_OK);
    ASSERT_EQ(attack(m, source, target, attacked, 1), SD_STATUS_OK) << sd_last_error();

    std::atomic<int> mismatches{0}, failures{0};
    std::vector<std::thread> callers;
    for (int k = 0; k < 6; ++k) {
        callers.emplace_back([&, k] {
            for (int round = 0; round < 3; ++round) {
                std::vector<uint8_t> in = source, tgt = target, out(k % 3 == 0 ? scaled.size() : source.size());
                sd_status status;
                const std::vector<uint8_t>* expected;
                if (k % 3 == 0) {
                    const sd_image s = view(in, kSource), d = view(out, kTarget);
                    status = sd_scaling_model_scale(m.handle, &s, &d);
                    expected = &scaled;
                } else if (k % 3 == 1) {
                    status = reconstruct(m, in, out, 4);
                    expected = &filtered;
                } else {
                    status = attack(m, in, tgt, out, 3);
                    expected = &attacked;
                }
                if (status != SD_STATUS_OK) ++failures;
                if (out != *expected) ++mismatches;
            }
        });
    }
    for (std::thread& t : callers) t.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(mismatches.load(), 0);
}
