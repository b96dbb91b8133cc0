namespace ScaleDefense.Managed.PyTorch;

/// <summary>
/// Index and weight tables of PyTorch 1.13's F.interpolate on CPU (align_corners=False,
/// float32); mirrors native/src/scaling/pytorch/pytorch_tables.cpp rounding for rounding.
/// </summary>
internal static class PyTorchTables
{
    // Keys' cubic convolution, A = -0.75 (UpSample.h cubic_convolution1/2).
    private const float CubicA = -0.75f;

    /// <summary>UpSample.h area_pixel_compute_scale without scale_factor: f32(n) / f32(m) in float32.</summary>
    public static float ScaleValue(int inputs, int outputs) => (float)inputs / (float)outputs;

    /// <summary>'nearest' (nearest_idx): min(floor(f32(f32(i) s)), n - 1).</summary>
    public static KernelTable Nearest(int inputs, int outputs) =>
        OneTap(inputs, outputs, static (i, s) => (float)i * s);

    /// <summary>'nearest-exact' (area_pixel_compute_source_index, then nearest_exact_idx's + 0.5), in float32.</summary>
    public static KernelTable NearestExact(int inputs, int outputs) =>
        OneTap(inputs, outputs, static (i, s) =>
        {
            float centre = (float)(i + 0.5);
            float p = s * centre;
            float r = MathF.Max(p - 0.5f, 0.0f);
            return r + 0.5f;
        });

    /// <summary>'bilinear' without antialias (compute_source_index_and_lambda).</summary>
    public static KernelTable Linear(int inputs, int outputs)
    {
        float s = ScaleValue(inputs, outputs);
        var t = new KernelTable(outputs, inputs, 2);
        for (int i = 0; i < outputs; i++)
        {
            if (inputs == outputs)
            {
                Set(t, i, 0, i, 1.0);
                Set(t, i, 1, i, 0.0);
                continue;
            }
            double r = Math.Max((double)s * (i + 0.5) - 0.5, 0.0);
            int i0 = Math.Min((int)r, inputs - 1);
            int i1 = i0 + (i0 < inputs - 1 ? 1 : 0);
            float l1 = (float)(r - i0);
            float l0 = 1.0f - l1;
            Set(t, i, 0, i0, l0);
            Set(t, i, 1, i1, l1);
        }
        return t;
    }

    /// <summary>'bicubic' without antialias (HelperInterpCubic, get_cubic_upsample_coefficients).</summary>
    public static KernelTable Cubic(int inputs, int outputs)
    {
        float s = ScaleValue(inputs, outputs);
        var t = new KernelTable(outputs, inputs, 4);
        for (int i = 0; i < outputs; i++)
        {
            double r = (double)s * (i + 0.5) - 0.5; // not clamped for cubic
            double f = MathF.Floor((float)r);
            float x = (float)(r - f);
            float u = 1.0f - x;
            int first = (int)f - 1;
            Set(t, i, 0, Math.Clamp(first, 0, inputs - 1), CubicOuter(x + 1.0f));
            Set(t, i, 1, Math.Clamp(first + 1, 0, inputs - 1), CubicInner(x));
            Set(t, i, 2, Math.Clamp(first + 2, 0, inputs - 1), CubicInner(u));
            Set(t, i, 3, Math.Clamp(first + 3, 0, inputs - 1), CubicOuter(u + 1.0f));
        }
        return t;
    }

    /// <summary>Width of the antialias kernel's support in source pixels: 2 support = 2 h max(s, 1).</summary>
    public static double AntialiasWidth(int inputs, int outputs, bool cubic) =>
        2.0 * AntialiasSupport(ScaleValue(inputs, outputs), cubic);

    /// <summary>
    /// antialias=True (compute_indices_weights_aa, aa_filter); rows padded with zero-weight taps,
    /// Count the length of each output's own window (torch's ids_size).
    /// </summary>
    public static (KernelTable Table, int[] Count) Antialias(int inputs, int outputs, bool cubic)
    {
        float s = ScaleValue(inputs, outputs);
        float support = AntialiasSupport(s, cubic);
        float inv = s >= 1.0f ? 1.0f / s : 1.0f;
        var first = new int[outputs];
        var counts = new int[outputs];
        var weights = new float[outputs][];
        int widest = 1;
        for (int i = 0; i < outputs; i++)
        {
            float centre = (float)(s * (i + 0.5));
            int xmin = Math.Max((int)((double)(centre - support) + 0.5), 0);
            int xmax = Math.Min((int)((double)(centre + support) + 0.5), inputs);
            int count = Math.Max(xmax - xmin, 0);
            var w = new float[count];
            float total = 0.0f;
            for (int j = 0; j < count; j++)
            {
                float offset = (float)(xmin + j) - centre;
                float z = (float)((offset + 0.5) * inv);
                w[j] = cubic ? KeysHalfFilter(z) : TriangleFilter(z);
                total += w[j];
            }
            if (total != 0.0f)
            {
                for (int j = 0; j < count; j++)
                {
                    w[j] /= total;
                }
            }
            first[i] = xmin;
            counts[i] = count;
            weights[i] = w;
            widest = Math.Max(widest, count);
        }
        var t = new KernelTable(outputs, inputs, widest);
        for (int i = 0; i < outputs; i++)
        {
            int count = weights[i].Length;
            for (int j = 0; j < widest; j++)
            {
                // Padding taps repeat the window's last pixel with weight 0; the sums stop at the count.
                int source = Math.Min(first[i] + Math.Min(j, Math.Max(count - 1, 0)), inputs - 1);
                Set(t, i, j, source, j < count ? weights[i][j] : 0.0);
            }
        }
        return (t, counts);
    }

