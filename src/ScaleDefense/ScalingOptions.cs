namespace ScaleDefense;

/// <summary>Choices of a <see cref="ScalingModel"/> beyond library, algorithm and sizes.</summary>
public sealed record ScalingOptions
{
    /// <summary>The library's antialias switch (TensorFlow 2; PyTorch bilinear and bicubic). Off by default, as in those libraries' low-level APIs.</summary>
    public bool Antialias { get; init; }

    /// <summary>SkiaSharp nearest and bilinear only: the <c>SKMipmapMode</c> of the sampling options. Default <see cref="MipmapMode.None"/>, the only value for every other scaler.</summary>
    public MipmapMode Mipmaps { get; init; }

    /// <summary>SkiaSharp bicubic only: the cubic's B and C. Null (the default) means <see cref="CubicResampler.Mitchell"/>; must stay null for every other scaler.</summary>
    public CubicResampler? Cubic { get; init; }
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

    /// <summary>ML.NET only: the resizing kind of <c>ResizeImages</c> (default <see cref="MlNetResizing.IsoCrop"/>, ML.NET's default; Fill goes with <see cref="ScalingAlgorithm.Nearest"/>, which means Fill also when this is left at its default, the others with <see cref="ScalingAlgorithm.Bicubic"/>).</summary>
    public MlNetResizing MlNetResizing { get; init; }

    /// <summary>ML.NET IsoCrop only: where the crop keeps the image (default <see cref="CropAnchor.Center"/>).</summary>
    public CropAnchor CropAnchor { get; init; }

    /// <summary>Checks <see cref="MlNetResizing"/> and <see cref="CropAnchor"/> against the scaler: the fit of an ML.NET model, null for every other scaler.</summary>
    internal MlNetFit? ResolveMlNetFit(ScalingLibrary library, ScalingAlgorithm algorithm, string parameterName)
    {
        if (!Enum.IsDefined(MlNetResizing) || !Enum.IsDefined(CropAnchor))
        {
            throw new ArgumentException($"Unknown ML.NET resizing {(int)MlNetResizing} or crop anchor {(int)CropAnchor}; use the named values.", parameterName);
        }
        if (library != ScalingLibrary.MlNet)
        {
            return MlNetResizing == MlNetResizing.IsoCrop && CropAnchor == CropAnchor.Center ? null : throw new ArgumentException(
                $"{library} {algorithm} has no ML.NET resizing or crop anchor; leave ScalingOptions.MlNetResizing and CropAnchor at their defaults.", parameterName);
        }
        // Nearest is ML.NET's Fill and nothing else: the default resizing means Fill there.
        MlNetResizing resizing = algorithm == ScalingAlgorithm.Nearest && MlNetResizing == MlNetResizing.IsoCrop ? MlNetResizing.Fill : MlNetResizing;
        bool fill = resizing == MlNetResizing.Fill;
        if (fill != (algorithm == ScalingAlgorithm.Nearest))
        {
            throw new ArgumentException(fill
                ? "ML.NET's Fill resizing samples nearest: use ScalingAlgorithm.Nearest."
                : $"ML.NET's {MlNetResizing} resizing draws with a Mitchell cubic: use ScalingAlgorithm.Bicubic (or MlNetResizing.Fill for Nearest).", parameterName);
        }
        if (CropAnchor != CropAnchor.Center && resizing != MlNetResizing.IsoCrop)
        {
            throw new ArgumentException($"The crop anchor applies to MlNetResizing.IsoCrop only; leave it at Center for {resizing}.", parameterName);
        }
        return new MlNetFit(resizing, CropAnchor);
    }

    /// <summary>
    /// Checks <see cref="Mipmaps"/> and <see cref="Cubic"/> against the scaler and returns the cubic the
    /// model uses: <see cref="Cubic"/> or Mitchell for SkiaSharp bicubic, null for every other scaler.
    /// </summary>
    internal CubicResampler? ResolveSampling(ScalingLibrary library, ScalingAlgorithm algorithm, string parameterName)
    {
        bool skia = library == ScalingLibrary.SkiaSharp;
        if (!Enum.IsDefined(Mipmaps))
        {
            throw new ArgumentException($"Unknown mipmap mode {(int)Mipmaps}; use None, Nearest or Linear.", parameterName);
        }
        if (Mipmaps != MipmapMode.None && !(skia && algorithm is ScalingAlgorithm.Nearest or ScalingAlgorithm.Bilinear))
        {
            throw new ArgumentException($"{library} {algorithm} has no mipmap option (SkiaSharp Nearest and Bilinear have); leave ScalingOptions.Mipmaps at None.", parameterName);
        }
        bool cubic = skia && algorithm == ScalingAlgorithm.Bicubic;
        if (!cubic)
        {
            return Cubic is null ? null : throw new ArgumentException(
                $"{library} {algorithm} takes no cubic resampler (SkiaSharp Bicubic does); leave ScalingOptions.Cubic null.", parameterName);
        }
        CubicResampler resolved = Cubic ?? CubicResampler.Mitchell;
        resolved.Validate(parameterName);
        return resolved;
    }

    /// <summary>Auto backend, no antialias.</summary>
    public static ScalingOptions Default { get; } = new();

    /// <summary>The native core, no antialias.</summary>
    public static ScalingOptions Native { get; } = new() { Backend = ScalingBackend.Native };

    /// <summary>The managed baseline, no antialias.</summary>
    public static ScalingOptions Managed { get; } = new() { Backend = ScalingBackend.Managed };
}
