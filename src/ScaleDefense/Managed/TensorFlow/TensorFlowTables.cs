namespace ScaleDefense.Managed.TensorFlow;

/// <summary>TensorFlow's sampling kernels of ScaleAndTranslate (sampling_kernels.h).</summary>
internal enum SpanKernel { Triangle, KeysCubic, Lanczos3, Lanczos5, Gaussian, MitchellCubic }

/// <summary>
/// One axis of a TensorFlow resize: the taps exactly as the op applies them (clamped index,
/// float32 weight stored as double) and how many taps of each output the op visits.
/// </summary>
internal sealed class AxisTable(KernelTable taps, int[] count)
{
    public KernelTable Taps { get; } = taps;

    public int[] Count { get; } = count;

    public int Index(int output, int tap) => Taps.Source[output * Taps.Taps + tap];

    public float Weight(int output, int tap) => (float)Taps.Weight[output * Taps.Taps + tap];
}

/// <summary>
/// TensorFlow's per-axis tables in its float32 arithmetic; mirrors
/// native/src/scaling/tensorflow/tensorflow_tables.cpp operation for operation.
/// </summary>
internal static class TensorFlowTables
{
    private const int TableSize = 1024;
    private const float FloatMin = 1.17549435E-38f; // FLT_MIN, std::numeric_limits<float>::min()
    private static readonly float[] KeysCoefficients = BuildBicubicCoefficients(-0.5f);
    private static readonly float[] LegacyCoefficients = BuildBicubicCoefficients(-0.75f);

    /// <summary>image_resizer_state.h: CalculateResizeScale (align_corners=False): fl(n) / fl(m).</summary>
    public static float ResizeScale(int inputs, int outputs) => (float)inputs / outputs;

    /// <summary>resize_bicubic_op.cc: InitCoeffsTable: entry 2k is W(k/1024), 2k+1 is W(1 + k/1024).</summary>
    public static float[] BicubicCoefficients(bool keys) => keys ? KeysCoefficients : LegacyCoefficients;

    /// <summary>resize_nearest_neighbor_op.cc: LegacyScaler floor(p*b) or HalfPixelScalerForNN max(0, floor((p+0.5)*b)), min n-1.</summary>
    public static AxisTable Nearest(int inputs, int outputs, bool halfPixel)
    {
        AxisTable t = Make(inputs, outputs, 1);
        float scale = ResizeScale(inputs, outputs);
        for (int p = 0; p < outputs; p++)
        {
            float x = halfPixel ? ((float)p + 0.5f) * scale : (float)p * scale;
            long i = Math.Min((long)MathF.Floor(x), inputs - 1);
            if (halfPixel)
            {
                i = Math.Max(0, i);
            }
            t.Taps.Source[p] = (int)i;
            t.Taps.Weight[p] = 1.0;
        }
        return t;
    }

    /// <summary>resize_bilinear_op.cc: compute_interpolation_weights; weights (1 - lerp, lerp).</summary>
    public static AxisTable Bilinear(int inputs, int outputs, bool halfPixel)
    {
        AxisTable t = Make(inputs, outputs, 2);
        float scale = ResizeScale(inputs, outputs);
        for (int p = 0; p < outputs; p++)
        {
            float position = ScaledPosition(p, scale, halfPixel);
            float floor = MathF.Floor(position);
            long lower = Math.Min(Math.Max((long)floor, 0), inputs - 1);
            long upper = Math.Min((long)MathF.Ceiling(position), inputs - 1);
            float lerp = position - floor;
            t.Taps.Source[2 * p] = (int)lower;
            t.Taps.Source[2 * p + 1] = (int)upper;
            t.Taps.Weight[2 * p] = 1.0 - lerp;
            t.Taps.Weight[2 * p + 1] = lerp;
        }
        return t;
    }

