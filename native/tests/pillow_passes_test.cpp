// Pillow's 8-bit resize: both implementations of the passes (portable, AVX2) against Pillow's own
// bytes in tests/golden/pillow/pillow_resize.json, and against each other over random sizes (down
// and up, one axis unchanged), channel counts, filters, strides and contents (noise and saturated
// blocks, whose negative lobes clamp).
#include <gtest/gtest.h>

#include <cctype>
#include <cstdint>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "scaling/pillow/pillow_filters.hpp"
#include "scaling/pillow/pillow_passes.hpp"
#include "scaling/pillow/pillow_tables.hpp"

namespace {

using namespace sd;
using namespace sd::pillow;

constexpr std::uint8_t kSentinel = 0xA5;  // fills the stride padding, which must stay untouched

struct Image {
    int width, height, channels, padding;
    std::vector<std::uint8_t> bytes;
    Image(int w, int h, int c, int pad) : width(w), height(h), channels(c), padding(pad),
        bytes(static_cast<std::size_t>(stride()) * static_cast<std::size_t>(h), kSentinel) {}
    std::ptrdiff_t stride() const { return static_cast<std::ptrdiff_t>(width) * channels + padding; }
    ImageRef<std::uint8_t> ref() { return {bytes.data(), stride(), width, height, channels}; }
    ImageRef<const std::uint8_t> cref() const { return {bytes.data(), stride(), width, height, channels}; }
};

void fill(std::mt19937& rng, Image& image, bool saturated) {
    for (int y = 0; y < image.height; ++y)
        for (int i = 0; i < image.width * image.channels; ++i) {
            const std::uint8_t v = saturated ? static_cast<std::uint8_t>((rng() % 2) * 255) : static_cast<std::uint8_t>(rng());
            image.bytes[static_cast<std::size_t>(y * image.stride() + i)] = v;
        }
}

Image run(const Image& source, int tw, int th, const AxisTable& x, const AxisTable& y, passes::Path path, int padding) {
    Image target(tw, th, source.channels, padding);
    passes::resample(source.cref(), target.ref(), x, y, path);
    return target;
}

const Algorithm kFilters[] = {Algorithm::Box, Algorithm::Bilinear, Algorithm::Hamming, Algorithm::Bicubic,
                              Algorithm::Lanczos};

void expect_paths_agree(std::mt19937& rng, int sw, int sh, int tw, int th, int channels, Algorithm algorithm) {
    Image source(sw, sh, channels, static_cast<int>(rng() % 9));
    fill(rng, source, rng() % 3 == 0);
    const Filter filter = filter_for(algorithm);
    const AxisTable x = filter_table(sw, tw, filter), y = filter_table(sh, th, filter);
    const int padding = static_cast<int>(rng() % 9);
    const Image portable = run(source, tw, th, x, y, passes::Path::Portable, padding);
    const Image avx2 = run(source, tw, th, x, y, passes::Path::Avx2, padding);
    ASSERT_EQ(portable.bytes, avx2.bytes) << sw << "x" << sh << " -> " << tw << "x" << th << ", " << channels
                                          << " channels, algorithm " << static_cast<int>(algorithm);
    for (int yy = 0; yy < th; ++yy)
        for (int i = tw * channels; i < portable.stride(); ++i)
            ASSERT_EQ(avx2.bytes[static_cast<std::size_t>(yy * portable.stride() + i)], kSentinel) << "row padding written";
}

// Just enough JSON for the fixture json.dump wrote: objects, arrays, numbers, strings without escapes.
struct Json {
    double number = 0;
    std::string text;
    std::vector<Json> items;
    std::map<std::string, Json> fields;
    const Json& operator[](const std::string& key) const { return fields.at(key); }
};

Json parse(const std::string& s, std::size_t& i) {
    while (std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    Json v;
    if (s[i] == '{' || s[i] == '[') {
        const char close = s[i] == '{' ? '}' : ']';
        for (++i;;) {
            while (std::isspace(static_cast<unsigned char>(s[i])) || s[i] == ',') ++i;
            if (s[i] == close) return ++i, v;
            if (close == ']') {
                v.items.push_back(parse(s, i));
                continue;
            }
            const std::string key = parse(s, i).text;
            while (s[i] != ':') ++i;
            v.fields[key] = parse(s, ++i);
        }
    }
    if (s[i] == '"') {
        const std::size_t end = s.find('"', i + 1);
        v.text = s.substr(i + 1, end - i - 1);
        i = end + 1;
        return v;
    }
    std::size_t used = 0;
    v.number = std::stod(s.substr(i, 32), &used);
    i += used;
    return v;
}

std::vector<std::uint8_t> base64(const std::string& text) {
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::vector<std::uint8_t> out;
    unsigned bits = 0;
    int held = 0;
    for (const char ch : text) {
        if (ch == '=') break;
        bits = (bits << 6) | static_cast<unsigned>(alphabet.find(ch));
        if ((held += 6) >= 8) out.push_back(static_cast<std::uint8_t>(bits >> (held -= 8)));
    }
    return out;
}

class PillowPasses : public ::testing::Test {
protected:
    void SetUp() override {
        if (!passes::avx2_available()) GTEST_SKIP() << "this CPU has no AVX2";
    }
};

}  // namespace

TEST(PillowPassesGolden, BothPathsReproducePillowsBytes) {
    std::ifstream file(SD_REPOSITORY_ROOT "/tests/golden/pillow/pillow_resize.json");
    ASSERT_TRUE(file) << "tests/golden/pillow/pillow_resize.json not found";
    std::stringstream content;
    content << file.rdbuf();
    std::size_t at = 0;
    const Json golden = parse(content.str(), at);
    std::vector<passes::Path> paths{passes::Path::Portable};
    if (passes::avx2_available()) paths.push_back(passes::Path::Avx2);
    const std::pair<const char*, Algorithm> filters[] = {{"Box", Algorithm::Box}, {"Bilinear", Algorithm::Bilinear},
        {"Hamming", Algorithm::Hamming}, {"Bicubic", Algorithm::Bicubic}, {"Lanczos", Algorithm::Lanczos}};
    int compared = 0;
    for (const Json& c : golden["cases"].items) {
        if (c["mode"].text == "F") continue;
        const int channels = static_cast<int>(c["channels"].number);
        const int sw = static_cast<int>(c["source"].items[0].number), sh = static_cast<int>(c["source"].items[1].number);
        const int tw = static_cast<int>(c["target"].items[0].number), th = static_cast<int>(c["target"].items[1].number);
        Image source(sw, sh, channels, 0);
        source.bytes = base64(c["pixels"].text);
        ASSERT_EQ(source.bytes.size(), static_cast<std::size_t>(sw) * sh * channels) << c["name"].text;
        for (const auto& [name, algorithm] : filters) {
            const AxisTable x = filter_table(sw, tw, filter_for(algorithm)), y = filter_table(sh, th, filter_for(algorithm));
            const std::vector<std::uint8_t> expected = base64(c["outputs"][name].text);
            for (const passes::Path path : paths) {
                EXPECT_EQ(run(source, tw, th, x, y, path, 0).bytes, expected)
                    << c["name"].text << " " << c["mode"].text << " " << name << (path == passes::Path::Avx2 ? " AVX2" : " portable");
                ++compared;
            }
        }
    }
    EXPECT_GE(compared, 100);  // the fixture's 8-bit cases, every filter, each path
}

TEST_F(PillowPasses, Avx2MatchesPortableOnRandomSizes) {
    std::mt19937 rng(20261203);
    for (int i = 0; i < 400; ++i) {
        const int sw = 1 + static_cast<int>(rng() % 120), sh = 1 + static_cast<int>(rng() % 120);
        // Mostly independent sizes; sometimes one axis kept (that pass is skipped).
        const int tw = rng() % 6 == 0 ? sw : 1 + static_cast<int>(rng() % 120);
        const int th = rng() % 6 == 0 ? sh : 1 + static_cast<int>(rng() % 120);
        expect_paths_agree(rng, sw, sh, tw, th, 1 + static_cast<int>(rng() % 4), kFilters[rng() % 5]);
        if (HasFatalFailure()) return;
    }
}

TEST_F(PillowPasses, Avx2MatchesPortableOnWideWindowsAndLargeUpscales) {
    std::mt19937 rng(7);
    const int sizes[][4] = {{900, 700, 97, 61}, {640, 480, 31, 480}, {333, 17, 9, 2}, {2, 3, 257, 131}, {31, 29, 640, 7}};
    for (const auto& s : sizes)
        for (int channels = 1; channels <= 4; ++channels)
            for (const Algorithm a : {Algorithm::Bilinear, Algorithm::Bicubic, Algorithm::Lanczos}) {
                expect_paths_agree(rng, s[0], s[1], s[2], s[3], channels, a);
                if (HasFatalFailure()) return;
            }
}

TEST(PillowPassesChoice, Avx2IsRefusedWithoutTheInstructions) {
    if (passes::avx2_available()) GTEST_SKIP() << "this CPU has AVX2";
    const AxisTable t = filter_table(4, 2, filter_for(Algorithm::Bilinear));
    Image source(4, 4, 1, 0), target(2, 2, 1, 0);
    EXPECT_THROW(passes::resample(source.cref(), target.ref(), t, t, passes::Path::Avx2), std::invalid_argument);
}
