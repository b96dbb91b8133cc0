namespace ScaleDefense.Detection;

/// <summary>
/// For scalers that read every pixel but weigh some far more (OpenCV bicubic at β ≤ 4, r = 1): the
/// selective filters have nothing outside P to rebuild from, so this detector treats the heavily
/// weighted rows and columns (maximum weight ≥ <see cref="HeavyFactor"/>/β, well above a uniform
/// kernel's 1/β) as P, rebuilds them with the selective median of the light ones, and measures how
/// far the scaled output moves: little for a photo, a lot for an image whose heavy pixels carry a target.
/// </summary>
internal static class WeightedReconstruction
{
    public const double HeavyFactor = 1.5;

    /// <summary>The reconstruction difference of <see cref="Reconstruction.WeightedMedian"/> (paper window), on the model's engine.</summary>
    public static double Score(ScalingModel model, ReadOnlySpan<byte> image, ImageLayout layout)
    {
        ConsideredPixels heavy = model.HeavyPixels;
        if (heavy.Rows.Length == 0 || heavy.Columns.Length == 0)
        {
            return 0;
        }
        return model.ReconstructionDifference(image, layout, Reconstruction.WeightedMedian, ReconstructionOptions.Default);
    }

    /// <summary>The rows × columns whose largest weight in L (R) is at least <see cref="HeavyFactor"/>/β (the native core's twin: heavy_pixels in native/src/defense/considered_pixels.cpp).</summary>
    public static ConsideredPixels HeavyPixels(VulnerabilityReport report)
    {
        bool[] rows = Heavy(report.Vertical);
        bool[] columns = Heavy(report.Horizontal);
        return ConsideredPixels.FromFlags(rows, columns, report.Horizontal.Ratio, report.Vertical.Ratio);
    }

    private static bool[] Heavy(AxisAnalysis axis)
    {
        var heavy = new bool[axis.SourceCount];
        if (axis.Ratio < 1.5)
        {
            return heavy;
        }
        double limit = HeavyFactor / axis.Ratio;
        for (int i = 0; i < heavy.Length; i++)
        {
            heavy[i] = axis.MaxWeightPerIndex[i] >= limit;
        }
        return heavy;
    }
}