    /// <summary>resize_bicubic_op.cc: GetWeightsAndIndices (TF1 clamped a = -0.75; TF2 Keys, dropped taps renormalised).</summary>
    public static AxisTable Bicubic(int inputs, int outputs, bool halfPixel)
    {
        AxisTable t = Make(inputs, outputs, 4);
        float scale = ResizeScale(inputs, outputs);
        float[] coeffs = BicubicCoefficients(halfPixel);
        Span<float> w = stackalloc float[4];
        Span<long> index = stackalloc long[4];
        for (int p = 0; p < outputs; p++)
        {
            float position = ScaledPosition(p, scale, halfPixel);
            long inLoc = (long)MathF.Floor(position);
            float delta = position - inLoc;
            long offset = (long)MathF.Round(delta * TableSize, MidpointRounding.ToEven); // lrintf
            w[0] = coeffs[offset * 2 + 1];
            w[1] = coeffs[offset * 2];
            w[2] = coeffs[(TableSize - offset) * 2];
            w[3] = coeffs[(TableSize - offset) * 2 + 1];
            for (int k = 0; k < 4; k++)
            {
                index[k] = Bound(inLoc - 1 + k, inputs);
            }
            if (halfPixel)
            {
                for (int k = 0; k < 4; k++)
                {
                    if (index[k] != inLoc - 1 + k)
                    {
                        w[k] = 0.0f;
                    }
                }
                float sum = w[0] + w[1] + w[2] + w[3];
                if (MathF.Abs(sum) >= 1000.0f * FloatMin)
                {
                    float oneOverSum = 1.0f / sum;
                    for (int k = 0; k < 4; k++)
                    {
                        w[k] *= oneOverSum;
                    }
                }
            }
            for (int k = 0; k < 4; k++)
            {
                t.Taps.Source[4 * p + k] = (int)index[k];
                t.Taps.Weight[4 * p + k] = w[k];
            }
        }
        return t;
    }

    /// <summary>resize_area_op.cc: coverage of [p*b, (p+1)*b) per source pixel (x_interps, y_scales).</summary>
    public static AxisTable Area(int inputs, int outputs)
    {
        float scale = ResizeScale(inputs, outputs);
        var starts = new long[outputs];
        var ends = new long[outputs];
        int taps = 1;
        for (int p = 0; p < outputs; p++)
        {
            float a = (float)p * scale;
            float b = (float)(p + 1) * scale;
            starts[p] = (long)MathF.Floor(a);
            ends[p] = (long)MathF.Ceiling(b);
            taps = Math.Max(taps, (int)(ends[p] - starts[p]));
        }
        AxisTable t = Make(inputs, outputs, taps);
        for (int p = 0; p < outputs; p++)
        {
            float a = (float)p * scale;
            float b = (float)(p + 1) * scale;
            t.Count[p] = (int)(ends[p] - starts[p]);
            for (int k = 0; k < taps; k++)
            {
                long i = starts[p] + k;
                bool used = k < t.Count[p];
                t.Taps.Source[p * taps + k] = (int)Bound(used ? i : ends[p] - 1, inputs);
                t.Taps.Weight[p * taps + k] = used ? AreaWeight(i, a, b, scale) : 0.0f;
            }
        }
        return t;
    }

    /// <summary>sampling_kernels.h: Radius().</summary>
    public static float SpanKernelRadius(SpanKernel kernel) => kernel switch
    {
        SpanKernel.Triangle => 1.0f,
        SpanKernel.KeysCubic => 2.0f,
        SpanKernel.Lanczos3 => 3.0f,
        SpanKernel.Lanczos5 => 5.0f,
        SpanKernel.Gaussian => 1.5f,
        _ => 2.0f,
    };

    /// <summary>sampling_kernels.h: the kernel functions in float32 (Gaussian's exponent in double).</summary>
    public static float SpanKernelValue(SpanKernel kernel, float x)
    {
        x = MathF.Abs(x);
        switch (kernel)
        {
            case SpanKernel.Triangle:
                return x < 1.0f ? 1.0f - x : 0.0f;
            case SpanKernel.KeysCubic:
                if (x >= 2.0f)
                {
                    return 0.0f;
                }
                return x >= 1.0f ? ((-0.5f * x + 2.5f) * x - 4.0f) * x + 2.0f : ((1.5f * x - 2.5f) * x) * x + 1.0f;
            case SpanKernel.Lanczos3:
            case SpanKernel.Lanczos5:
            {
                float radius = SpanKernelRadius(kernel);
                const float Pi = 3.14159265359f;
                if (x > radius)
                {
                    return 0.0f;
                }
                if ((double)x <= 1e-3)
                {
                    return 1.0f;
                }
                float px = Pi * x;
                float num = radius * MathF.Sin(px) * MathF.Sin(px / radius);
                float den = Pi * Pi * x * x;
                return num / den;
            }
            case SpanKernel.Gaussian:
            {
                const float Radius = 1.5f;
                float sigma = Radius / 3.0f;
                if (x >= Radius)
                {
                    return 0.0f;
                }
                float minusSquare = -x * x;
                return (float)Math.Exp(minusSquare / (2.0 * sigma * sigma));
            }
            default:
                if (x >= 2.0f)
                {
                    return 0.0f;
                }
                return x >= 1.0f
                    ? (((-7.0f / 18.0f) * x + 2.0f) * x - 10.0f / 3.0f) * x + 16.0f / 9.0f
                    : (((7.0f / 6.0f) * x - 2.0f) * x) * x + 8.0f / 9.0f;
        }
    }

