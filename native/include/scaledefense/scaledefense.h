/*
 * ScaleDefense C ABI — the only header the bindings see.
 *
 * Rules (DESIGN.md §3):
 *  - every function except sd_abi_version and sd_last_error returns an sd_status (0 = ok);
 *    results go to out-parameters;
 *  - on failure sd_last_error() returns a UTF-8 message for this thread, valid until the next
 *    failing call on the same thread;
 *  - images are caller-owned views with an explicit row stride in bytes;
 *  - handles are immutable after creation and may be used from many threads at once;
 *  - enumerations cross as int32_t; the enums below only name the values.
 */
#ifndef SCALEDEFENSE_H
#define SCALEDEFENSE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(SD_BUILDING_LIBRARY)
#define SD_API __attribute__((visibility("default")))
#else
#define SD_API
#endif

/* Bumped on every incompatible change of this header; the C# side refuses a mismatch. */
enum sd_abi { SD_ABI_VERSION = 8 };

typedef int32_t sd_status;

enum sd_status_code {
    SD_STATUS_OK = 0,
    SD_STATUS_INVALID_ARGUMENT = 1,  /* a null pointer, a bad size, stride or enum value */
    SD_STATUS_UNSUPPORTED = 2,       /* valid request this model cannot serve */
    SD_STATUS_BUFFER_TOO_SMALL = 3,  /* an output array is shorter than required */
    SD_STATUS_OUT_OF_MEMORY = 4,
    SD_STATUS_INTERNAL_ERROR = 5
};

enum sd_library {
    SD_LIBRARY_OPENCV = 1,      /* cv::resize */
    SD_LIBRARY_PILLOW = 2,      /* PIL.Image.resize, reducing_gap=None */
    SD_LIBRARY_TENSORFLOW = 3,  /* tf.image.resize (TF 2, half-pixel centres) */
    SD_LIBRARY_TENSORFLOW1 = 4, /* tf.compat.v1.image.resize_images (align_corners=False, half_pixel_centers=False) */
    SD_LIBRARY_PYTORCH = 5,     /* torch.nn.functional.interpolate, align_corners=False */
    SD_LIBRARY_SKIASHARP = 6,   /* SkiaSharp 3.119 (Skia m119): SKBitmap.Resize / SKPixmap.ScalePixels, 8-bit only */
    SD_LIBRARY_MLNET = 7,       /* ML.NET 6 ResizeImages (Microsoft.ML.ImageAnalytics, SkiaSharp underneath), 8-bit only */
    SD_LIBRARY_CUSTOM = 100     /* a model given as matrices (sd_scaling_model_create_from_matrices); not in the catalog */
};

/* ML.NET's ResizingKind (sd_scaling_model_params.mlnet_resizing): how the image is fitted to the target.
   IsoCrop and IsoPad draw with SkiaSharp's Mitchell cubic, Fill samples nearest. */
enum sd_mlnet_resizing {
    SD_MLNET_ISO_CROP = 0, /* keep the aspect ratio, fill the target, crop the overhang (ML.NET's default) */
    SD_MLNET_ISO_PAD = 1,  /* keep the aspect ratio, fit inside the target, the rest stays 0 */
    SD_MLNET_FILL = 2      /* stretch to the target */
};

/* ML.NET's crop anchor for SD_MLNET_ISO_CROP (sd_scaling_model_params.crop_anchor). */
enum sd_crop_anchor {
    SD_CROP_ANCHOR_CENTER = 0,
    SD_CROP_ANCHOR_TOP = 1,
    SD_CROP_ANCHOR_BOTTOM = 2,
    SD_CROP_ANCHOR_LEFT = 3,
    SD_CROP_ANCHOR_RIGHT = 4
};

/* SKMipmapMode of SkiaSharp's SKSamplingOptions (sd_scaling_model_params.mipmap_mode). */
enum sd_mipmap_mode {
    SD_MIPMAP_NONE = 0,    /* the only value for every other library and algorithm */
    SD_MIPMAP_NEAREST = 1, /* SkiaSharp nearest and bilinear: the nearest level of the mip pyramid */
    SD_MIPMAP_LINEAR = 2   /* SkiaSharp nearest and bilinear: a blend of the two nearest levels */
};

/* Not every library has every algorithm; sd_scaling_model_create says which are missing. */
enum sd_algorithm {
    SD_ALGORITHM_NEAREST = 1,
    SD_ALGORITHM_BILINEAR = 2,
    SD_ALGORITHM_BICUBIC = 3,
    SD_ALGORITHM_AREA = 4,
    SD_ALGORITHM_LANCZOS = 5, /* OpenCV: Lanczos-4 (8 taps); Pillow: Lanczos a = 3 */
    SD_ALGORITHM_NEAREST_EXACT = 6,
    SD_ALGORITHM_BOX = 7,
    SD_ALGORITHM_HAMMING = 8,
    SD_ALGORITHM_LANCZOS3 = 9,
    SD_ALGORITHM_LANCZOS5 = 10,
    SD_ALGORITHM_GAUSSIAN = 11,
    SD_ALGORITHM_MITCHELLCUBIC = 12,
    SD_ALGORITHM_CUSTOM = 100 /* the algorithm of every SD_LIBRARY_CUSTOM model */
};

