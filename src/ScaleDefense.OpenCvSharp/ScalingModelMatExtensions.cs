using OpenCvSharp;

namespace ScaleDefense.OpenCvSharp;

/// <summary>Runs a <see cref="ScalingModel"/> on OpenCV <see cref="Mat"/>s without copying pixels.</summary>
public static class ScalingModelMatExtensions
{
    /// <summary>
    /// Scales an 8-bit or float32 Mat with 1..4 channels into a new Mat of the model's target size,
    /// exactly as the modelled library would. Rows may be padded (any step) and the Mat may be a view.
    /// </summary>
    /// <exception cref="ArgumentException">The Mat is empty, not 8U/32F, has more than 4 channels, or is not the model's source size.</exception>
    public static Mat Scale(this ScalingModel model, Mat source)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        var destination = new Mat(model.Target.Height, model.Target.Width, source.Type());
        try
        {
            model.Scale(source, destination);
            return destination;
        }
        catch
        {
            destination.Dispose();
            throw;
        }
    }

    /// <summary>Scales <paramref name="source"/> into <paramref name="destination"/>, which must already have the target size and the same type.</summary>
    /// <exception cref="ArgumentException">The Mats do not fit the model or each other.</exception>
    public static unsafe void Scale(this ScalingModel model, Mat source, Mat destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        MatView s = MatView.Of(source, nameof(source));
        MatView d = MatView.Of(destination, nameof(destination));
        if (s.Depth != d.Depth)
        {
            throw new ArgumentException($"source is {source.Type()} but destination is {destination.Type()}; they must match.", nameof(destination));
        }
        if (s.Depth == MatType.CV_8U)
        {
            model.Scale(new ReadOnlySpan<byte>(s.Data, s.Length), s.Layout, new Span<byte>(d.Data, d.Length), d.Layout);
        }
        else
        {
            model.Scale(new ReadOnlySpan<float>(s.Data, s.Length), s.Layout, new Span<float>(d.Data, d.Length), d.Layout);
        }
        GC.KeepAlive(source);
        GC.KeepAlive(destination);
    }
}
