using OpenCvSharp;

namespace ScaleDefense.OpenCvSharp;

/// <summary>Puts a <see cref="SecureScaler"/> in front of an OpenCV resize: <c>image.SecureResize(scaler)</c> instead of <c>Cv2.Resize</c>.</summary>
public static class SecureResizeExtensions
{
    /// <summary>
    /// Rebuilds the pixels the scaler reads, then resizes exactly as the scaler's library does.
    /// 8-bit Mats with 1–4 channels; the result is 8-bit for libraries with an 8-bit path and
    /// CV_32F (values 0..255) for float-output libraries (TensorFlow, PyTorch).
    /// </summary>
    /// <exception cref="ArgumentException">The Mat is empty, not 8-bit, or has more than 4 channels.</exception>
    public static Mat SecureResize(this Mat source, SecureScaler scaler) => SecureResize(source, scaler, out _);

    /// <summary>As <see cref="SecureResize(Mat, SecureScaler)"/>, also saying which reconstruction was applied.</summary>
    public static unsafe Mat SecureResize(this Mat source, SecureScaler scaler, out Reconstruction applied)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scaler);
        MatView s = MatView.Of(source, nameof(source));
        if (s.Depth != MatType.CV_8U)
        {
            throw new ArgumentException($"source is {source.Type()}; SecureResize takes 8-bit images.", nameof(source));
        }
        ImageSize target = scaler.Target;
        bool bytesOut = scaler.ModelFor(s.Layout.Size).Supports(SampleType.UInt8);
        var destination = new Mat(target.Height, target.Width, bytesOut ? MatType.CV_8UC(s.Layout.Channels) : MatType.CV_32FC(s.Layout.Channels));
        try
        {
            MatView d = MatView.Of(destination, nameof(destination));
            var input = new ReadOnlySpan<byte>(s.Data, s.Length);
            applied = bytesOut
                ? scaler.Resize(input, s.Layout, new Span<byte>(d.Data, d.Length), d.Layout)
                : scaler.Resize(input, s.Layout, new Span<float>(d.Data, d.Length), d.Layout);
            GC.KeepAlive(source);
            return destination;
        }
        catch
        {
            destination.Dispose();
            throw;
        }
    }
}