enum sd_sample_type {
    SD_SAMPLE_UINT8 = 1,
    SD_SAMPLE_FLOAT32 = 2
};

/* Which coefficient matrix: L (rows of the output from rows of the source) or R. */
enum sd_axis {
    SD_AXIS_VERTICAL = 0,   /* L, target_height x source_height */
    SD_AXIS_HORIZONTAL = 1  /* R transposed, target_width x source_width */
};

/* Which cv::resize a model reproduces. 0 is OpenCV's own kernels (what every build without
 * Intel IPP runs, and what zero-initialised parameters of ABI version 6 meant). OpenCvSharp's
 * and the opencv-python wheels' OpenCV carry IPP, which takes INTER_CUBIC on sources of at
 * least 4x4 with 1, 3 or 4 channels (2 channels fall back to OpenCV's kernel). */
enum sd_opencv_build {
    SD_OPENCV_BUILD_PLAIN = 0, /* OpenCV's own kernels (IPP absent or off) */
    SD_OPENCV_BUILD_IPP = 1    /* as shipped with Intel IPP: IPP's cubic where IPP takes the call */
};

/* A caller-owned, interleaved image. stride = bytes from one row start to the next. */
typedef struct sd_image {
    void* data;
    int64_t stride;
    int32_t width;
    int32_t height;
    int32_t channels;    /* 1..4 */
    int32_t sample_type; /* enum sd_sample_type */
} sd_image;

typedef struct sd_scaling_model_params {
    int32_t library;   /* enum sd_library */
    int32_t algorithm; /* enum sd_algorithm */
    int32_t source_width;
    int32_t source_height;
    int32_t target_width;
    int32_t target_height;
    int32_t antialias; /* 0 or 1; only for the algorithms that have an antialias switch */
    int32_t mipmap_mode; /* enum sd_mipmap_mode; SD_MIPMAP_NONE unless SkiaSharp nearest or bilinear */
    double cubic_b;      /* SkiaSharp bicubic: B and C of SKCubicResampler, each in 0..1 (Mitchell: 1/3, 1/3; */
    double cubic_c;      /* Catmull-Rom: 0, 1/2), used as float like Skia; 0 for every other library and algorithm */
    int32_t opencv_build; /* enum sd_opencv_build; OpenCV only (other libraries: 0) */
    int32_t mlnet_resizing; /* enum sd_mlnet_resizing; ML.NET only (bicubic: iso crop or pad; nearest: fill, 0 meaning fill too), else 0 */
    int32_t crop_anchor;    /* enum sd_crop_anchor; ML.NET iso crop only, else 0 */
} sd_scaling_model_params;

/* What a model is, beyond its parameters. */
typedef struct sd_scaling_model_info {
    double kernel_width_x;  /* width of the kernel's support in source pixels (sigma), horizontal */
    double kernel_width_y;  /* the same, vertical */
    int32_t supports_uint8;   /* 1 when sd_scaling_model_scale accepts SD_SAMPLE_UINT8 images */
    int32_t supports_float32; /* 1 when it accepts SD_SAMPLE_FLOAT32 images */
} sd_scaling_model_info;

/* How the pixels a scaler reads (the set P) are rebuilt before scaling (paper, section 4.3). */
enum sd_reconstruction {
    SD_RECONSTRUCTION_MEDIAN = 1, /* per channel, the median of the window's pixels outside P */
    SD_RECONSTRUCTION_RANDOM = 2, /* a uniformly random pixel of the window outside P (Appendix B) */
    SD_RECONSTRUCTION_WEIGHTED_MEDIAN = 4 /* the median filter on the heavily weighted pixels instead of P: rows x columns
                                             whose largest weight is >= 1.5/beta (beta >= 1.5), for scalers that read every
                                             pixel (r = 1) but weigh some far more; 3 is left out (the C# API's Auto) */
};

/* The window around each pixel of P. */
enum sd_window {
    SD_WINDOW_PAPER = 0, /* 2*beta wide: columns x - floor(beta_h) .. x + floor(beta_h), rows likewise */
    SD_WINDOW_NARROW = 1 /* x - floor(beta_h / 2) .. x + floor(beta_h / 2), as the paper's public code */
};