    /// <summary>'area' windows (AdaptiveAveragePooling.cpp start_index / end_index), float32 divisions.</summary>
    public static (int[] Start, int[] End, int Widest) AreaWindows(int inputs, int outputs)
    {
        var start = new int[outputs];
        var end = new int[outputs];
        int widest = 0;
        for (int i = 0; i < outputs; i++)
        {
            long a = (long)i * inputs;
            long b = a + inputs;
            start[i] = (int)MathF.Floor((float)a / (float)outputs);
            end[i] = (int)MathF.Ceiling((float)b / (float)outputs);
            widest = Math.Max(widest, end[i] - start[i]);
        }
        return (start, end, widest);
    }

    /// <summary>The matrix form of 'area': weights 1 / window, padded to the widest window.</summary>
    public static KernelTable Area(int inputs, int outputs)
    {
        (int[] start, int[] end, int widest) = AreaWindows(inputs, outputs);
        var t = new KernelTable(outputs, inputs, widest);
        for (int i = 0; i < outputs; i++)
        {
            int k = end[i] - start[i];
            for (int j = 0; j < widest; j++)
            {
                Set(t, i, j, start[i] + Math.Min(j, k - 1), j < k ? 1.0 / k : 0.0);
            }
        }
        return t;
    }

    // Both nearest modes: output i reads min(floor(position(i, s)), n - 1), s the float32 scale.
    private static KernelTable OneTap(int inputs, int outputs, Func<int, float, float> position)
    {
        float s = ScaleValue(inputs, outputs);
        var t = new KernelTable(outputs, inputs, 1);
        for (int i = 0; i < outputs; i++)
        {
            Set(t, i, 0, Math.Min((int)MathF.Floor(position(i, s)), inputs - 1), 1.0);
        }
        return t;
    }

    // |z| <= 1: ((A + 2) z - (A + 3)) z z + 1, the first multiply-add fused (AVX2 build).
    private static float CubicInner(float z)
    {
        float p = MathF.FusedMultiplyAdd(CubicA + 2.0f, z, -(CubicA + 3.0f));
        float pz = p * z;
        float pzz = pz * z;
        return pzz + 1.0f;
    }

    // 1 <= |z| <= 2: ((A z - 5A) z + 8A) z - 4A, the first two multiply-adds fused.
    private static float CubicOuter(float z)
    {
        float p = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(CubicA, z, -5.0f * CubicA), z, 8.0f * CubicA);
        float pz = p * z;
        return pz - 4.0f * CubicA;
    }

    // aa_filter for bilinear: the triangle in float32.
    private static float TriangleFilter(float z)
    {
        if (z < 0.0f)
        {
            z = -z;
        }
        return z < 1.0f ? 1.0f - z : 0.0f;
    }

    // aa_filter for bicubic: Keys a = -0.5; inner piece in double, outer piece in float32 with fused multiply-adds.
    private static float KeysHalfFilter(float z)
    {
        const double a = -0.5;
        if (z < 0.0f)
        {
            z = -z;
        }
        if (z < 1.0f)
        {
            double x = z;
            return (float)(((a + 2.0) * x - (a + 3.0)) * x * x + 1.0);
        }
        if (z < 2.0f)
        {
            float p = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(z - 5.0f, z, 8.0f), z, -4.0f);
            return p * (float)a;
        }
        return 0.0f;
    }

    private static float AntialiasSupport(float s, bool cubic)
    {
        float h = cubic ? 2.0f : 1.0f;
        return s >= 1.0f ? h * s : h;
    }

    private static void Set(KernelTable t, int output, int tap, int source, double weight)
    {
        t.Source[output * t.Taps + tap] = source;
        t.Weight[output * t.Taps + tap] = weight;
    }
}
