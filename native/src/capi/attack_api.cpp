// Exports of the attacks. Checks arguments, then calls into sd::attack.
#include "attack/strong_attack.hpp"
#include "capi/checks.hpp"
#include "capi/errors.hpp"
#include "capi/model_handle.hpp"
#include "scaledefense/scaledefense.h"

using sd::capi::guard;
using sd::capi::require;
using sd::capi::require_not_null;

extern "C" {

sd_status sd_strong_attack(const sd_scaling_model* model, const sd_attack_params* params, const sd_image* source,
                           const sd_image* target, const sd_image* attack_out, float* epsilon_per_column,
                           int64_t capacity, sd_attack_stats* out_stats) {
    return guard([&] {
        if (out_stats != nullptr) *out_stats = sd_attack_stats{};
        require_not_null(model, "model");
        require_not_null(params, "params");
        require_not_null(source, "source");
        require_not_null(target, "target");
        require_not_null(attack_out, "attack_out");
        require_not_null(epsilon_per_column, "epsilon_per_column");
        require(params->reserved == 0, SD_STATUS_INVALID_ARGUMENT, "reserved must be 0");
        require(params->limited_change == 0 || params->limited_change == 1, SD_STATUS_INVALID_ARGUMENT,
                "limited_change must be 0 or 1, got %d", params->limited_change);
        const sd::ModelParams& p = model->model->params();
        require(p.source.width >= p.target.width && p.source.height >= p.target.height, SD_STATUS_INVALID_ARGUMENT,
                "the attack needs a downscaling model; source %dx%d is smaller than target %dx%d", p.source.width,
                p.source.height, p.target.width, p.target.height);
        sd::capi::check_image(*source, "source", p.source);
        sd::capi::check_image(*target, "target", p.target);
        sd::capi::check_image(*attack_out, "attack_out", p.source);
        require(source->sample_type == SD_SAMPLE_UINT8 && target->sample_type == SD_SAMPLE_UINT8 &&
                    attack_out->sample_type == SD_SAMPLE_UINT8,
                SD_STATUS_INVALID_ARGUMENT, "the attack works on 8-bit images");
        require(source->channels == target->channels && source->channels == attack_out->channels,
                SD_STATUS_INVALID_ARGUMENT, "source, target and attack_out must have the same channels (%d, %d, %d)",
                source->channels, target->channels, attack_out->channels);
        require(capacity >= p.target.width, SD_STATUS_BUFFER_TOO_SMALL,
                "epsilon_per_column holds %lld values but the target has %d columns", static_cast<long long>(capacity),
                p.target.width);
        sd::capi::check_no_overlap(*source, *attack_out);
        sd::capi::check_no_overlap(*target, *attack_out);

        sd::attack::AttackSettings settings;
        settings.epsilon = params->epsilon;
        settings.max_epsilon = params->max_epsilon;
        settings.epsilon_step = params->epsilon_step;
        settings.threads = params->threads;
        settings.limited_change = params->limited_change == 1;
        settings.free_pixels = params->free_pixels;
        settings.max_change = params->max_change;
        settings.max_sweeps = params->max_sweeps;
        settings.tolerance = params->tolerance;
        settings.repair_rounds = params->repair_rounds;
        sd::attack::AttackStats stats;
        sd::attack::strong_attack(*model->model, settings, sd::capi::to_ref<const std::uint8_t>(*source),
                                  sd::capi::to_ref<const std::uint8_t>(*target),
                                  sd::capi::to_ref<std::uint8_t>(*attack_out), epsilon_per_column, stats);
        if (out_stats != nullptr) {
            *out_stats = {stats.max_duality_gap, stats.max_relative_gap, stats.max_residual, stats.max_row_band,
                          stats.max_error, stats.total_sweeps, stats.repaired_pixels, stats.outputs_off,
                          stats.max_sweeps, stats.vertical_disjoint ? 1 : 0, stats.horizontal_disjoint ? 1 : 0,
                          stats.columns_raised, stats.columns_infeasible, stats.rows_raised};
        }
    });
}

}  // extern "C"
