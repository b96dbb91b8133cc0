namespace ScaleDefense.Managed.OpenCv;

/// <summary>
/// Index and weight tables of OpenCV's cv::resize (modules/imgproc/src/resize.cpp, 4.x:
/// cv::resize, cv::hal::resize, resizeNN, resizeGeneric_). Mirrors native/src/scaling/opencv.
/// </summary>
internal static class OpenCvTables
{
    private const float FixedOne = 2048f; // INTER_RESIZE_COEF_SCALE: 11 fractional bits
    private const double DblEpsilon = 2.220446049250313e-16; // C's DBL_EPSILON, not double.Epsilon

    /// <summary>s = 1 / (outputs / inputs) in double, as OpenCV derives it.</summary>
    public static double SourceStep(int inputs, int outputs) => 1.0 / ((double)outputs / inputs);

    /// <summary>OpenCV's integer-ratio test: s rounds (half to even) to k within DBL_EPSILON.</summary>
    public static bool IsIntegerStep(int inputs, int outputs, int k)
    {
        double s = SourceStep(inputs, outputs);
        double rounded = Math.Round(s, MidpointRounding.ToEven);
        return rounded == k && Math.Abs(s - rounded) < DblEpsilon;
    }

    /// <summary>INTER_NEAREST: min(floor(d·s), n−1); no centre offset.</summary>
    public static KernelTable Nearest(int inputs, int outputs)
    {
        var t = new KernelTable(outputs, inputs, 1);
        double s = SourceStep(inputs, outputs);
        for (int d = 0; d < outputs; d++)
        {
            t.Source[d] = (int)Math.Min((long)Math.Floor(d * s), inputs - 1);
            t.Weight[d] = 1f;
            t.Fixed[d] = (int)FixedOne;
        }
        return t;
    }

    /// <summary>
    /// INTER_LINEAR: x = fl32((d+0.5)·s − 0.5), i = ⌊x⌋, f = x − i, weights (1−f, f) in float32
    /// and rne(w·2048). The horizontal axis moves out-of-image taps to the edge with f = 0;
    /// the vertical axis keeps f and clamps the rows.
    /// </summary>
    public static KernelTable Linear(int inputs, int outputs, bool horizontal)
    {
        var t = new KernelTable(outputs, inputs, 2);
        double s = SourceStep(inputs, outputs);
        for (int d = 0; d < outputs; d++)
        {
            float x = (float)((d + 0.5) * s - 0.5); // rounded to float32 before the split
            long i = (long)MathF.Floor(x);
            float f = x - i;
            if (horizontal && i < 0)
            {
                i = 0;
                f = 0f;
            }
            if (horizontal && i >= inputs - 1)
            {
                i = inputs - 1;
                f = 0f;
            }
            float w0 = 1f - f;
            int at = 2 * d;
            t.Source[at] = Clamp(i, inputs);
            t.Source[at + 1] = Clamp(i + 1, inputs);
            t.Weight[at] = w0;
            t.Weight[at + 1] = f;
            t.Fixed[at] = ToFixed(w0);
            t.Fixed[at + 1] = ToFixed(f);
        }
        return t;
    }

    private static int Clamp(long i, int n) => (int)Math.Clamp(i, 0, n - 1);

    // saturate_cast<short>(float): round half to even, then saturate.
    private static int ToFixed(float w) => (int)Math.Clamp(MathF.Round(w * FixedOne, MidpointRounding.ToEven), short.MinValue, short.MaxValue);
}
