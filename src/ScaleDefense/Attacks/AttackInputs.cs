using System.Globalization;

namespace ScaleDefense;

/// <summary>Argument checks shared by the managed attacks, so every attack refuses bad input the same way.</summary>
internal static class AttackInputs
{
    /// <summary>The packed source and target must match the model's sizes, and the model must downscale (or keep) each axis.</summary>
    public static void RequireImages(ScalingModel model, ReadOnlySpan<byte> source, int channels, ReadOnlySpan<byte> target)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (channels is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "Images have 1 to 4 channels.");
        }
        if (model.Target.Width > model.Source.Width || model.Target.Height > model.Source.Height)
        {
            throw new ArgumentException($"The source {model.Source} is smaller than the target {model.Target}: a scaling attack needs a downscale.", nameof(model));
        }
        RequireLength(source.Length, model.Source, channels, nameof(source));
        RequireLength(target.Length, model.Target, channels, nameof(target));
    }

    public static void RequireLength(int length, ImageSize size, int channels, string name)
    {
        long expected = (long)size.Width * size.Height * channels;
        if (length != expected)
        {
            throw new ArgumentException($"{name} must be a packed {size.Width}x{size.Height}x{channels} image ({expected} bytes); got {length} bytes.", name);
        }
    }

    public static void RequireEpsilon(double epsilon)
    {
        if (!(epsilon > 0) || double.IsInfinity(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be a positive, finite number of grey levels.");
        }
    }

    public static void RequireMaxChange(double maxChange)
    {
        if (!(maxChange > 0 && maxChange <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(maxChange), maxChange, "δ (the largest share of a window that may change) must be in (0, 1].");
        }
    }

    public static void RequireWindow(FilterWindow window)
    {
        if (!Enum.IsDefined(window))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Unknown filter window {(int)window}; use Paper or Narrow."), nameof(window));
        }
    }

    /// <summary>The sample type whose matrices describe what the verification scales: the 8-bit path when the library has one.</summary>
    public static SampleType VerifiedType(ScalingModel model) => model.Supports(SampleType.UInt8) ? SampleType.UInt8 : SampleType.Float32;

    /// <summary>The model's output for an 8-bit image, as doubles (8-bit path when it has one, float otherwise), as the verification computes it.</summary>
    public static double[] ScaleExactly(ScalingModel model, byte[] image, int channels)
    {
        if (model.Supports(SampleType.UInt8))
        {
            return Array.ConvertAll(model.Scale(image, channels), v => (double)v);
        }
        float[] floats = Array.ConvertAll(image, v => (float)v);
        return Array.ConvertAll(model.Scale(floats, channels), v => (double)v);
    }
}