typedef struct sd_filter_params {
    uint64_t seed;         /* random filter only; ignored when unpredictable = 1 */
    int32_t method;        /* enum sd_reconstruction */
    int32_t window;        /* enum sd_window */
    int32_t unpredictable; /* 1: seed from the OS CSPRNG on every call (the secure default) */
    int32_t threads;       /* median filters: worker threads, 1..64 (0 = 1); same bytes for any count */
    int32_t leave_other_pixels; /* 1: out of place, write only the rebuilt set's pixels and leave every other
                                   destination byte as it is (a scratch image for a scaler that reads only that
                                   set: saves a copy of the image); when the set is the whole image the source is
                                   copied. 0: destination becomes the whole rebuilt image. Same in place.
                                   sd_reconstruct only; the detectors check it, then ignore it. */
} sd_filter_params;

/* One library/algorithm pair sd_scaling_model_create accepts. */
typedef struct sd_catalog_entry {
    int32_t library;              /* enum sd_library */
    int32_t algorithm;            /* enum sd_algorithm */
    int32_t has_antialias_switch; /* 1 when sd_scaling_model_params.antialias may be 1 for this pair */
} sd_catalog_entry;

/* Opaque, immutable after creation. */
typedef struct sd_scaling_model sd_scaling_model;

/* The ABI version this library was built with (SD_ABI_VERSION). */
SD_API int32_t sd_abi_version(void);

/* The message of the last failure on this thread; never null ("" when none). */
SD_API const char* sd_last_error(void);

/* The number of catalog entries: every pair sd_scaling_model_create accepts, each once. */
SD_API sd_status sd_catalog_count(int32_t* out_count);

/* Catalog entry index (0 .. count - 1), in a fixed order grouped by library. */
SD_API sd_status sd_catalog_get(int32_t index, sd_catalog_entry* out_entry);

SD_API sd_status sd_scaling_model_create(const sd_scaling_model_params* params,
                                         sd_scaling_model** out_model);

/* Accepts null. */
SD_API sd_status sd_scaling_model_destroy(sd_scaling_model* model);

SD_API sd_status sd_scaling_model_get_params(const sd_scaling_model* model,
                                             sd_scaling_model_params* out_params);

SD_API sd_status sd_scaling_model_get_info(const sd_scaling_model* model, sd_scaling_model_info* out_info);

/* Number of stored (non-zero) coefficients of one axis' matrix for one sample type. */
SD_API sd_status sd_scaling_model_get_coefficient_count(const sd_scaling_model* model, int32_t axis,
                                                        int32_t sample_type, int64_t* out_count);

/*
 * One axis' matrix in compressed sparse rows, one row per output index:
 * row_offsets[outputs + 1], then indices[count] (ascending source indices) and weights[count].
 * Duplicate taps from clamped borders are summed; zero weights are left out.
 */
SD_API sd_status sd_scaling_model_get_coefficients(const sd_scaling_model* model, int32_t axis,
                                                   int32_t sample_type, int32_t* row_offsets,
                                                   int64_t row_offsets_length, int32_t* indices,
                                                   double* weights, int64_t capacity);

/* Scales source (source size) into destination (target size) exactly as the modelled library
 * does. Both images must have the same channels and sample type, and must not overlap. */
SD_API sd_status sd_scaling_model_scale(const sd_scaling_model* model, const sd_image* source,
                                        const sd_image* destination);

/*
 * Rebuilds the pixels of P (the source pixels the model's scaler reads) in an 8-bit image of the
 * model's source size, leaving every other pixel as it is. destination may be the same image as
 * source (same data and stride: in place); any other overlap is refused. out_reconstructed (may be
 * null) receives the number of pixels rewritten. SD_RECONSTRUCTION_WEIGHTED_MEDIAN rebuilds the
 * heavily weighted pixels (see enum sd_reconstruction) rather than P, with the median filter's rules.
 */
SD_API sd_status sd_reconstruct(const sd_scaling_model* model, const sd_filter_params* params, const sd_image* source,
                                const sd_image* destination, int64_t* out_reconstructed);

/* The strong image-scaling attack (paper section 2.2.3): see sd_strong_attack. */
typedef struct sd_attack_params {
    double epsilon;        /* requested bound on |scale(A) - T| per output, > 0.25 (default 1) */
    double max_epsilon;    /* columns infeasible at epsilon are retried up to this (default 50) */
    double epsilon_step;   /* increment of that schedule, > 0 (default 1); 1 + ceil((max_epsilon - 0.25) / epsilon_step)
                              levels at most 100000, else SD_STATUS_INVALID_ARGUMENT */
    double max_change;     /* limited change only: bound on |A - S| outside the free pixels (default 10) */
    double tolerance;      /* solver: largest constraint violation accepted, grey levels, > 0 (default 1e-3) */
    int32_t threads;       /* 0..256; 0: all cores (at most 256); same bytes for any count */
    int32_t limited_change; /* 1: the limited-change attack of section 5.3.1 (free_pixels, max_change) */
    int32_t free_pixels;   /* limited change only: pixels of highest weight per kernel left free (default 2) */
    int32_t max_sweeps;    /* solver: sweeps per attempt where supports overlap; a column not solved within them counts as infeasible at that epsilon (default 200) */
    int32_t repair_rounds; /* rounds of the 8-bit rounding repair (default 16) */
    int32_t reserved;      /* must be 0 */
} sd_attack_params;

