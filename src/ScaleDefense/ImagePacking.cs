namespace ScaleDefense;

/// <summary>Copies an image of any row stride into a new array with unpadded rows, the form the managed attacks work on.</summary>
internal static class ImagePacking
{
    /// <summary>A packed copy (rows of width × channels samples); <paramref name="layout"/> must already be validated against <paramref name="pixels"/>.</summary>
    public static byte[] Pack(ReadOnlySpan<byte> pixels, ImageLayout layout)
    {
        int rowLength = layout.Width * layout.Channels;
        if (layout.RowStride == rowLength)
        {
            return pixels[..(rowLength * layout.Height)].ToArray();
        }
        var packed = new byte[(long)rowLength * layout.Height];
        for (int y = 0; y < layout.Height; y++)
        {
            pixels.Slice(y * layout.RowStride, rowLength).CopyTo(packed.AsSpan(y * rowLength));
        }
        return packed;
    }
}
