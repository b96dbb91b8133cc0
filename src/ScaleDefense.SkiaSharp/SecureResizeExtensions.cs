using SkiaSharp;

namespace ScaleDefense.SkiaSharp;

/// <summary>
/// Puts a <see cref="SecureScaler"/> in front of a SkiaSharp resize: <c>bitmap.SecureResize(scaler)</c> instead of
/// <c>bitmap.Resize(info, sampling)</c>. Rgba8888 and Bgra8888 images (the output is exact for opaque and
/// premultiplied pixels, as Skia computes them).
/// </summary>
public static class SecureResizeExtensions
{
    /// <summary>Rebuilds the pixels the scaler reads, then resizes exactly as the scaler's library does, into a new bitmap of the scaler's target size (same colour and alpha type).</summary>
    /// <exception cref="ArgumentException">The bitmap has no pixels, is not Rgba8888 or Bgra8888, or the scaler has no 8-bit output.</exception>
    public static SKBitmap SecureResize(this SKBitmap source, SecureScaler scaler) => SecureResize(source, scaler, out _);

    /// <summary>As <see cref="SecureResize(SKBitmap, SecureScaler)"/>, also saying which reconstruction was applied.</summary>
    /// <inheritdoc cref="SecureResize(SKBitmap, SecureScaler)" path="/exception"/>
    public static SKBitmap SecureResize(this SKBitmap source, SecureScaler scaler, out Reconstruction applied)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scaler);
        using SKPixmap pixels = source.PeekPixels() ?? throw new ArgumentException("source has no pixels to read (PeekPixels failed).", nameof(source));
        ImageSize target = scaler.Target;
        var destination = new SKBitmap(new SKImageInfo(target.Width, target.Height, source.ColorType, source.AlphaType));
        try
        {
            using SKPixmap output = destination.PeekPixels();
            applied = pixels.SecureResize(scaler, output);
            GC.KeepAlive(source);
            return destination;
        }
        catch
        {
            destination.Dispose();
            throw;
        }
    }

    /// <summary>Rebuilds the pixels the scaler reads, then resizes <paramref name="source"/> into <paramref name="destination"/> (the scaler's target size, the same colour type) exactly as the scaler's library does.</summary>
    /// <returns>The reconstruction that was applied.</returns>
    /// <exception cref="ArgumentException">A pixmap has no pixels or is not Rgba8888 / Bgra8888, the colour types differ, the destination is not the target size, or the scaler has no 8-bit output.</exception>
    public static unsafe Reconstruction SecureResize(this SKPixmap source, SecureScaler scaler, SKPixmap destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scaler);
        ArgumentNullException.ThrowIfNull(destination);
        PixmapView s = PixmapView.Of(source, nameof(source));
        PixmapView d = PixmapView.Of(destination, nameof(destination));
        if (destination.ColorType != source.ColorType)
        {
            throw new ArgumentException($"destination is {destination.ColorType} but source is {source.ColorType}; use the same colour type.", nameof(destination));
        }
        if (d.Layout.Size != scaler.Target)
        {
            throw new ArgumentException($"destination is {d.Layout.Size} but the scaler produces {scaler.Target} images.", nameof(destination));
        }
        if (!scaler.ModelFor(s.Layout.Size).Supports(SampleType.UInt8))
        {
            throw new ArgumentException($"{scaler.Library} {scaler.Algorithm} produces float output; a SkiaSharp bitmap needs a scaler with an 8-bit path (e.g. ScalingLibrary.SkiaSharp).", nameof(scaler));
        }
        Reconstruction applied = scaler.Resize(new ReadOnlySpan<byte>(s.Data, s.Length), s.Layout, new Span<byte>(d.Data, d.Length), d.Layout);
        GC.KeepAlive(source);
        GC.KeepAlive(destination);
        return applied;
    }
}
