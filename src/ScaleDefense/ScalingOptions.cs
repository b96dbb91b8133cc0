namespace ScaleDefense;

/// <summary>Choices of a <see cref="ScalingModel"/> beyond library, algorithm and sizes.</summary>
public sealed record ScalingOptions
{
    /// <summary>The library's antialias switch (TensorFlow 2; PyTorch bilinear and bicubic). Off by default, as in those libraries' low-level APIs.</summary>
    public bool Antialias { get; init; }

    /// <summary>
    /// Which OpenCV build an OpenCV model reproduces. Default <see cref="OpenCvBuild.Ipp"/>: OpenCV as
    /// OpenCvSharp4 and the opencv-python wheels ship it (Intel IPP on); <see cref="OpenCvBuild.Plain"/>
    /// for OpenCV's own kernels (a build without IPP, or <c>Cv2.SetUseOptimized(false)</c>). Only
    /// <see cref="ScalingLibrary.OpenCV"/> reads it.
    /// </summary>
    public OpenCvBuild OpenCvBuild { get; init; } = OpenCvBuild.Ipp;

    /// <summary>Which implementation does the arithmetic. Default <see cref="ScalingBackend.Auto"/>: native where it loads, managed otherwise.</summary>
    public ScalingBackend Backend { get; init; } = ScalingBackend.Auto;

    /// <summary>Bounds on the source and target size, checked when the model is created. Default <see cref="ResourceLimits.Default"/> (100 megapixels).</summary>
    public ResourceLimits Limits { get; init; } = ResourceLimits.Default;

    /// <summary>Auto backend, no antialias.</summary>
    public static ScalingOptions Default { get; } = new();

    /// <summary>The native core, no antialias.</summary>
    public static ScalingOptions Native { get; } = new() { Backend = ScalingBackend.Native };

    /// <summary>The managed baseline, no antialias.</summary>
    public static ScalingOptions Managed { get; } = new() { Backend = ScalingBackend.Managed };
}
