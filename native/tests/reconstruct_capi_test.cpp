// sd_reconstruct's leave_other_pixels: checked, writes exactly P's pixels into a scratch image, and
// the model's 8-bit scale of that scratch equals its scale of the whole rebuilt image.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "scaledefense/scaledefense.h"

namespace {

constexpr int kSource = 64, kTarget = 16, kChannels = 3;
constexpr uint8_t kUnwritten = 0xA5;  // above every byte of the test image, so never a rebuilt value

struct Model {
    sd_scaling_model* handle = nullptr;
    explicit Model(int algorithm) {
        const sd_scaling_model_params p{SD_LIBRARY_OPENCV, algorithm, kSource, kSource, kTarget, kTarget, 0, SD_MIPMAP_NONE, 0.0,
                                        0.0, SD_OPENCV_BUILD_PLAIN, SD_MLNET_ISO_CROP, SD_CROP_ANCHOR_CENTER};
        EXPECT_EQ(sd_scaling_model_create(&p, &handle), SD_STATUS_OK) << sd_last_error();
    }
    ~Model() { sd_scaling_model_destroy(handle); }
};

std::vector<uint8_t> textured() {
    std::vector<uint8_t> pixels(static_cast<size_t>(kSource) * kSource * kChannels);
    for (size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<uint8_t>((i * 37 + i / 7) % 100);
    return pixels;
}

sd_image view(std::vector<uint8_t>& pixels, int size) {
    return {pixels.data(), static_cast<int64_t>(size) * kChannels, size, size, kChannels, SD_SAMPLE_UINT8};
}

sd_filter_params params(int method, int leave) {
    sd_filter_params p{};
    p.method = method;
    p.seed = 11;
    p.leave_other_pixels = leave;
    return p;
}

std::vector<uint8_t> rebuild(const Model& m, const sd_filter_params& p, std::vector<uint8_t>& source) {
    std::vector<uint8_t> out(source.size(), kUnwritten);
    sd_image s = view(source, kSource), o = view(out, kSource);
    EXPECT_EQ(sd_reconstruct(m.handle, &p, &s, &o, nullptr), SD_STATUS_OK) << sd_last_error();
    return out;
}

std::vector<uint8_t> scale(const Model& m, std::vector<uint8_t>& image) {
    std::vector<uint8_t> out(static_cast<size_t>(kTarget) * kTarget * kChannels);
    sd_image s = view(image, kSource), o = view(out, kTarget);
    EXPECT_EQ(sd_scaling_model_scale(m.handle, &s, &o), SD_STATUS_OK) << sd_last_error();
    return out;
}

}  // namespace

TEST(ReconstructCApi, LeaveOtherPixelsIsZeroOrOne) {
    Model m(SD_ALGORITHM_BILINEAR);
    std::vector<uint8_t> source = textured(), out(source.size());
    sd_image s = view(source, kSource), o = view(out, kSource);
    for (const int bad : {2, -1}) {
        const sd_filter_params p = params(SD_RECONSTRUCTION_MEDIAN, bad);
        EXPECT_EQ(sd_reconstruct(m.handle, &p, &s, &o, nullptr), SD_STATUS_INVALID_ARGUMENT);
        EXPECT_NE(std::string(sd_last_error()).find("leave_other_pixels"), std::string::npos) << sd_last_error();
    }
}

TEST(ReconstructCApi, LeavingOtherPixelsWritesPAloneAndScalesTheSame) {
    // OpenCV bilinear at beta = 4 reads two of every four rows and columns: P is a quarter of the image.
    Model m(SD_ALGORITHM_BILINEAR);
    std::vector<uint8_t> source = textured();
    const size_t outside_p = static_cast<size_t>(kSource * kSource - (kSource / 2) * (kSource / 2)) * kChannels;
    for (const int method : {SD_RECONSTRUCTION_MEDIAN, SD_RECONSTRUCTION_RANDOM}) {
        std::vector<uint8_t> whole = rebuild(m, params(method, 0), source);
        std::vector<uint8_t> only_p = rebuild(m, params(method, 1), source);
        size_t left = 0;
        for (size_t i = 0; i < whole.size(); ++i) {
            if (only_p[i] == whole[i]) continue;
            ASSERT_EQ(only_p[i], kUnwritten) << "method " << method << " byte " << i;
            ++left;
        }
        EXPECT_EQ(left, outside_p) << "method " << method << ": every byte outside P left, every byte of P written";
        EXPECT_EQ(scale(m, only_p), scale(m, whole)) << "method " << method;
    }
}

TEST(ReconstructCApi, LeavingOtherPixelsCopiesTheSourceWhenPIsTheWholeImage) {
    Model m(SD_ALGORITHM_BICUBIC);  // four taps at beta = 4: every pixel is read
    std::vector<uint8_t> source = textured();
    EXPECT_EQ(rebuild(m, params(SD_RECONSTRUCTION_MEDIAN, 1), source), source);
}
