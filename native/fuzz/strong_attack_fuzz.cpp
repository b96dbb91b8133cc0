// Fuzzes sd_strong_attack with arbitrary doubles (any bit pattern: NaN, inf, subnormal, huge) and
// integers. Solver effort (max_sweeps, repair_rounds) and threads are kept small when valid so a
// run stays short; out-of-range values pass through to be refused.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "fuzz_input.hpp"

namespace {

double any_double(FuzzedDataProvider& in) {
    switch (in.ConsumeIntegralInRange<int>(0, 3)) {
        case 0: return in.ConsumeFloatingPoint<double>();                   // any finite value
        case 1: return in.ConsumeFloatingPointInRange<double>(-2.0, 300.0);  // a plausible one
        case 2: return in.PickValueInArray<double>({0.25, 1.0, 1e-300, 1e300, 2147483648.0, 1e-9, -0.0});
        default: {
            uint64_t bits = in.ConsumeIntegral<uint64_t>();  // NaNs and infinities too
            double value;
            static_assert(sizeof value == sizeof bits);
            __builtin_memcpy(&value, &bits, sizeof value);
            return value;
        }
    }
}

int32_t bounded(FuzzedDataProvider& in, int32_t hi) {
    const int32_t value = in.ConsumeIntegral<int32_t>();
    return value > hi ? value % (hi + 1) : value;  // negatives stay, to be refused
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    FuzzedDataProvider in(data, size);
    const sd_fuzz::Model m(in);
    if (m.handle == nullptr) return 0;

    sd_attack_params p{};
    p.epsilon = any_double(in);
    p.max_epsilon = any_double(in);
    p.epsilon_step = any_double(in);
    p.max_change = any_double(in);
    p.tolerance = any_double(in);
    p.threads = in.ConsumeIntegralInRange<int>(0, 31) == 0 ? in.ConsumeIntegral<int32_t>() : in.ConsumeIntegralInRange<int32_t>(0, 3);
    p.limited_change = sd_fuzz::small_or_hostile(in, 0, 1);
    p.free_pixels = in.ConsumeIntegral<int32_t>();
    p.max_sweeps = bounded(in, 40);
    p.repair_rounds = bounded(in, 8);
    p.reserved = sd_fuzz::small_or_hostile(in, 0, 0);

    const int channels = in.ConsumeIntegralInRange<int>(1, 4);
    sd_fuzz::Image source = sd_fuzz::image(in, m.params.source_width, m.params.source_height, channels, SD_SAMPLE_UINT8);
    sd_fuzz::Image target = sd_fuzz::image(in, m.params.target_width, m.params.target_height, channels, SD_SAMPLE_UINT8);
    sd_fuzz::Image attack = sd_fuzz::image(in, m.params.source_width, m.params.source_height, channels, SD_SAMPLE_UINT8);
    const int64_t capacity = m.params.target_width - in.ConsumeIntegralInRange<int>(0, 1);
    std::vector<float> epsilons(static_cast<size_t>(capacity));
    sd_attack_stats stats{};
    sd_strong_attack(m.handle, &p, &source.view, &target.view, &attack.view, epsilons.empty() ? nullptr : epsilons.data(),
                     capacity, in.ConsumeBool() ? &stats : nullptr);
    return 0;
}
