// Times the selective filters' kernel paths against one another in one process: an RGB image (random
// bytes, or a raw RGB file) of the given size, P of OpenCV bilinear to 224 x 224, one thread. Each
// round runs every path in turn, so that a busy machine slows them alike; the best call over all
// rounds is reported, with a hash of the output (every path must give the same bytes).
//
//   scaledefense_filter_paths [WIDTHxHEIGHT] [--image FILE.rgb] [--only TEXT] [--rounds 8] [--calls 20] [--cold]
//
// --only keeps the paths whose name contains TEXT ("random", "median", "random in place avx512"):
// one path alone is what a profiler should watch. "random p-only" writes only P into the target, out
// of place (what SecureScaler runs); the target starts as a copy of the image, so its output hash
// is the others'. --cold evicts the caches before each call (a
// pass over 64 MiB), so that the image comes from memory, as in a service that has just decoded it
// elsewhere; without it, the image is in the caches from the call before.
#include <time.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "defense/considered_pixels.hpp"
#include "defense/median_detail.hpp"
#include "defense/random_detail.hpp"
#include "scaling/scaling_model.hpp"

namespace {

struct Options {
    int width = 2048, height = 1536, rounds = 8, calls = 20;
    bool cold = false;
    std::string image;
    std::string only;  // part of the names of the paths to run; empty for all
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--image" && has_value) o.image = argv[++i];
        else if (arg == "--only" && has_value) o.only = argv[++i];
        else if (arg == "--rounds" && has_value) o.rounds = std::atoi(argv[++i]);
        else if (arg == "--calls" && has_value) o.calls = std::atoi(argv[++i]);
        else if (arg == "--cold") o.cold = true;
        else if (std::sscanf(arg.c_str(), "%dx%d", &o.width, &o.height) != 2)
            throw std::invalid_argument(
                "usage: scaledefense_filter_paths [WIDTHxHEIGHT] [--image FILE.rgb] [--only TEXT] [--rounds N] [--calls N] [--cold]");
    }
    if (o.width < 224 || o.height < 224 || o.rounds < 1 || o.calls < 1)
        throw std::invalid_argument("sizes must be at least 224x224, rounds and calls at least 1");
    return o;
}

std::vector<std::uint8_t> source_pixels(const Options& o) {
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(o.width) * o.height * 3);
    if (o.image.empty()) {
        std::mt19937 rng(7);
        for (auto& v : pixels) v = static_cast<std::uint8_t>(rng());
        return pixels;
    }
    std::FILE* file = std::fopen(o.image.c_str(), "rb");
    const bool read = file != nullptr && std::fread(pixels.data(), 1, pixels.size(), file) == pixels.size();
    if (file != nullptr) std::fclose(file);
    if (!read) throw std::invalid_argument(o.image + ": cannot read " + std::to_string(pixels.size()) + " bytes of RGB");
    return pixels;
}

// Writes every line of a buffer larger than the last-level cache, so that what was cached is gone.
void evict(std::vector<std::uint8_t>& buffer) {
    for (std::size_t i = 0; i < buffer.size(); i += 64) buffer[i] = static_cast<std::uint8_t>(buffer[i] + 1);
}

double thread_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
}

std::uint64_t fnv1a(const std::vector<std::uint8_t>& bytes) {
    std::uint64_t h = 1469598103934665603ull;
    for (const std::uint8_t b : bytes) h = (h ^ b) * 1099511628211ull;
    return h;
}

// One way of running a filter: its name and the call (source, target) -> pixels rewritten.
struct Variant {
    std::string name;
    std::function<void(const sd::ImageRef<const std::uint8_t>&, const sd::ImageRef<std::uint8_t>&)> run;
    bool in_place;
    double best = 1e300;
    std::uint64_t hash = 0;
};

}  // namespace

