// The band kernel in plain C++ (every target; compilers vectorise the 16-lane loops where they can).
#include "defense/median_band.hpp"

namespace sd::median_detail {
namespace {

struct PortableBins {
    static constexpr bool kScansWindow = false;  // fine counts kept per column (median_band.hpp)
    struct Scratch {};

    static void clear(std::uint16_t* d) {
        for (int i = 0; i < 16; ++i) d[i] = 0;
    }
    static void add(std::uint16_t* d, const std::uint16_t* s) {
        for (int i = 0; i < 16; ++i) d[i] = static_cast<std::uint16_t>(d[i] + s[i]);
    }
    static void sub(std::uint16_t* d, const std::uint16_t* s) {
        for (int i = 0; i < 16; ++i) d[i] = static_cast<std::uint16_t>(d[i] - s[i]);
    }
    // The first bin whose running total exceeds k; k becomes the rank within that bin.
    static unsigned select(const std::uint16_t* bins, std::uint32_t& k) {
        unsigned i = 0;
        while (k >= bins[i]) k -= bins[i++];
        return i;
    }
};

}  // namespace

std::int64_t histogram_rows_portable(const Job& job, std::size_t begin, std::size_t end) {
    return band_median<PortableBins>(job, begin, end);
}

}  // namespace sd::median_detail
