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

    /// <summary>INTER_NEAREST_EXACT (resizeNN_bitexact): 16.16 fixed-point step, centre pixel, int32 wrap-around.</summary>
    public static KernelTable NearestExact(int inputs, int outputs)
    {
        var t = new KernelTable(outputs, inputs, 1);
        int step = unchecked((inputs << 16) + outputs / 2) / outputs;
        int offset = step / 2 - inputs % 2;
        for (int d = 0; d < outputs; d++)
        {
            int x = unchecked(step * d + offset);
            t.Source[d] = Clamp(x >> 16, inputs); // OpenCV caps only the top; a wrapped negative index is clamped here
            t.Weight[d] = 1f;
            t.Fixed[d] = (int)FixedOne;
        }
        return t;
    }

    /// <summary>
    /// cv::hal::resize's tables for LINEAR (2 taps), CUBIC (4), LANCZOS4 (8): x = fl32((d+0.5)·s − 0.5)
    /// split into i = ⌊x⌋, f = x − i (area mode: i = ⌊d·s⌋, f from the cell boundary), taps
    /// clamp(i − K/2 + 1 + k), float32 weights and rne(w·2048). Only LINEAR (and area mode) on the
    /// horizontal axis moves out-of-image taps to the edge with f = 0.
    /// </summary>
    public static KernelTable Interpolation(OpenCvInterpolation kind, int inputs, int outputs, bool horizontal, bool areaMode)
    {
        int taps = kind switch { OpenCvInterpolation.Cubic => 4, OpenCvInterpolation.Lanczos4 => 8, _ => 2 };
        int centre = taps / 2 - 1;
        var t = new KernelTable(outputs, inputs, taps);
        double s = SourceStep(inputs, outputs);
        double inverse = (double)outputs / inputs;
        Span<float> c = stackalloc float[8];
        for (int d = 0; d < outputs; d++)
        {
            long i;
            float f;
            if (!areaMode)
            {
                float x = (float)((d + 0.5) * s - 0.5); // rounded to float32 before the split
                i = (long)MathF.Floor(x);
                f = x - i;
            }
            else
            {
                i = (long)Math.Floor(d * s);
                float g = (float)((d + 1) - (i + 1) * inverse);
                f = g <= 0 ? 0f : g - MathF.Floor(g);
            }
            if (horizontal && kind == OpenCvInterpolation.Linear)
            {
                if (i < 0)
                {
                    i = 0;
                    f = 0f;
                }
                if (i >= inputs - 1)
                {
                    i = inputs - 1;
                    f = 0f;
                }
            }
            switch (kind)
            {
                case OpenCvInterpolation.Cubic: OpenCvWeights.Cubic(f, c); break;
                case OpenCvInterpolation.Lanczos4: OpenCvWeights.Lanczos4(f, c); break;
                default:
                    c[0] = 1f - f;
                    c[1] = f;
                    break;
            }
            for (int k = 0; k < taps; k++)
            {
                int at = d * taps + k;
                t.Source[at] = Clamp(i - centre + k, inputs);
                t.Weight[at] = c[k];
                t.Fixed[at] = ToFixed(c[k]);
            }
        }
        return t;
    }

    /// <summary>INTER_LINEAR: <see cref="Interpolation"/> with the linear kernel, not in area mode.</summary>
    public static KernelTable Linear(int inputs, int outputs, bool horizontal) =>
        Interpolation(OpenCvInterpolation.Linear, inputs, outputs, horizontal, areaMode: false);

    /// <summary>
    /// INTER_AREA with s ≥ 1 (computeResizeAreaTab): the source cells an output covers with
    /// float32 weights (covered fraction / cell width), in OpenCV's order; rows padded at the end
    /// with zero-weight taps (index of the last real tap).
    /// </summary>
    public static KernelTable Area(int inputs, int outputs)
    {
        var entries = new List<(int Output, int Source, float Weight)>();
        var count = new int[outputs];
        double s = SourceStep(inputs, outputs);
        for (int d = 0; d < outputs; d++)
        {
            double a = d * s;
            double b = a + s;
            double cell = Math.Min(s, inputs - a);
            int hi = (int)Math.Floor(b);
            int lo = (int)Math.Ceiling(a);
            hi = Math.Min(hi, inputs - 1);
            lo = Math.Min(lo, hi);
            if (lo - a > 1e-3)
            {
                entries.Add((d, lo - 1, (float)((lo - a) / cell)));
                count[d]++;
            }
            for (int j = lo; j < hi; j++)
            {
                entries.Add((d, j, (float)(1.0 / cell)));
                count[d]++;
            }
            if (b - hi > 1e-3)
            {
                entries.Add((d, hi, (float)(Math.Min(Math.Min(b - hi, 1.0), cell) / cell)));
                count[d]++;
            }
        }
        int taps = Math.Max(1, count.Max());
        var t = new KernelTable(outputs, inputs, taps);
        var filled = new int[outputs];
        foreach ((int output, int source, float weight) in entries)
        {
            int at = output * taps + filled[output]++;
            t.Source[at] = source;
            t.Weight[at] = weight;
        }
        for (int d = 0; d < outputs; d++)
        {
            int last = filled[d] > 0 ? t.Source[d * taps + filled[d] - 1] : 0;
            for (int k = filled[d]; k < taps; k++)
            {
                t.Source[d * taps + k] = last;
            }
        }
        return t;
    }

    private static int Clamp(long i, int n) => (int)Math.Clamp(i, 0, n - 1);

    // saturate_cast<short>(float): round half to even, then saturate.
    private static int ToFixed(float w) => (int)Math.Clamp(MathF.Round(w * FixedOne, MidpointRounding.ToEven), short.MinValue, short.MaxValue);
}
