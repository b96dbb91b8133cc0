namespace ScaleDefense.Managed;

/// <summary>Pixel moves every library shares: a same-size copy and a one-tap (nearest) gather.</summary>
internal static class ImageOps
{
    /// <summary>Copies the image row by row (strides may differ).</summary>
    public static void Copy<T>(ReadOnlySpan<T> source, ImageLayout s, Span<T> destination, ImageLayout d)
    {
        int row = s.Width * s.Channels;
        for (int y = 0; y < s.Height; y++)
        {
            source.Slice(y * s.RowStride, row).CopyTo(destination.Slice(y * d.RowStride, row));
        }
    }

    /// <summary>Every output pixel is the source pixel at (y.Source[dy], x.Source[dx]): one-tap tables.</summary>
    public static void Gather<T>(ReadOnlySpan<T> source, ImageLayout s, Span<T> destination, ImageLayout d, KernelTable x, KernelTable y)
    {
        int channels = s.Channels;
        for (int dy = 0; dy < d.Height; dy++)
        {
            ReadOnlySpan<T> input = source.Slice(y.Source[dy] * s.RowStride);
            Span<T> output = destination.Slice(dy * d.RowStride);
            for (int dx = 0; dx < d.Width; dx++)
            {
                input.Slice(x.Source[dx] * channels, channels).CopyTo(output.Slice(dx * channels, channels));
            }
        }
    }
}
