// Exports of the reconstruction defenses. Checks arguments, then calls into sd::.
#include <algorithm>

#include "capi/checks.hpp"
#include "capi/errors.hpp"
#include "capi/model_handle.hpp"
#include "defense/random_source.hpp"
#include "defense/selective_filters.hpp"
#include "detect/reconstruction_difference.hpp"
#include "scaledefense/scaledefense.h"

using sd::capi::guard;
using sd::capi::require;
using sd::capi::require_not_null;

namespace {

void check_filter_params(const sd_filter_params& params) {
    require(params.method == SD_RECONSTRUCTION_MEDIAN || params.method == SD_RECONSTRUCTION_RANDOM ||
                params.method == SD_RECONSTRUCTION_WEIGHTED_MEDIAN,
            SD_STATUS_INVALID_ARGUMENT, "unknown reconstruction method %d (1 = median, 2 = random, 4 = weighted median)",
            params.method);
    require(params.window == SD_WINDOW_PAPER || params.window == SD_WINDOW_NARROW, SD_STATUS_INVALID_ARGUMENT,
            "unknown window %d (0 = paper, 1 = narrow)", params.window);
    require(params.unpredictable == 0 || params.unpredictable == 1, SD_STATUS_INVALID_ARGUMENT,
            "unpredictable must be 0 or 1, got %d", params.unpredictable);
    require(params.threads >= 0 && params.threads <= 64, SD_STATUS_INVALID_ARGUMENT,
            "threads must be in 0..64, got %d", params.threads);
    require(params.leave_other_pixels == 0 || params.leave_other_pixels == 1, SD_STATUS_INVALID_ARGUMENT,
            "leave_other_pixels must be 0 or 1, got %d", params.leave_other_pixels);
}

// The set a method rebuilds: P, or the heavily weighted pixels for the weighted median.
const sd::ConsideredPixels& set_of(const sd_scaling_model& model, const sd_filter_params& params) {
    return params.method == SD_RECONSTRUCTION_WEIGHTED_MEDIAN ? model.heavy : model.considered;
}

std::uint64_t seed_of(const sd_filter_params& params) {
    return params.unpredictable ? sd::os_random_seed() : params.seed;
}

}  // namespace

extern "C" {

sd_status sd_reconstruct(const sd_scaling_model* model, const sd_filter_params* params, const sd_image* source,
                         const sd_image* destination, int64_t* out_reconstructed) {
    return guard([&] {
        if (out_reconstructed != nullptr) *out_reconstructed = 0;
        require_not_null(model, "model");
        require_not_null(params, "params");
        require_not_null(source, "source");
        require_not_null(destination, "destination");
        check_filter_params(*params);
        const sd::Size size = model->model->params().source;
        sd::capi::check_image(*source, "source", size);
        sd::capi::check_image(*destination, "destination", size);
        require(source->sample_type == SD_SAMPLE_UINT8 && destination->sample_type == SD_SAMPLE_UINT8,
                SD_STATUS_INVALID_ARGUMENT, "the reconstruction filters work on 8-bit images");
        require(source->channels == destination->channels, SD_STATUS_INVALID_ARGUMENT,
                "source has %d channels but destination has %d", source->channels, destination->channels);
        const bool in_place = source->data == destination->data && source->stride == destination->stride;
        if (!in_place) sd::capi::check_no_overlap(*source, *destination);

        const auto from = sd::capi::to_ref<const std::uint8_t>(*source);
        const auto to = sd::capi::to_ref<std::uint8_t>(*destination);
        const auto window = static_cast<sd::WindowKind>(params->window);
        const auto other = params->leave_other_pixels ? sd::OtherPixels::Leave : sd::OtherPixels::Copy;
        std::int64_t rewritten;
        if (params->method != SD_RECONSTRUCTION_RANDOM) {
            rewritten = sd::selective_median_filter(from, to, set_of(*model, *params), window, std::max(1, params->threads), other);
        } else {
            rewritten = sd::selective_random_filter(from, to, model->considered, window, seed_of(*params), other);
        }
        if (out_reconstructed != nullptr) *out_reconstructed = rewritten;
    });
}

sd_status sd_detect_reconstruction_difference(const sd_scaling_model* model, const sd_filter_params* params,
                                              const sd_image* source, double* out_score) {
    return guard([&] {
        require_not_null(out_score, "out_score");
        *out_score = 0;
        require_not_null(model, "model");
        require_not_null(params, "params");
        require_not_null(source, "source");
        check_filter_params(*params);
        sd::capi::check_image(*source, "source", model->model->params().source);
        require(source->sample_type == SD_SAMPLE_UINT8, SD_STATUS_INVALID_ARGUMENT,
                "the reconstruction-difference detector works on 8-bit images");
        *out_score = sd::reconstruction_difference(
            *model->model, set_of(*model, *params), sd::capi::to_ref<const std::uint8_t>(*source),
            static_cast<sd::ReconstructionFilter>(params->method), static_cast<sd::WindowKind>(params->window),
            seed_of(*params), std::max(1, params->threads));
    });
}

}  // extern "C"
