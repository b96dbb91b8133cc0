using OpenCvSharp;

namespace ScaleDefense.Cli.Imaging;

/// <summary>
/// An 8-bit image as the library's attacks and metrics take it: interleaved pixels in rows without
/// padding (BGR(A) or grey, OpenCV's order), with its layout.
/// </summary>
internal sealed record PackedImage(byte[] Pixels, ImageLayout Layout)
{
    public ImageSize Size => Layout.Size;

    public int Channels => Layout.Channels;

    public static PackedImage Of(byte[] pixels, ImageSize size, int channels) => new(pixels, new ImageLayout(size.Width, size.Height, channels));

    /// <summary>An attack's image (the library returns it packed).</summary>
    public static PackedImage Of(AttackResult attack) => new(attack.Image, attack.Layout);

    /// <summary>Copies an 8-bit Mat's rows (whatever its step) into a packed image.</summary>
    public static unsafe PackedImage FromMat(Mat image)
    {
        var layout = new ImageLayout(image.Cols, image.Rows, image.Channels());
        int row = layout.Width * layout.Channels;
        var pixels = new byte[row * layout.Height];
        for (int y = 0; y < layout.Height; y++)
        {
            new ReadOnlySpan<byte>((void*)image.Ptr(y), row).CopyTo(pixels.AsSpan(y * row));
        }
        return new PackedImage(pixels, layout);
    }

    /// <summary>A new 8-bit Mat holding a copy of the pixels; the caller disposes it.</summary>
    public unsafe Mat ToMat()
    {
        var mat = new Mat(Layout.Height, Layout.Width, MatType.CV_8UC(Channels));
        int row = Layout.Width * Channels;
        for (int y = 0; y < Layout.Height; y++)
        {
            Pixels.AsSpan(y * row, row).CopyTo(new Span<byte>((void*)mat.Ptr(y), row));
        }
        return mat;
    }

    /// <summary>The image encoded as PNG (lossless, so an attack image survives it).</summary>
    public byte[] ToPng()
    {
        using Mat mat = ToMat();
        Cv2.ImEncode(".png", mat, out byte[] png);
        return png;
    }
}
