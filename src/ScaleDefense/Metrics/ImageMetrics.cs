namespace ScaleDefense;

/// <summary>Image comparisons used to judge attacks and defenses (the paper's PSNR).</summary>
public static class ImageMetrics
{
    /// <summary>Peak signal-to-noise ratio in dB for 8-bit data (peak 255); +∞ for identical inputs.</summary>
    /// <exception cref="ArgumentException">The inputs differ in length or are empty.</exception>
    public static double Psnr(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        double mse = MeanSquaredError(a, b);
        return mse == 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255.0 / mse);
    }

    /// <summary>Mean squared difference.</summary>
    public static double MeanSquaredError(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        RequireSameLength(a.Length, b.Length);
        long sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            int d = a[i] - b[i];
            sum += d * d;
        }
        return (double)sum / a.Length;
    }

    /// <summary>Largest absolute difference.</summary>
    public static int MaxAbsoluteDifference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        RequireSameLength(a.Length, b.Length);
        int max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }
        return max;
    }

    private static void RequireSameLength(int a, int b)
    {
        if (a != b || a == 0)
        {
            throw new ArgumentException($"Images to compare must have the same, non-zero length; got {a} and {b} samples.");
        }
    }
}
