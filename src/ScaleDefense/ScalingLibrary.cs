namespace ScaleDefense;

/// <summary>The library whose resize a <see cref="ScalingModel"/> reproduces.</summary>
public enum ScalingLibrary
{
    /// <summary>OpenCV's <c>cv::resize</c> (4.x; verified against 4.13 as shipped by OpenCvSharp4).</summary>
    OpenCV = 1,

    /// <summary>Pillow's <c>Image.resize</c> with <c>reducing_gap=None</c> (9.4).</summary>
    Pillow = 2,

    /// <summary>TensorFlow 2's <c>tf.image.resize</c> (half-pixel centres).</summary>
    TensorFlow = 3,

    /// <summary>TensorFlow 1's <c>tf.image.resize_images</c> (align_corners=False, half_pixel_centers=False).</summary>
    TensorFlow1 = 4,

    /// <summary>PyTorch's <c>torch.nn.functional.interpolate</c> (align_corners=False).</summary>
    PyTorch = 5,

    /// <summary>
    /// SkiaSharp 3.119 (Skia m119): <c>SKBitmap.Resize</c> and <c>SKPixmap.ScalePixels</c> of 8-bit images
    /// (<c>SKSamplingOptions</c>: nearest and linear with or without mipmaps, cubic with any B and C; see
    /// <see cref="ScalingOptions.Mipmaps"/> and <see cref="ScalingOptions.Cubic"/>).
    /// </summary>
    SkiaSharp = 6,

    /// <summary>
    /// ML.NET 6's <c>ResizeImages</c> (Microsoft.ML.ImageAnalytics, SkiaSharp underneath) for 8-bit images:
    /// IsoCrop and IsoPad draw with a Mitchell cubic (<see cref="ScalingAlgorithm.Bicubic"/>), Fill samples
    /// nearest (<see cref="ScalingAlgorithm.Nearest"/>); choose with <see cref="ScalingOptions.MlNetResizing"/>
    /// and <see cref="ScalingOptions.CropAnchor"/>. The ScaleDefense.ML package puts it in a pipeline.
    /// </summary>
    MlNet = 7,

    /// <summary>
    /// No library: a model built from coefficient matrices (<see cref="ScalingModel.FromMatrices(CoefficientMatrix, CoefficientMatrix)"/>)
    /// or from a probe (<see cref="ScalingModel.FromProbe(ProbedScaler)"/>). It predicts the scaler as <c>L·X·R</c>;
    /// it does not reproduce a library's bytes (<see cref="ScalingModel.IsExact"/> is false). Not in <see cref="ScalerCatalog"/>.
    /// </summary>
    Custom = 100,
}
