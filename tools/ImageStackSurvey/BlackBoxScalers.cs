using ImageMagick;
using NetVips;
using ScaleDefense;

/// <summary>Libraries we do not model, wrapped as the 8-bit one-channel scalers the probe feeds.</summary>
internal static class BlackBoxScalers
{
    public static ByteScaler MagickResize(FilterType filter) => (source, sourceLayout, destination, destinationLayout) =>
    {
        using var image = ReadGray(source, sourceLayout);
        image.FilterType = filter;
        image.Resize(new MagickGeometry((uint)destinationLayout.Width, (uint)destinationLayout.Height) { IgnoreAspectRatio = true });
        CopyGray(image, destination, destinationLayout);
    };

    /// <summary>MagickImage.Sample: ImageMagick's point sampling, without a filter.</summary>
    public static ByteScaler MagickSample() => (source, sourceLayout, destination, destinationLayout) =>
    {
        using var image = ReadGray(source, sourceLayout);
        image.Sample(new MagickGeometry((uint)destinationLayout.Width, (uint)destinationLayout.Height) { IgnoreAspectRatio = true });
        CopyGray(image, destination, destinationLayout);
    };

    public static ByteScaler VipsResize(Enums.Kernel? kernel) => (source, sourceLayout, destination, destinationLayout) =>
    {
        byte[] packed = Pack(source, sourceLayout);
        using var image = Image.NewFromMemory(packed, sourceLayout.Width, sourceLayout.Height, 1, Enums.BandFormat.Uchar);
        double hscale = (double)destinationLayout.Width / sourceLayout.Width;
        double vscale = (double)destinationLayout.Height / sourceLayout.Height;
        using var resized = kernel is { } k ? image.Resize(hscale, k, vscale: vscale) : image.Resize(hscale, vscale: vscale);
        if (resized.Width != destinationLayout.Width || resized.Height != destinationLayout.Height)
        {
            throw new InvalidOperationException($"vips resized to {resized.Width}×{resized.Height}, not {destinationLayout.Width}×{destinationLayout.Height}.");
        }
        Unpack(resized.WriteToMemory<byte>(), destination, destinationLayout);
    };

    private static MagickImage ReadGray(ReadOnlySpan<byte> source, ImageLayout layout)
    {
        var settings = new MagickReadSettings { Width = (uint)layout.Width, Height = (uint)layout.Height, Format = MagickFormat.Gray, Depth = 8 };
        return new MagickImage(Pack(source, layout), settings);
    }

    private static void CopyGray(MagickImage image, Span<byte> destination, ImageLayout layout)
    {
        if (image.Width != layout.Width || image.Height != layout.Height)
        {
            throw new InvalidOperationException($"ImageMagick resized to {image.Width}×{image.Height}, not {layout.Width}×{layout.Height}.");
        }
        Unpack(image.ToByteArray(MagickFormat.Gray), destination, layout);
    }

    private static byte[] Pack(ReadOnlySpan<byte> source, ImageLayout layout)
    {
        var packed = new byte[layout.Width * layout.Height];
        for (int y = 0; y < layout.Height; y++)
        {
            source.Slice(y * layout.RowStride, layout.Width).CopyTo(packed.AsSpan(y * layout.Width));
        }
        return packed;
    }

    private static void Unpack(byte[] packed, Span<byte> destination, ImageLayout layout)
    {
        for (int y = 0; y < layout.Height; y++)
        {
            packed.AsSpan(y * layout.Width, layout.Width).CopyTo(destination.Slice(y * layout.RowStride));
        }
    }
}
