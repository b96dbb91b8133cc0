#include "attack/rounding_repair.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace sd::attack {

namespace {

// scale(A) through the exact model as doubles: the 8-bit path when the library has one, else float.
class ExactScaler {
public:
    ExactScaler(const ScalingModel& model, int channels)
        : model_(model), channels_(channels), uint8_(model.supports(SampleType::UInt8)) {
        const Size t = model.params().target, s = model.params().source;
        out_.resize(static_cast<size_t>(t.width) * t.height * channels);
        if (!uint8_) {
            in_float_.resize(static_cast<size_t>(s.width) * s.height * channels);
            out_float_.resize(out_.size());
        }
        out_bytes_.resize(out_.size());
    }

    const std::vector<double>& scale(const ImageRef<std::uint8_t>& attack) {
        const Size t = model_.params().target, s = model_.params().source;
        if (uint8_) {
            ImageRef<const std::uint8_t> in{attack.data, attack.stride_bytes, s.width, s.height, channels_};
            ImageRef<std::uint8_t> out{out_bytes_.data(), static_cast<std::ptrdiff_t>(t.width) * channels_, t.width,
                                       t.height, channels_};
            model_.scale(in, out);
            std::copy(out_bytes_.begin(), out_bytes_.end(), out_.begin());
        } else {
            for (int y = 0; y < s.height; ++y)
                std::copy(attack.row(y), attack.row(y) + s.width * channels_,
                          in_float_.begin() + static_cast<std::ptrdiff_t>(y) * s.width * channels_);
            ImageRef<const float> in{in_float_.data(), static_cast<std::ptrdiff_t>(s.width * channels_ * sizeof(float)),
                                     s.width, s.height, channels_};
            ImageRef<float> out{out_float_.data(), static_cast<std::ptrdiff_t>(t.width * channels_ * sizeof(float)),
                                t.width, t.height, channels_};
            model_.scale(in, out);
            std::copy(out_float_.begin(), out_float_.end(), out_.begin());
        }
        return out_;
    }

    // Integer outputs: an error below eps + 1 rounds to within floor(eps).
    double allowed(float epsilon) const {
        return uint8_ ? std::floor(static_cast<double>(epsilon) + 1e-9) : static_cast<double>(epsilon);
    }

private:
    const ScalingModel& model_;
    int channels_;
    bool uint8_;
    std::vector<double> out_;
    std::vector<std::uint8_t> out_bytes_;
    std::vector<float> in_float_, out_float_;
};

// Per row, the positions of its taps ordered by decreasing |weight|, ties in CSR order.
std::vector<int> taps_by_weight(const ConstraintRows& rows) {
    std::vector<int> order(rows.weights.size());
    std::iota(order.begin(), order.end(), 0);
    for (int i = 0; i < rows.rows(); ++i)
        std::stable_sort(order.begin() + rows.offsets[i], order.begin() + rows.offsets[i + 1],
                         [&](int p, int q) { return std::abs(rows.weights[p]) > std::abs(rows.weights[q]); });
    return order;
}

}  // namespace

RepairOutcome repair_rounding(const ScalingModel& model, const ConstraintRows& vertical,
                              const ConstraintRows& horizontal, const ImageRef<const std::uint8_t>& target,
                              const std::vector<float>& epsilon_per_column, const std::vector<std::uint8_t>& lo,
                              const std::vector<std::uint8_t>& hi, int rounds, const ImageRef<std::uint8_t>& attack) {
    const int channels = attack.channels, width = attack.width;
    ExactScaler scaler(model, channels);
    const std::vector<int> by_weight_v = taps_by_weight(vertical), by_weight_h = taps_by_weight(horizontal);
    RepairOutcome outcome;
    for (int round = 0;; ++round) {
        const std::vector<double>& scaled = scaler.scale(attack);
        outcome.outputs_off = 0;
        outcome.max_error = 0;
        bool changed = false;
        for (int i = 0; i < target.height; ++i) {
            const std::uint8_t* t = target.row(i);
            for (int j = 0; j < target.width; ++j) {
                const double allowed = scaler.allowed(epsilon_per_column[static_cast<size_t>(j)]);
                for (int c = 0; c < channels; ++c) {
                    const double error = scaled[(static_cast<size_t>(i) * target.width + j) * channels + c] -
                                         t[j * channels + c];
                    outcome.max_error = std::max(outcome.max_error, std::abs(error));
                    if (std::abs(error) <= allowed) continue;
                    ++outcome.outputs_off;
                    if (round >= rounds) continue;
                    // The movable pixel of largest |L_iy R_jx|; moving it by `step` changes the output by
                    // about weight * step.
                    const double excess = std::abs(error) - allowed;
                    const int wanted = error > 0 ? -1 : 1;
                    // Taps in order of |weight|, so the scan stops once no pair can reach the best
                    // (ties: the first pair in CSR order, as a full scan would pick).
                    double best = 0;
                    std::size_t best_sample = 0;
                    int best_move = 0, best_a = -1, best_b = -1;
                    const double widest = std::abs(horizontal.weights[by_weight_h[horizontal.offsets[j]]]);
                    for (int p = vertical.offsets[i]; p < vertical.offsets[i + 1]; ++p) {
                        const int a = by_weight_v[p];
                        const double va = std::abs(vertical.weights[a]);
                        if (va * widest < best) break;
                        for (int q = horizontal.offsets[j]; q < horizontal.offsets[j + 1]; ++q) {
                            const int b = by_weight_h[q];
                            const double size = va * std::abs(horizontal.weights[b]);
                            if (size < best) break;
                            if (size == 0) continue;
                            if (size == best && (a > best_a || (a == best_a && b > best_b))) continue;
                            const double weight = vertical.weights[a] * horizontal.weights[b];
                            const int move = weight > 0 ? wanted : -wanted;
                            const std::size_t sample =
                                (static_cast<size_t>(vertical.indices[a]) * width + horizontal.indices[b]) * channels + c;
                            const std::uint8_t value = attack.row(vertical.indices[a])[horizontal.indices[b] * channels + c];
                            const bool movable = move > 0 ? value < hi[sample] : value > lo[sample];
                            if (!movable) continue;
                            best = size;
                            best_sample = sample;
                            best_move = move;
                            best_a = a;
                            best_b = b;
                        }
                    }
                    if (best == 0) continue;
                    const int y = static_cast<int>(best_sample / channels / width);
                    const int x = static_cast<int>(best_sample / channels % width);
                    std::uint8_t& value = attack.row(y)[x * channels + c];
                    // In double, capped at 255 (no 8-bit move is longer): a tiny weight must not overflow an int.
                    const int step = static_cast<int>(std::clamp(std::ceil(excess / best - 1e-9), 1.0, 255.0));
                    const int moved = std::clamp(value + best_move * step, static_cast<int>(lo[best_sample]),
                                                 static_cast<int>(hi[best_sample]));
                    outcome.repaired_pixels += std::abs(moved - value) > 0 ? 1 : 0;
                    value = static_cast<std::uint8_t>(moved);
                    changed = true;
                }
            }
        }
        if (!changed) break;
    }
    return outcome;
}

}  // namespace sd::attack
