using SkiaSharp;

namespace ScaleDefense.SkiaSharp;

/// <summary>The exact model and the secure scaler of an <see cref="SKSamplingOptions"/>, as SKBitmap.Resize and SKPixmap.ScalePixels apply it.</summary>
public static class SamplingExtensions
{
    /// <summary>The model of <c>SKBitmap.Resize</c> / <c>SKPixmap.ScalePixels</c> with these sampling options from <paramref name="source"/> to <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentException">Anisotropic sampling (not modelled), a cubic B or C outside 0..1, or a size that is not positive or too large.</exception>
    public static ScalingModel CreateModel(this SKSamplingOptions sampling, ImageSize source, ImageSize target, ScalingBackend backend = ScalingBackend.Auto)
    {
        (ScalingAlgorithm algorithm, ScalingOptions options) = Describe(sampling, new ScalingOptions { Backend = backend });
        return ScalingModel.Create(ScalingLibrary.SkiaSharp, algorithm, source, target, options);
    }

    /// <summary>The model of resizing <paramref name="bitmap"/> to <paramref name="target"/> with these sampling options.</summary>
    /// <inheritdoc cref="CreateModel(SKSamplingOptions, ImageSize, ImageSize, ScalingBackend)" path="/exception"/>
    public static ScalingModel CreateModel(this SKBitmap bitmap, ImageSize target, SKSamplingOptions sampling, ScalingBackend backend = ScalingBackend.Auto)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        return sampling.CreateModel(new ImageSize(bitmap.Width, bitmap.Height), target, backend);
    }

    /// <summary>
    /// A <see cref="SecureScaler"/> that resizes as <c>SKBitmap.Resize</c> does with these sampling options, after
    /// rebuilding the pixels it reads. <paramref name="options"/>' backend and filter are kept; its mipmap and cubic
    /// choices are replaced by the sampling's.
    /// </summary>
    /// <inheritdoc cref="CreateModel(SKSamplingOptions, ImageSize, ImageSize, ScalingBackend)" path="/exception"/>
    public static SecureScaler CreateSecureScaler(this SKSamplingOptions sampling, ImageSize target, SecureScalerOptions? options = null)
    {
        options ??= new SecureScalerOptions();
        (ScalingAlgorithm algorithm, ScalingOptions scaling) = Describe(sampling, options.Scaling ?? ScalingOptions.Default);
        return new SecureScaler(ScalingLibrary.SkiaSharp, algorithm, target, options with { Scaling = scaling });
    }

    private static (ScalingAlgorithm Algorithm, ScalingOptions Options) Describe(SKSamplingOptions sampling, ScalingOptions options)
    {
        if (sampling.IsAniso)
        {
            throw new ArgumentException("Anisotropic sampling (SKSamplingOptions with MaxAniso) is not modelled; use a filter, mipmap or cubic sampling.", nameof(sampling));
        }
        if (sampling.UseCubic)
        {
            return (ScalingAlgorithm.Bicubic, options with { Mipmaps = MipmapMode.None, Cubic = new CubicResampler(sampling.Cubic.B, sampling.Cubic.C) });
        }
        ScalingAlgorithm algorithm = sampling.Filter == SKFilterMode.Linear ? ScalingAlgorithm.Bilinear : ScalingAlgorithm.Nearest;
        return (algorithm, options with { Mipmaps = (MipmapMode)(int)sampling.Mipmap, Cubic = null });
    }
}
