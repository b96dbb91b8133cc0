#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>
#include <stdexcept>
#include <vector>

#include "core/cpu_features.hpp"
#include "defense/random_detail.hpp"
#include "defense/selective_filters.hpp"

namespace sd {

namespace random_detail {

Axes::Axes(const std::vector<std::int32_t>& indices, const std::vector<std::uint8_t>& index_in_p, int half, int extent,
           std::int64_t step) {
    for (const int index : indices) {
        const int first = std::max(0, index - half), last = std::min(extent - 1, index + half);
        const Axis a = axis(first, last);
        std::uint64_t mask = 0;
        bool any_outside = false;
        for (int k = first; k <= last; ++k) {
            any_outside |= !index_in_p[k];
            if (k - first < static_cast<int>(kMaskedLength) && index_in_p[k]) mask |= std::uint64_t{1} << (k - first);
        }
        start.push_back(first);
        open.push_back(any_outside);
        base.push_back(first * step);
        size.push_back(a.size);
        threshold.push_back(a.threshold);
        in_p.push_back(mask);
        masks_fit &= a.size <= kMaskedLength;
    }
}

RowChunks::RowChunks(const std::vector<std::int32_t>& columns, int channels) {
    std::uint32_t packed = 0;
    for (const std::int32_t x : columns)
        for (int c = 0; c < channels; ++c, ++packed) {
            const std::int64_t byte = static_cast<std::int64_t>(x) * channels + c;
            const auto k = static_cast<std::uint32_t>(byte / 64);
            if (chunk.empty() || chunk.back() != k) {
                chunk.push_back(k);
                first.push_back(packed);
                mask.push_back(0);
            }
            mask.back() |= std::uint64_t{1} << (byte % 64);
        }
}

namespace {

// The mean share of a window's draws that land in P.
double share_in_p(const Axes& rows, const Axes& columns) {
    auto share = [](const Axes& axes) {
        double sum = 0;
        for (std::size_t k = 0; k < axes.count(); ++k)
            sum += static_cast<double>(__builtin_popcountll(axes.in_p[k])) / axes.size[k];
        return axes.count() == 0 ? 0.0 : sum / static_cast<double>(axes.count());
    };
    return share(rows) * share(columns);
}

}  // namespace

int row_attempts(const Axes& rows, const Axes& columns) { return share_in_p(rows, columns) > 0.1 ? 3 : 1; }

int attempts_for_all(const Axes& rows, const Axes& columns) { return share_in_p(rows, columns) > 0.15 ? 2 : 1; }

namespace {

bool avx2_supported() {
#ifdef SD_RANDOM_HAS_AVX2
    return cpu::has_avx2();
#else
    return false;
#endif
}

bool avx512_supported() {
#ifdef SD_RANDOM_HAS_AVX512
    return cpu::has_avx512_dq();
#else
    return false;
#endif
}

template <int Channels>
std::int64_t random_filter(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target,
                           const ConsideredPixels& p, int half_x, int half_y, std::uint64_t seed, Path path) {
    const RandomSource random(seed);
    const Axes rows(p.rows, p.row_in_p, half_y, source.height, source.stride_bytes);
    const Axes columns(p.columns, p.column_in_p, half_x, source.width, Channels);
    if (!(rows.masks_fit && columns.masks_fit)) path = Path::Scalar;
    std::optional<WindowWidening> widening;  // built at the first window that holds only P
    const int attempts = path == Path::Avx512 ? kListAttempts : row_attempts(rows, columns);
    const int for_all = path == Path::Avx512 ? attempts_for_all(rows, columns) : 1;
    const std::size_t width = p.columns.size();
    const auto pixels = static_cast<std::uint64_t>(p.rows.size()) * width;
    // Per row of P: the first attempts of all its pixels, one attempt at a time for those left
    // without a pick, then the reads, then the writes. In place, reads interleaved with writes to
    // the same rows were slower by half (the loads wait on the stores before them).
    std::vector<std::int64_t> offsets(width);
    std::vector<std::uint32_t> values(width + 16);  // a pick's bytes in the low Channels bytes
    // With VBMI2, the row's picks are written 64 bytes of the row at a time (masked stores).
    const bool chunked_writes = path == Path::Avx512 && cpu::has_avx512_vbmi2();
    const RowChunks chunks = chunked_writes ? RowChunks(p.columns, Channels) : RowChunks{};
    [[maybe_unused]] const bool out_of_place = target.data != source.data;
    std::vector<std::uint8_t> packed(chunked_writes ? width * Channels + 64 : 0);
    std::vector<std::uint32_t> left(width + 8);   // the row's pixels still without a pick
    // The AVX-512 reads take four bytes at a pick: not past the last pixel's own bytes.
    [[maybe_unused]] const std::int64_t last_word = (source.height - 1) * source.stride_bytes + source.row_elements() - 4;
    std::int64_t rewritten = 0;
    if (p.rows.empty() || width == 0) return rewritten;
    // The picks read nearly every cache line of their windows' rows, in random order: the rows down
    // to the windows of the row of P after next are asked for while a row is filtered, a few lines
    // per step of the AVX-512 kernels' loops (a quarter of the row's share between the steps of
    // the others).
    LinePrefetch ahead(source.data, source.stride_bytes, source.row_elements(), source.height);
    auto window_end = [&](std::size_t k) { return p.rows[std::min(k, p.rows.size() - 1)] + half_y + 1; };
    ahead.until(window_end(1));
    ahead.ask_all();
    // The AVX-512 kernels' steps in a row: eight pixels' first attempts, eight reads, a chunk's write.
    const auto steps = static_cast<std::ptrdiff_t>((width + 7) / 8 * 2 + chunks.chunk.size());
    for (std::size_t i = 0; i < p.rows.size(); ++i) {
        ahead.until(window_end(i + 2));
        // At most INT_MAX lines a row (an image of gigabytes a row of P): the rest is asked for later.
        const std::ptrdiff_t share = std::min<std::ptrdiff_t>(ahead.lines_left(), std::numeric_limits<int>::max());
        [[maybe_unused]] const int per_step = static_cast<int>((share + steps - 1) / steps);
        const int quarter = static_cast<int>((share + 3) / 4);
        if (path != Path::Avx512) ahead.ask(quarter);
        const std::uint64_t first = static_cast<std::uint64_t>(i) * width;  // pixel (i, 0)'s number
        const RowJob job{&rows, &columns, i, random.counter_state(first), pixels * RandomSource::kGamma, source.stride_bytes, Channels, attempts, for_all};
        std::size_t unpicked = 0;
        switch (path) {
#ifdef SD_RANDOM_HAS_AVX2
            case Path::Avx2: first_attempts_avx2(job, offsets.data()); break;
            case Path::Avx512: unpicked = first_attempts_avx512(job, offsets.data(), left.data(), ahead, per_step); break;
#endif
            case Path::Portable: first_attempts_portable(job, offsets.data()); break;
            default: std::fill(offsets.begin(), offsets.end(), -1); break;
        }
        if (path != Path::Avx512)
            for (std::size_t j = 0; j < width; ++j)
                if (offsets[j] < 0) left[unpicked++] = static_cast<std::uint32_t>(j);
        if (path != Path::Avx512) ahead.ask(quarter);
        [[maybe_unused]] bool skipped = false;  // a pixel left as it is (the whole image is P)
        for (std::size_t k = 0; k < unpicked; ++k) {
            const std::size_t j = left[k];
            Axis row = rows.at(i), column = columns.at(j);
            if (!(rows.open[i] | columns.open[j])) {  // the window holds only P: widen it
                Window w = window_at(p.rows[i], p.columns[j], half_x, half_y, source.width, source.height);
                if (!widening) widening.emplace(p, source.width, source.height);
                if (!widening->widen(w)) {  // the whole image is P
                    skipped = true;
                    continue;
                }
                row = axis(w.y0, w.y1);
                column = axis(w.x0, w.x1);
            }
            // Attempts from the first: the kernels' failed too, unless the window was widened.
            int sy, sx;
            for (std::uint64_t a = 0; !attempt(random.at(first + j + a * pixels), row, column, p, sy, sx); ++a) {
            }
            offsets[j] = sy * source.stride_bytes + static_cast<std::int64_t>(sx) * Channels;
        }
        if (path == Path::Avx512) {
#ifdef SD_RANDOM_HAS_AVX512
            read_picks_avx512(offsets.data(), width, source.data, last_word, Channels, values.data(), ahead, per_step);
#endif
        } else {
            ahead.ask(quarter);
            // The picks land anywhere in the window's rows, in random order: ask for them all first.
            for (std::size_t j = 0; j < width; ++j)
                if (offsets[j] >= 0) __builtin_prefetch(source.data + offsets[j]);
            for (std::size_t j = 0; j < width; ++j)
                if (offsets[j] >= 0) std::memcpy(&values[j], source.data + offsets[j], Channels);
        }
        if (path != Path::Avx512) ahead.ask(quarter);
        std::uint8_t* to_row = target.row(p.rows[i]);
#ifdef SD_RANDOM_HAS_AVX512
        if (chunked_writes && !skipped) {
            // Out of place, the target's rows are not among the lines asked for above.
            std::uint8_t* next_row = out_of_place && i + 1 < p.rows.size() ? target.row(p.rows[i + 1]) : nullptr;
            write_row_avx512(values.data(), width, Channels, chunks, to_row, packed.data(), ahead, per_step, next_row);
            rewritten += static_cast<std::int64_t>(width);
            continue;
        }
#endif
        for (std::size_t j = 0; j < width; ++j) {
            if (offsets[j] < 0) continue;
            std::memcpy(to_row + static_cast<std::ptrdiff_t>(p.columns[j]) * Channels, &values[j], Channels);
            ++rewritten;
        }
    }
    return rewritten;
}

}  // namespace

bool avx2_available() { return avx2_supported(); }
bool avx512_available() { return avx512_supported(); }

std::int64_t filter(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target,
                    const ConsideredPixels& p, WindowKind window, std::uint64_t seed, Path path, OtherPixels other) {
    if (path == Path::Avx2 && !avx2_supported()) throw std::invalid_argument("this CPU has no AVX2");
    if (path == Path::Avx512 && !avx512_supported()) throw std::invalid_argument("this CPU has no AVX-512 DQ");
    copy_other_pixels(source, target, p, other);
    if (p.covers_image()) return 0;
    // The vector kernels multiply row offsets by the stride in 32-bit halves.
    const bool stride_fits = source.stride_bytes <= std::numeric_limits<std::uint32_t>::max();
    if (path == Path::Auto) path = avx512_supported() ? Path::Avx512 : avx2_supported() ? Path::Avx2 : Path::Portable;
    if ((path == Path::Avx2 || path == Path::Avx512) && !stride_fits) path = Path::Portable;
    const int half_x = half_width(p.ratio_x, window);
    const int half_y = half_width(p.ratio_y, window);
    switch (source.channels) {
        case 1: return random_filter<1>(source, target, p, half_x, half_y, seed, path);
        case 2: return random_filter<2>(source, target, p, half_x, half_y, seed, path);
        case 3: return random_filter<3>(source, target, p, half_x, half_y, seed, path);
        default: return random_filter<4>(source, target, p, half_x, half_y, seed, path);
    }
}

}  // namespace random_detail

std::int64_t selective_random_filter(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target,
                                     const ConsideredPixels& p, WindowKind window, std::uint64_t seed, OtherPixels other) {
    return random_detail::filter(source, target, p, window, seed, random_detail::Path::Auto, other);
}

}  // namespace sd