    /// <summary>ComputeSpansCore's inv_scale: fl(1.0 / (fl(m) / fl(n))), division in double.</summary>
    public static float SpanInverseScale(int inputs, int outputs)
    {
        float scale = (float)outputs / inputs;
        return (float)(1.0 / scale);
    }

    /// <summary>scale_and_translate_op.cc: ComputeSpansCore with translation 0.</summary>
    public static AxisTable Spans(int inputs, int outputs, SpanKernel kernel, bool antialias)
    {
        float invScale = SpanInverseScale(inputs, outputs);
        float kernelScale = antialias ? MathF.Max(invScale, 1.0f) : 1.0f;
        float reach = SpanKernelRadius(kernel) * kernelScale;
        int spanSize = Math.Min(2 * (int)MathF.Ceiling(reach) + 1, inputs);
        float oneOverKernelScale = 1.0f / kernelScale;
        AxisTable t = Make(inputs, outputs, spanSize);
        var weights = new List<float>(spanSize);
        for (int p = 0; p < outputs; p++)
        {
            float colF = (float)p + 0.5f;
            float sampleF = colF * invScale;
            long start = 0;
            weights.Clear();
            if (!(sampleF < 0 || sampleF > inputs))
            {
                float low = sampleF - reach;
                float high = sampleF + reach;
                long spanStart = Math.Clamp((long)MathF.Ceiling(low - 0.5f), 0, inputs - 1);
                long spanEnd = Math.Clamp((long)MathF.Floor(high - 0.5f), 0, inputs - 1) + 1;
                float total = 0.0f;
                for (long j = spanStart; j < spanEnd; j++)
                {
                    float kernelPos = (float)j + 0.5f - sampleF;
                    float w = SpanKernelValue(kernel, MathF.Abs(kernelPos * oneOverKernelScale));
                    total += w;
                    weights.Add(w);
                }
                if (MathF.Abs(total) >= 1000.0f * FloatMin)
                {
                    float oneOverTotal = 1.0f / total;
                    for (int k = 0; k < weights.Count; k++)
                    {
                        weights[k] *= oneOverTotal;
                    }
                }
                else
                {
                    for (int k = 0; k < weights.Count; k++)
                    {
                        weights[k] = 0.0f;
                    }
                }
                start = spanStart;
            }
            t.Count[p] = (int)(Math.Min(start + spanSize, inputs) - start);
            for (int k = 0; k < spanSize; k++)
            {
                t.Taps.Source[p * spanSize + k] = (int)Math.Min(start + k, inputs - 1);
                t.Taps.Weight[p * spanSize + k] = k < weights.Count ? weights[k] : 0.0f;
            }
        }
        return t;
    }

    private static AxisTable Make(int inputs, int outputs, int taps)
    {
        var count = new int[outputs];
        Array.Fill(count, taps);
        return new AxisTable(new KernelTable(outputs, inputs, taps), count);
    }

    private static long Bound(long value, int limit) => Math.Min(limit - 1, Math.Max(0, value));

    private static float ScaledPosition(int p, float scale, bool halfPixel)
    {
        if (!halfPixel)
        {
            return (float)p * scale;
        }
        float centre = ((float)p + 0.5f) * scale;
        return centre - 0.5f;
    }

    private static float AreaWeight(long i, float a, float b, float scale)
    {
        if ((float)i < a)
        {
            return (float)(i + 1) > b ? scale : (float)(i + 1) - a;
        }
        return (float)(i + 1) > b ? b - (float)i : 1.0f;
    }

    private static float[] BuildBicubicCoefficients(double a)
    {
        var table = new float[(TableSize + 1) * 2];
        for (int i = 0; i <= TableSize; i++)
        {
            float x = (float)(i * 1.0 / TableSize);
            double xd = x;
            table[i * 2] = (float)((((a + 2) * xd) - (a + 3)) * xd * xd + 1);
            x = (float)(x + 1.0);
            double x1 = x;
            table[i * 2 + 1] = (float)((((a * x1) - (5 * a)) * x1 + (8 * a)) * x1 - (4 * a));
        }
        return table;
    }
}