int main(int argc, char** argv) try {
    const Options o = parse(argc, argv);
    sd::ModelParams params;
    params.library = sd::Library::OpenCV;
    params.algorithm = sd::Algorithm::Bilinear;
    params.source = {o.width, o.height};
    params.target = {224, 224};
    const auto model = sd::create_scaling_model(params);
    const sd::ConsideredPixels p = sd::considered_pixels(*model);
    const std::vector<std::uint8_t> source = source_pixels(o);
    std::vector<std::uint8_t> target(source.size());
    const std::ptrdiff_t stride = static_cast<std::ptrdiff_t>(o.width) * 3;
    const sd::ImageRef<const std::uint8_t> from{source.data(), stride, o.width, o.height, 3};
    const sd::ImageRef<std::uint8_t> to{target.data(), stride, o.width, o.height, 3};
    const sd::ImageRef<const std::uint8_t> to_as_source{target.data(), stride, o.width, o.height, 3};

    std::vector<std::uint8_t> evictor(o.cold ? std::size_t{64} << 20 : 0);
    std::vector<Variant> variants;
    using RandomPath = sd::random_detail::Path;
    using MedianPath = sd::median_detail::Path;
    const std::pair<RandomPath, const char*> random_paths[] = {
        {RandomPath::Portable, "portable"}, {RandomPath::Avx2, "avx2"}, {RandomPath::Avx512, "avx512"}};
    const std::pair<MedianPath, const char*> median_paths[] = {
        {MedianPath::Avx2, "avx2"}, {MedianPath::Avx512, "avx512"}, {MedianPath::Avx512Blocks, "avx512-blocks"}};
    for (const bool in_place : {true, false})
        for (const auto& [path, name] : random_paths)
            variants.push_back({std::string("random ") + (in_place ? "in place " : "") + name,
                                [&p, path = path](const auto& s, const auto& t) { sd::random_detail::filter(s, t, p, sd::WindowKind::Paper, 1, path); },
                                in_place});
    for (const auto& [path, name] : random_paths)
        variants.push_back({std::string("random p-only ") + name,
                            [&p, path = path](const auto& s, const auto& t) {
                                sd::random_detail::filter(s, t, p, sd::WindowKind::Paper, 1, path, sd::OtherPixels::Leave);
                            },
                            false});
    for (const bool in_place : {true, false})
        for (const auto& [path, name] : median_paths)
            variants.push_back({std::string("median ") + (in_place ? "in place " : "") + name,
                                [&p, path = path](const auto& s, const auto& t) { sd::median_detail::filter(s, t, p, sd::WindowKind::Paper, 1, path); },
                                in_place});
    variants.erase(std::remove_if(variants.begin(), variants.end(),
                                  [&](const Variant& v) { return v.name.find(o.only) == std::string::npos; }),
                   variants.end());
    if (variants.empty()) throw std::invalid_argument("no path's name contains \"" + o.only + "\"");

    target = source;  // what "p-only" leaves outside P
    for (int round = 0; round < o.rounds; ++round)
        for (Variant& v : variants) {
            if (v.best < 0) continue;  // the CPU cannot run it
            try {
                for (int call = 0; call < o.calls; ++call) {
                    if (v.in_place) target = source;
                    if (o.cold) evict(evictor);
                    const double start = thread_ms();
                    v.run(v.in_place ? to_as_source : from, to);
                    v.best = std::min(v.best, thread_ms() - start);
                }
                v.hash = fnv1a(target);
            } catch (const std::invalid_argument&) {
                v.best = -1;
            }
        }

    std::printf("%dx%d RGB, P of OpenCV bilinear to 224x224 (%zu x %zu), best of %d rounds x %d calls, one thread\n", o.width,
                o.height, p.rows.size(), p.columns.size(), o.rounds, o.calls);
    for (const Variant& v : variants) {
        if (v.best < 0)
            std::printf("  %-30s not on this CPU\n", v.name.c_str());
        else
            std::printf("  %-30s %9.3f ms   output %016llx\n", v.name.c_str(), v.best, static_cast<unsigned long long>(v.hash));
    }
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
}
