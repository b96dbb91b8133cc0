// Fuzzes sd_reconstruct: both filters, both windows, any thread count, in place or not, the rest of
// the destination copied or left, through views that may lie about their layout.
#include <cstddef>
#include <cstdint>

#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    FuzzedDataProvider in(data, size);
    const sd_fuzz::Model m(in);
    if (m.handle == nullptr) return 0;

    sd_filter_params filter{};
    filter.seed = in.ConsumeIntegral<uint64_t>();
    filter.method = sd_fuzz::small_or_hostile(in, SD_RECONSTRUCTION_MEDIAN, SD_RECONSTRUCTION_RANDOM);
    filter.window = sd_fuzz::small_or_hostile(in, SD_WINDOW_PAPER, SD_WINDOW_NARROW);
    filter.unpredictable = sd_fuzz::small_or_hostile(in, 0, 1);
    filter.threads = sd_fuzz::small_or_hostile(in, 0, 5);
    filter.leave_other_pixels = sd_fuzz::small_or_hostile(in, 0, 1);
    const int channels = in.ConsumeIntegralInRange<int>(1, 4);
    sd_fuzz::Image source = sd_fuzz::image(in, m.params.source_width, m.params.source_height, channels, SD_SAMPLE_UINT8);
    int64_t rewritten = 0;
    if (in.ConsumeBool()) {
        sd_reconstruct(m.handle, &filter, &source.view, &source.view, &rewritten);  // in place
    } else {
        sd_fuzz::Image destination =
            sd_fuzz::image(in, m.params.source_width, m.params.source_height, channels, SD_SAMPLE_UINT8);
        sd_reconstruct(m.handle, &filter, &source.view, &destination.view, in.ConsumeBool() ? &rewritten : nullptr);
    }
    return 0;
}
