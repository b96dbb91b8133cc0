using SkiaSharp;

namespace ScaleDefense.SkiaSharp;

/// <summary>A checked description of an SKPixmap's pixel memory as a ScaleDefense layout (4 interleaved 8-bit channels).</summary>
internal readonly unsafe struct PixmapView
{
    public required void* Data { get; init; }
    public required int Length { get; init; }
    public required ImageLayout Layout { get; init; }

    public static PixmapView Of(SKPixmap pixmap, string name)
    {
        if (pixmap.Handle == IntPtr.Zero || pixmap.Width <= 0 || pixmap.Height <= 0 || pixmap.GetPixels() == IntPtr.Zero)
        {
            throw new ArgumentException($"{name} has no pixels (empty, disposed, or not allocated).", name);
        }
        if (pixmap.ColorType is not (SKColorType.Rgba8888 or SKColorType.Bgra8888))
        {
            throw new ArgumentException(
                $"{name} is {pixmap.ColorType}; SkiaSharp's 8-bit resize is modelled for Rgba8888 and Bgra8888. Convert first, e.g. bitmap.Copy(SKColorType.Rgba8888).",
                name);
        }
        var layout = new ImageLayout(pixmap.Width, pixmap.Height, 4, pixmap.RowBytes);
        return new PixmapView
        {
            Data = (void*)pixmap.GetPixels(),
            Length = checked((int)layout.RequiredLength),
            Layout = layout,
        };
    }
}
