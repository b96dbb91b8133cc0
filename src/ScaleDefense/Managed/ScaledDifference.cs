namespace ScaleDefense.Managed;

/// <summary>
/// RMS difference between two images after the same scaler, summed in the native core's order
/// (row-major over packed outputs) so that both engines report the same score.
/// </summary>
internal static class ScaledDifference
{
    /// <summary>Scales <paramref name="a"/> and <paramref name="b"/> (same size and channels) to <paramref name="target"/> and returns the RMS of their difference in grey levels.</summary>
    public static double Rms(IScalingEngine engine, ReadOnlySpan<byte> a, ImageLayout aLayout, ReadOnlySpan<byte> b, ImageLayout bLayout, ImageSize target)
    {
        var outLayout = new ImageLayout(target.Width, target.Height, aLayout.Channels);
        int outputs = checked((int)outLayout.RequiredLength);
        double sum = 0;
        if (engine.Supports(SampleType.UInt8))
        {
            byte[] first = new byte[outputs], second = new byte[outputs];
            engine.Scale(a, aLayout, first, outLayout);
            engine.Scale(b, bLayout, second, outLayout);
            for (int i = 0; i < outputs; i++)
            {
                double d = (double)first[i] - second[i];
                sum += d * d;
            }
        }
        else
        {
            float[] first = new float[outputs], second = new float[outputs];
            engine.Scale(ToFloat(a, aLayout), Packed(aLayout), first, outLayout);
            engine.Scale(ToFloat(b, bLayout), Packed(bLayout), second, outLayout);
            for (int i = 0; i < outputs; i++)
            {
                double d = (double)first[i] - second[i];
                sum += d * d;
            }
        }
        return Math.Sqrt(sum / outputs);
    }

    private static ImageLayout Packed(ImageLayout layout) => new(layout.Width, layout.Height, layout.Channels);

    private static float[] ToFloat(ReadOnlySpan<byte> pixels, ImageLayout layout)
    {
        int row = layout.Width * layout.Channels;
        var floats = new float[(long)row * layout.Height];
        for (int y = 0; y < layout.Height; y++)
        {
            ReadOnlySpan<byte> line = pixels.Slice(y * layout.RowStride, row);
            for (int i = 0; i < row; i++)
            {
                floats[(y * row) + i] = line[i];
            }
        }
        return floats;
    }
}
