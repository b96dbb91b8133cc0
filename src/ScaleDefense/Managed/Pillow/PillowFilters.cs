namespace ScaleDefense.Managed.Pillow;

/// <summary>
/// Pillow's resampling filters (src/libImaging/Resample.c, 9.4: box_filter, bilinear_filter,
/// hamming_filter, bicubic_filter, lanczos_filter and their supports). Mirrors
/// native/src/scaling/pillow/pillow_filters.cpp.
/// </summary>
internal static class PillowFilters
{
    /// <summary>A kernel and its support in source pixels at scale 1.</summary>
    internal readonly record struct Filter(Func<double, double> Kernel, double Support);

    public static Filter For(ScalingAlgorithm algorithm) => algorithm switch
    {
        ScalingAlgorithm.Box => new Filter(Box, 0.5),
        ScalingAlgorithm.Bilinear => new Filter(Bilinear, 1.0),
        ScalingAlgorithm.Hamming => new Filter(Hamming, 1.0),
        ScalingAlgorithm.Bicubic => new Filter(Bicubic, 2.0),
        ScalingAlgorithm.Lanczos => new Filter(Lanczos, 3.0),
        _ => throw new NotSupportedException($"Pillow has no resampling filter {algorithm}."),
    };

    // Half-open (-0.5, 0.5]: a centre exactly half a pixel away on the right is not counted.
    private static double Box(double x) => x > -0.5 && x <= 0.5 ? 1.0 : 0.0;

    private static double Bilinear(double x)
    {
        if (x < 0.0)
        {
            x = -x;
        }
        return x < 1.0 ? 1.0 - x : 0.0;
    }

    // The window's constants are the float literals 0.54f and 0.46f, widened to double.
    private static double Hamming(double x)
    {
        if (x < 0.0)
        {
            x = -x;
        }
        if (x == 0.0)
        {
            return 1.0;
        }
        if (x >= 1.0)
        {
            return 0.0;
        }
        x *= Math.PI;
        return Math.Sin(x) / x * ((double)0.54f + ((double)0.46f * Math.Cos(x)));
    }

    // Keys' cubic with a = -0.5, in Pillow's operation order.
    private static double Bicubic(double x)
    {
        const double a = -0.5;
        if (x < 0.0)
        {
            x = -x;
        }
        if (x < 1.0)
        {
            return ((((a + 2.0) * x) - (a + 3.0)) * x * x) + 1;
        }
        if (x < 2.0)
        {
            return ((((((x - 5) * x) + 8) * x) - 4)) * a;
        }
        return 0.0;
    }

    private static double Sinc(double x)
    {
        if (x == 0.0)
        {
            return 1.0;
        }
        x *= Math.PI;
        return Math.Sin(x) / x;
    }

    // Truncated to the half-open [-3, 3).
    private static double Lanczos(double x) => -3.0 <= x && x < 3.0 ? Sinc(x) * Sinc(x / 3) : 0.0;
}