/* What the attack's solver and repair report. */
typedef struct sd_attack_stats {
    double max_duality_gap;   /* largest duality gap of a column/row problem (squared grey levels; 0 = optimal) */
    double max_relative_gap;  /* the same relative to the problem's objective (at least 1) */
    double max_residual;      /* largest constraint violation the solver left (grey levels) */
    double max_row_band;      /* widest band the horizontal step needed */
    double max_error;         /* largest |scale(A) - T| through the exact model, after repair */
    int64_t total_sweeps;     /* over all problems */
    int64_t repaired_pixels;  /* source pixels nudged after rounding */
    int64_t outputs_off;      /* outputs still beyond their column's epsilon after repair */
    int32_t max_sweeps;       /* of one problem */
    int32_t vertical_disjoint;   /* 1: rows of L have disjoint supports (closed form, exact) */
    int32_t horizontal_disjoint; /* 1: the same for R */
    int32_t columns_raised;      /* columns whose epsilon had to be raised */
    int32_t columns_infeasible;  /* columns infeasible even at max_epsilon (best effort kept) */
    int32_t rows_raised;         /* rows of the horizontal step whose band had to be widened */
} sd_attack_stats;

/*
 * The strong attack: an 8-bit image attack_out (model source size) close to source in squared
 * error whose scaled version through this model is within epsilon of target (model target size,
 * same channels). epsilon_per_column receives the epsilon each of the target_width columns used
 * (capacity >= target_width). out_stats may be null. attack_out must not overlap the inputs.
 */
SD_API sd_status sd_strong_attack(const sd_scaling_model* model, const sd_attack_params* params, const sd_image* source,
                                  const sd_image* target, const sd_image* attack_out, float* epsilon_per_column,
                                  int64_t capacity, sd_attack_stats* out_stats);

/* ---- Custom models: any separable linear scaler given as its matrices ---- */

/* One axis of a custom model in compressed sparse rows, one row per output index. The arrays are
 * read during sd_scaling_model_create_from_matrices only (the model keeps a copy). */
typedef struct sd_sparse_matrix {
    const int32_t* row_offsets; /* outputs + 1 entries: 0 first, non-decreasing, count last */
    const int32_t* indices;     /* count entries, in 0 .. inputs - 1, strictly ascending within a row */
    const double* weights;      /* count entries, finite; every row has at least one non-zero weight */
    int64_t count;              /* stored entries, 1 .. outputs * inputs */
    int32_t outputs;            /* 1 .. 2^20 */
    int32_t inputs;             /* 1 .. 2^20 */
} sd_sparse_matrix;

/*
 * A model of scale(X) = L·X·R from vertical = L (target_height x source_height) and horizontal =
 * R transposed (target_width x source_width); sizes follow from the matrices. Its parameters read
 * SD_LIBRARY_CUSTOM / SD_ALGORITHM_CUSTOM. It scales 8-bit and float32 images in float32 arithmetic
 * (the horizontal pass first, taps added in ascending order; 8-bit output: the sum rounded half up,
 * clamped to 0..255): it predicts a scaler, it does not reproduce a library's bytes. Zero weights
 * are dropped. The model serves sd_reconstruct and sd_strong_attack like any other.
 */
SD_API sd_status sd_scaling_model_create_from_matrices(const sd_sparse_matrix* vertical, const sd_sparse_matrix* horizontal,
                                                       sd_scaling_model** out_model);
/* ---- Detection ---- */

/*
 * The reconstruction-difference detector: the root mean square difference, in grey levels over
 * every output sample, between scale(source) and scale(reconstruct(source)) with the filter of
 * params (sd_reconstruct's rules: median, random or weighted median, window, seed, threads). Higher means more
 * suspicious; 0 when P leaves nothing to rebuild. source: 8-bit, of the model's source size.
 * The 8-bit scale is used where the model has one, the float one on the same values otherwise.
 */
SD_API sd_status sd_detect_reconstruction_difference(const sd_scaling_model* model, const sd_filter_params* params,
                                                     const sd_image* source, double* out_score);

#ifdef __cplusplus
}
#endif

#endif /* SCALEDEFENSE_H */
