// The model of one library's resize for one (source, target) size pair: its coefficient
// matrices and an exact re-implementation of its arithmetic. Immutable after construction.
#pragma once

#include <cstdint>
#include <memory>

#include "core/image_ref.hpp"
#include "core/types.hpp"
#include "scaling/coefficient_matrix.hpp"

namespace sd {

class ScalingModel {
public:
    virtual ~ScalingModel() = default;
    ScalingModel(const ScalingModel&) = delete;
    ScalingModel& operator=(const ScalingModel&) = delete;

    const ModelParams& params() const { return params_; }

    // L for Axis::Vertical, R^T for Axis::Horizontal, for the given sample type's arithmetic.
    // A library without an 8-bit path returns its float matrices for UInt8.
    virtual const CoefficientMatrix& coefficients(Axis axis, SampleType type) const = 0;

    // Width of the kernel's support in source pixels along an axis (the paper's sigma).
    virtual double kernel_width(Axis axis) const = 0;

    virtual bool supports(SampleType type) const = 0;

    // Throw UnsupportedError unless overridden.
    virtual void scale(const ImageRef<const std::uint8_t>& source, const ImageRef<std::uint8_t>& target) const;
    virtual void scale(const ImageRef<const float>& source, const ImageRef<float>& target) const;

protected:
    explicit ScalingModel(const ModelParams& params) : params_(params) {}

private:
    ModelParams params_;
};

// Throws std::invalid_argument for combinations no model exists for.
std::unique_ptr<ScalingModel> create_scaling_model(const ModelParams& params);

}  // namespace sd
