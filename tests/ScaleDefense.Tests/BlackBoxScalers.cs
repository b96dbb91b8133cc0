namespace ScaleDefense.Tests;

/// <summary>
/// Hand-written 8-bit scalers that are none of the libraries ScaleDefense models: the black boxes of
/// the probe-and-defend tests. Written from their definitions here, not from our models.
/// </summary>
internal static class BlackBoxScalers
{
    /// <summary>Nearest neighbour sampling at (d + 0.7)·ratio: neither OpenCV's top-left (0) nor the centre (0.5).</summary>
    public static ByteScaler ShiftedNearest() => (source, sl, destination, dl) =>
    {
        for (int y = 0; y < dl.Height; y++)
        {
            int sy = Math.Min(sl.Height - 1, (int)Math.Floor((y + 0.7) * sl.Height / dl.Height));
            for (int x = 0; x < dl.Width; x++)
            {
                int sx = Math.Min(sl.Width - 1, (int)Math.Floor((x + 0.7) * sl.Width / dl.Width));
                destination[y * dl.RowStride + x] = source[sy * sl.RowStride + sx];
            }
        }
    };

    /// <summary>
    /// Two-tap linear interpolation a third of a pixel right of the centre, in double precision,
    /// rounded half to even: the weights and the rounding both differ from every modelled scaler.
    /// </summary>
    public static ByteScaler ShiftedLinear() => (source, sl, destination, dl) =>
    {
        for (int y = 0; y < dl.Height; y++)
        {
            (int y0, int y1, double fy) = Taps(y, sl.Height, dl.Height);
            for (int x = 0; x < dl.Width; x++)
            {
                (int x0, int x1, double fx) = Taps(x, sl.Width, dl.Width);
                double top = (1 - fx) * source[y0 * sl.RowStride + x0] + fx * source[y0 * sl.RowStride + x1];
                double bottom = (1 - fx) * source[y1 * sl.RowStride + x0] + fx * source[y1 * sl.RowStride + x1];
                destination[y * dl.RowStride + x] = (byte)Math.Clamp(Math.Round((1 - fy) * top + fy * bottom), 0, 255);
            }
        }
    };

    private static (int Low, int High, double Fraction) Taps(int output, int inputs, int outputs)
    {
        double at = Math.Clamp((output + 0.5) * inputs / outputs - 0.5 + 1.0 / 3, 0, inputs - 1);
        int low = (int)Math.Floor(at);
        return (low, Math.Min(low + 1, inputs - 1), at - low);
    }

    /// <summary>Runs a black box on an unpadded one-channel image.</summary>
    public static byte[] Apply(ByteScaler scaler, byte[] image, ImageSize source, ImageSize target)
    {
        var output = new byte[target.Width * target.Height];
        scaler(image, new ImageLayout(source.Width, source.Height, 1), output, new ImageLayout(target.Width, target.Height, 1));
        return output;
    }
}
