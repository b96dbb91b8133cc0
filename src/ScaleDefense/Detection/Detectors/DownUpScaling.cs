namespace ScaleDefense.Detection;

/// <summary>
/// Kim et al.'s down-and-up check: a photo survives scale-then-upscale as a blurred copy of itself;
/// an attack image comes back as its target, far from what it looked like.
/// </summary>
internal static class DownUpScaling
{
    public static double Score(ScalingModel model, ReadOnlySpan<byte> image, ImageLayout layout)
    {
        float[] small = model.ScaleToFloat(image, layout);
        int sw = model.Target.Width, sh = model.Target.Height, c = layout.Channels;
        int w = layout.Width, h = layout.Height;
        // Bilinear upscale with centres aligned (x_src = (x + 0.5) * sw / w - 0.5), clamped at the borders.
        var x0 = new int[w];
        var x1 = new int[w];
        var fx = new double[w];
        for (int x = 0; x < w; x++)
        {
            (x0[x], x1[x], fx[x]) = Tap(x, w, sw);
        }
        double sum = 0;
        for (int y = 0; y < h; y++)
        {
            (int y0, int y1, double fy) = Tap(y, h, sh);
            ReadOnlySpan<byte> row = image.Slice(y * layout.RowStride, w * c);
            for (int x = 0; x < w; x++)
            {
                for (int k = 0; k < c; k++)
                {
                    double top = small[((y0 * sw) + x0[x]) * c + k] * (1 - fx[x]) + small[((y0 * sw) + x1[x]) * c + k] * fx[x];
                    double bottom = small[((y1 * sw) + x0[x]) * c + k] * (1 - fx[x]) + small[((y1 * sw) + x1[x]) * c + k] * fx[x];
                    double d = row[(x * c) + k] - (top * (1 - fy) + bottom * fy);
                    sum += d * d;
                }
            }
        }
        return Math.Sqrt(sum / ((double)w * h * c));
    }

    private static (int Low, int High, double Fraction) Tap(int i, int large, int small)
    {
        double at = ((i + 0.5) * small / large) - 0.5;
        at = Math.Clamp(at, 0, small - 1);
        int low = (int)Math.Floor(at);
        int high = Math.Min(low + 1, small - 1);
        return (low, high, at - low);
    }
}
