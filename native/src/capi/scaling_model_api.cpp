// Exports of the sd_scaling_model handle. Checks arguments, then calls into sd::.
#include <cstring>
#include <memory>

#include "capi/checks.hpp"
#include "capi/errors.hpp"
#include "core/errors.hpp"
#include "scaledefense/scaledefense.h"
#include "capi/model_handle.hpp"
#include "scaling/custom/custom_model.hpp"
#include "scaling/scaling_model.hpp"


using sd::capi::guard;
using sd::capi::require;
using sd::capi::require_not_null;

namespace {

const sd::CoefficientMatrix& checked_matrix(const sd_scaling_model* model, int32_t axis, int32_t sample_type) {
    require_not_null(model, "model");
    return model->model->coefficients(sd::capi::to_axis(axis), sd::capi::to_sample_type(sample_type));
}

}  // namespace

extern "C" {

sd_status sd_scaling_model_create(const sd_scaling_model_params* params, sd_scaling_model** out_model) {
    return guard([&] {
        require_not_null(out_model, "out_model");
        *out_model = nullptr;
        require_not_null(params, "params");
        auto handle = std::make_unique<sd_scaling_model>();
        handle->model = sd::create_scaling_model(sd::capi::to_model_params(*params));
        handle->considered = sd::considered_pixels(*handle->model);
        handle->heavy = sd::heavy_pixels(*handle->model);
        *out_model = handle.release();
    });
}

sd_status sd_scaling_model_create_from_matrices(const sd_sparse_matrix* vertical, const sd_sparse_matrix* horizontal,
                                                sd_scaling_model** out_model) {
    return guard([&] {
        require_not_null(out_model, "out_model");
        *out_model = nullptr;
        auto handle = std::make_unique<sd_scaling_model>();
        handle->model = sd::custom::create_model(sd::capi::to_custom_matrix(vertical, "vertical"),
                                                 sd::capi::to_custom_matrix(horizontal, "horizontal"));
        handle->considered = sd::considered_pixels(*handle->model);
        handle->heavy = sd::heavy_pixels(*handle->model);
        *out_model = handle.release();
    });
}

sd_status sd_scaling_model_destroy(sd_scaling_model* model) {
    return guard([&] { delete model; });
}

sd_status sd_scaling_model_get_params(const sd_scaling_model* model, sd_scaling_model_params* out_params) {
    return guard([&] {
        require_not_null(model, "model");
        require_not_null(out_params, "out_params");
        const sd::ModelParams& p = model->model->params();
        *out_params = {static_cast<int32_t>(p.library), static_cast<int32_t>(p.algorithm), p.source.width,
                       p.source.height, p.target.width, p.target.height, p.antialias ? 1 : 0,
                       static_cast<int32_t>(p.mipmap), p.cubic_b, p.cubic_c, static_cast<int32_t>(p.opencv_build),
                       static_cast<int32_t>(p.mlnet_resizing), static_cast<int32_t>(p.crop_anchor)};
    });
}

sd_status sd_scaling_model_get_info(const sd_scaling_model* model, sd_scaling_model_info* out_info) {
    return guard([&] {
        require_not_null(model, "model");
        require_not_null(out_info, "out_info");
        const sd::ScalingModel& m = *model->model;
        *out_info = {m.kernel_width(sd::Axis::Horizontal), m.kernel_width(sd::Axis::Vertical),
                     m.supports(sd::SampleType::UInt8) ? 1 : 0, m.supports(sd::SampleType::Float32) ? 1 : 0};
    });
}

sd_status sd_scaling_model_get_coefficient_count(const sd_scaling_model* model, int32_t axis, int32_t sample_type,
                                                 int64_t* out_count) {
    return guard([&] {
        require_not_null(out_count, "out_count");
        *out_count = checked_matrix(model, axis, sample_type).nonZeros();
    });
}

sd_status sd_scaling_model_get_coefficients(const sd_scaling_model* model, int32_t axis, int32_t sample_type,
                                            int32_t* row_offsets, int64_t row_offsets_length, int32_t* indices,
                                            double* weights, int64_t capacity) {
    return guard([&] {
        const sd::CoefficientMatrix& m = checked_matrix(model, axis, sample_type);
        require_not_null(row_offsets, "row_offsets");
        require_not_null(indices, "indices");
        require_not_null(weights, "weights");
        const int64_t rows = m.rows();
        const int64_t count = m.nonZeros();
        require(row_offsets_length >= rows + 1, SD_STATUS_BUFFER_TOO_SMALL,
                "row_offsets holds %lld entries, %lld needed", static_cast<long long>(row_offsets_length),
                static_cast<long long>(rows + 1));
        require(capacity >= count, SD_STATUS_BUFFER_TOO_SMALL, "indices and weights hold %lld entries, %lld needed",
                static_cast<long long>(capacity), static_cast<long long>(count));
        std::memcpy(row_offsets, m.outerIndexPtr(), static_cast<std::size_t>(rows + 1) * sizeof(int32_t));
        std::memcpy(indices, m.innerIndexPtr(), static_cast<std::size_t>(count) * sizeof(int32_t));
        std::memcpy(weights, m.valuePtr(), static_cast<std::size_t>(count) * sizeof(double));
    });
}

sd_status sd_scaling_model_scale(const sd_scaling_model* model, const sd_image* source,
                                 const sd_image* destination) {
    return guard([&] {
        require_not_null(model, "model");
        require_not_null(source, "source");
        require_not_null(destination, "destination");
        const sd::ModelParams& p = model->model->params();
        sd::capi::check_image(*source, "source", p.source);
        sd::capi::check_image(*destination, "destination", p.target);
        require(source->channels == destination->channels, SD_STATUS_INVALID_ARGUMENT,
                "source has %d channels but destination has %d", source->channels, destination->channels);
        require(source->sample_type == destination->sample_type, SD_STATUS_INVALID_ARGUMENT,
                "source and destination sample types differ");
        sd::capi::check_no_overlap(*source, *destination);
        if (!model->model->supports(static_cast<sd::SampleType>(source->sample_type))) {
            throw sd::UnsupportedError(source->sample_type == SD_SAMPLE_UINT8
                                           ? "this model has no 8-bit path (the library produces float output); "
                                             "scale float32 images"
                                           : "this model has no float32 path; scale 8-bit images");
        }
        if (source->sample_type == SD_SAMPLE_UINT8) {
            model->model->scale(sd::capi::to_ref<const std::uint8_t>(*source),
                                sd::capi::to_ref<std::uint8_t>(*destination));
        } else {
            model->model->scale(sd::capi::to_ref<const float>(*source), sd::capi::to_ref<float>(*destination));
        }
    });
}

}  // extern "C"
