#include "attack/strong_attack.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "attack/box_interval_qp.hpp"
#include "attack/constraint_rows.hpp"
#include "attack/pixel_bounds.hpp"
#include "attack/rounding_repair.hpp"
#include "core/parallel.hpp"

namespace sd::attack {

namespace {

// What one task (a column or a row, all channels) reports; reduced in task order.
struct TaskStats {
    double max_gap = 0, max_relative_gap = 0, max_residual = 0, band = 0;
    std::int64_t sweeps = 0;
    int max_sweeps = 0;
    bool raised = false, infeasible = false, feasible_flag = false;

    void add(const QpResult& r) {
        max_gap = std::max(max_gap, r.duality_gap);
        max_relative_gap = std::max(max_relative_gap, r.duality_gap / std::max(r.objective, 1.0));
        max_residual = std::max(max_residual, r.residual);
        sweeps += r.sweeps;
        max_sweeps = std::max(max_sweeps, r.sweeps);
    }
};

// Levels of the grid start, start + step, ..., max_band, in double so that no input overflows an int;
// check_settings bounds it before any schedule is built.
double epsilon_levels(double start, double max_band, double step) {
    return 1 + std::max(0.0, std::ceil((max_band - start) / step - 1e-9));
}

struct ThreadBuffers {
    QpWorkspace qp;
    std::vector<double> s, lo, hi, a, b, x, best, goal;
    std::vector<double> warm;  // per channel: the multipliers of the last feasible attempt
};

// Solves one problem per channel at the smallest band of the grid start, start + step, ...,
// max_band at which every channel is feasible (the paper's schedule: epsilon raised step by step for
// the infeasible columns). Feasibility only grows with the band, so the smallest feasible level is
// found by bisection over the grid: the same level as trying every step, in ~log2(levels) attempts.
// sources(c, s) fills the channel's source, goals(c, g) its targets, store(c, x) takes the solution.
template <typename Sources, typename Goals, typename Store>
TaskStats solve_with_schedule(const ConstraintRows& w, const std::vector<char>& free_mask, const AttackSettings& settings,
                              double start, double max_band, int channels, ThreadBuffers& buf, Sources&& sources,
                              Goals&& goals, Store&& store) {
    const QpSettings qp{settings.max_sweeps, settings.tolerance};
    const int n = w.inputs, rows = w.rows();
    buf.s.resize(static_cast<size_t>(n) * channels);
    buf.x.resize(static_cast<size_t>(n) * channels);
    buf.best.resize(buf.x.size());
    buf.lo.resize(static_cast<size_t>(n));
    buf.hi.resize(static_cast<size_t>(n));
    buf.a.resize(static_cast<size_t>(rows));
    buf.b.resize(static_cast<size_t>(rows));
    buf.goal.resize(static_cast<size_t>(rows) * channels);
    for (int c = 0; c < channels; ++c) {
        sources(c, buf.s.data() + static_cast<size_t>(c) * n);
        goals(c, buf.goal.data() + static_cast<size_t>(c) * rows);
    }
    const int levels = static_cast<int>(epsilon_levels(start, max_band, settings.epsilon_step));  // checked: <= kMaxEpsilonLevels
    auto band_of = [&](int level) { return std::min(max_band, start + level * settings.epsilon_step); };

    std::int64_t sweeps = 0;
    buf.warm.assign(static_cast<size_t>(rows) * channels, 0.0);
    bool have_warm = false;
    // keep: the attempt's solution may be kept as the best effort even if infeasible, so it runs every
    // channel to the end; other attempts stop at the first channel proven infeasible.
    auto attempt = [&](int level, TaskStats& out, bool keep) {
        const double band = band_of(level);
        QpSettings qp_settings = qp;
        qp_settings.stop_when_infeasible = !keep;
        qp_settings.warm_start = have_warm;
        out = TaskStats{};
        out.band = band;
        bool feasible = true;
        for (int c = 0; c < channels; ++c) {
            const double* s = buf.s.data() + static_cast<size_t>(c) * n;
            pixel_bounds(free_mask, settings.max_change, s, n, buf.lo.data(), buf.hi.data());
            for (int i = 0; i < rows; ++i) {
                buf.a[i] = buf.goal[static_cast<size_t>(c) * rows + i] - band;
                buf.b[i] = buf.goal[static_cast<size_t>(c) * rows + i] + band;
            }
            if (have_warm) buf.qp.lambda.assign(&buf.warm[static_cast<size_t>(c) * rows], &buf.warm[static_cast<size_t>(c + 1) * rows]);
            const QpResult r = solve_box_interval_qp(w, s, buf.lo.data(), buf.hi.data(), buf.a.data(), buf.b.data(),
                                                     qp_settings, buf.qp, buf.x.data() + static_cast<size_t>(c) * n);
            if (r.feasible) std::copy(buf.qp.lambda.begin(), buf.qp.lambda.end(), &buf.warm[static_cast<size_t>(c) * rows]);
            out.add(r);
            feasible = feasible && r.feasible;
            if (!feasible && !keep) break;
        }
        sweeps += out.sweeps;
        out.feasible_flag = feasible;
        // Later attempts start from this one's multipliers only when every channel has feasible ones.
        have_warm = have_warm || feasible;
        return feasible;
    };

    // Level 0 first (the common case), then the top level, then bisection between the two.
    TaskStats chosen;
    if (attempt(0, chosen, levels == 1) || levels == 1) {
        chosen.infeasible = !chosen.feasible_flag;
        buf.best = buf.x;
    } else {
        chosen.raised = true;
        TaskStats top;
        attempt(levels - 1, top, true);
        chosen = top;
        chosen.raised = true;
        buf.best = buf.x;
        if (!top.feasible_flag) {
            chosen.infeasible = true;
        } else {
            int infeasible = 0, feasible = levels - 1;
            while (feasible - infeasible > 1) {
                const int middle = (infeasible + feasible) / 2;
                TaskStats t;
                if (attempt(middle, t, false)) {
                    feasible = middle;
                    chosen = t;
                    chosen.raised = true;
                    buf.best = buf.x;
                } else {
                    infeasible = middle;
                }
            }
        }
    }
    chosen.sweeps = sweeps;
    for (int c = 0; c < channels; ++c) store(c, buf.best.data() + static_cast<size_t>(c) * n);
    return chosen;
}

void check_settings(const AttackSettings& s) {
    if (!(s.epsilon > kRoundingReserve) || !std::isfinite(s.epsilon))
        throw std::invalid_argument("epsilon must be a finite number above 0.25 grey levels");
    if (!(s.max_epsilon >= s.epsilon) || !std::isfinite(s.max_epsilon))
        throw std::invalid_argument("max_epsilon must be finite and at least epsilon");
    if (!(s.epsilon_step > 0) || !std::isfinite(s.epsilon_step))
        throw std::invalid_argument("epsilon_step must be a positive finite number");
    // The horizontal schedule (kHorizontalBand .. max_epsilon) has the most levels of the two.
    const double levels = epsilon_levels(kHorizontalBand, s.max_epsilon, s.epsilon_step);
    if (!(levels <= kMaxEpsilonLevels)) {
        char message[200];
        std::snprintf(message, sizeof message,
                      "max_epsilon %.6g with epsilon_step %.6g makes %.6g epsilon levels, at most %d are allowed; "
                      "raise epsilon_step or lower max_epsilon",
                      s.max_epsilon, s.epsilon_step, levels, kMaxEpsilonLevels);
        throw std::invalid_argument(message);
    }
    if (s.threads < 0 || s.threads > kMaxThreads)
        throw std::invalid_argument("threads must be in 0.." + std::to_string(kMaxThreads) + " (0: all cores), got " +
                                    std::to_string(s.threads));
    if (s.limited_change && s.free_pixels < 0) throw std::invalid_argument("free_pixels must not be negative");
    if (s.limited_change && (!(s.max_change >= 0) || !std::isfinite(s.max_change)))
        throw std::invalid_argument("max_change must be a finite number >= 0");
    if (s.max_sweeps < 1) throw std::invalid_argument("max_sweeps must be positive");
    if (!(s.tolerance > 0)) throw std::invalid_argument("tolerance must be positive");
    if (s.repair_rounds < 0) throw std::invalid_argument("repair_rounds must not be negative");
}

}  // namespace

void strong_attack(const ScalingModel& model, const AttackSettings& settings,
                   const ImageRef<const std::uint8_t>& source, const ImageRef<const std::uint8_t>& target,
                   const ImageRef<std::uint8_t>& attack, float* epsilon_per_column, AttackStats& stats) {
    check_settings(settings);
    const Size src = model.params().source, dst = model.params().target;
    const int sw = src.width, sh = src.height, tw = dst.width, th = dst.height, channels = source.channels;
    const ConstraintRows vertical = to_constraint_rows(model.coefficients(Axis::Vertical, SampleType::UInt8));
    const ConstraintRows horizontal = to_constraint_rows(model.coefficients(Axis::Horizontal, SampleType::UInt8));
    const std::vector<char> vertical_free =
        settings.limited_change ? free_pixel_mask(vertical, settings.free_pixels) : std::vector<char>{};
    const std::vector<char> horizontal_free =
        settings.limited_change ? free_pixel_mask(horizontal, settings.free_pixels) : std::vector<char>{};
    const int threads = resolve_threads(settings.threads);

    // S' = S R, planar: sprime[(c * tw + j) * sh + y].
    std::vector<double> sprime(static_cast<size_t>(channels) * tw * sh);
    parallel_for(sh, threads, [&](int y, int) {
        const std::uint8_t* row = source.row(y);
        for (int j = 0; j < tw; ++j) {
            for (int c = 0; c < channels; ++c) {
                double sum = 0;
                for (int k = horizontal.offsets[j]; k < horizontal.offsets[j + 1]; ++k)
                    sum += horizontal.weights[k] * row[horizontal.indices[k] * channels + c];
                sprime[(static_cast<size_t>(c) * tw + j) * sh + y] = sum;
            }
        }
    });

    std::vector<ThreadBuffers> buffers(static_cast<size_t>(threads));

    // 1. Vertical step, one task per column j (all channels share the column's epsilon).
    std::vector<double> aprime(sprime.size());
    std::vector<TaskStats> column_stats(static_cast<size_t>(tw));
    parallel_for(tw, threads, [&](int j, int worker) {
        column_stats[j] = solve_with_schedule(
            vertical, vertical_free, settings, settings.epsilon - kRoundingReserve,
            settings.max_epsilon - kRoundingReserve, channels, buffers[worker],
            [&](int c, double* s) { std::copy_n(&sprime[(static_cast<size_t>(c) * tw + j) * sh], sh, s); },
            [&](int c, double* g) {
                for (int i = 0; i < th; ++i) g[i] = target.row(i)[j * channels + c];
            },
            [&](int c, const double* x) { std::copy_n(x, sh, &aprime[(static_cast<size_t>(c) * tw + j) * sh]); });
    });

    // 2. Horizontal step, one task per source row y (all channels).
    std::vector<double> areal(static_cast<size_t>(sh) * sw * channels);  // interleaved like the image
    std::vector<std::uint8_t> lo(areal.size()), hi(areal.size());
    std::vector<TaskStats> row_stats(static_cast<size_t>(sh));
    parallel_for(sh, threads, [&](int y, int worker) {
        const std::uint8_t* row = source.row(y);
        row_stats[y] = solve_with_schedule(
            horizontal, horizontal_free, settings, kHorizontalBand, settings.max_epsilon, channels, buffers[worker],
            [&](int c, double* s) {
                for (int x = 0; x < sw; ++x) s[x] = row[x * channels + c];
            },
            [&](int c, double* g) {
                for (int j = 0; j < tw; ++j) g[j] = aprime[(static_cast<size_t>(c) * tw + j) * sh + y];
            },
            [&](int c, const double* x) {
                for (int k = 0; k < sw; ++k) areal[(static_cast<size_t>(y) * sw + k) * channels + c] = x[k];
            });
        // The box the rounded and repaired pixels must respect (same rule as the solver's).
        std::vector<double> s(static_cast<size_t>(sw)), l(s.size()), h(s.size());
        for (int c = 0; c < channels; ++c) {
            for (int x = 0; x < sw; ++x) s[x] = row[x * channels + c];
            pixel_bounds(horizontal_free, settings.max_change, s.data(), sw, l.data(), h.data());
            for (int x = 0; x < sw; ++x) {
                const size_t at = (static_cast<size_t>(y) * sw + x) * channels + c;
                lo[at] = static_cast<std::uint8_t>(std::ceil(l[x]));
                hi[at] = static_cast<std::uint8_t>(std::floor(h[x]));
            }
        }
    });

    // 3. Round to 8 bits within the box, then repair through the exact model.
    for (int y = 0; y < sh; ++y) {
        std::uint8_t* out = attack.row(y);
        for (int k = 0; k < sw * channels; ++k) {
            const size_t at = static_cast<size_t>(y) * sw * channels + k;
            const double rounded = std::nearbyint(areal[at]);
            out[k] = static_cast<std::uint8_t>(std::clamp(rounded, static_cast<double>(lo[at]), static_cast<double>(hi[at])));
        }
    }
    std::vector<float> epsilons(static_cast<size_t>(tw));
    stats = AttackStats{};
    stats.vertical_disjoint = vertical.disjoint;
    stats.horizontal_disjoint = horizontal.disjoint;
    auto reduce = [&](const TaskStats& t) {
        stats.max_duality_gap = std::max(stats.max_duality_gap, t.max_gap);
        stats.max_relative_gap = std::max(stats.max_relative_gap, t.max_relative_gap);
        stats.max_residual = std::max(stats.max_residual, t.max_residual);
        stats.total_sweeps += t.sweeps;
        stats.max_sweeps = std::max(stats.max_sweeps, t.max_sweeps);
    };
    for (int j = 0; j < tw; ++j) {
        const TaskStats& t = column_stats[j];
        reduce(t);
        epsilons[j] = static_cast<float>(t.band + kRoundingReserve);
        stats.columns_raised += t.raised ? 1 : 0;
        stats.columns_infeasible += t.infeasible ? 1 : 0;
    }
    for (int y = 0; y < sh; ++y) {
        const TaskStats& t = row_stats[y];
        reduce(t);
        stats.rows_raised += t.raised ? 1 : 0;
        stats.max_row_band = std::max(stats.max_row_band, t.band);
    }
    const RepairOutcome repair = repair_rounding(model, vertical, horizontal, target, epsilons, lo, hi,
                                                 settings.repair_rounds, attack);
    stats.repaired_pixels = repair.repaired_pixels;
    stats.outputs_off = repair.outputs_off;
    stats.max_error = repair.max_error;
    std::copy(epsilons.begin(), epsilons.end(), epsilon_per_column);
}

}  // namespace sd::attack
