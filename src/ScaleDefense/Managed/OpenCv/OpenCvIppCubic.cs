namespace ScaleDefense.Managed.OpenCv;

/// <summary>
/// INTER_CUBIC as OpenCV builds with Intel IPP run it (ippiResizeCubic, B = 0, C = 0.75, on
/// sources of at least 4×4 with 1, 3 or 4 channels); mirrors opencv_ipp_cubic.cpp operation for
/// operation. IPP is closed source: the arithmetic was recovered by experiments (docs/scalers/opencv.md).
/// </summary>
internal static class OpenCvIppCubic
{
    public static bool TakesSource(ImageSize source) => source.Width >= 4 && source.Height >= 4;

    public static bool TakesChannels(int channels) => channels is 1 or 3 or 4;

    /// <summary>x = (d + 0.5)·(n/n') − 0.5 in double, t = fl32(x − ⌊x⌋), u = t ⊕ 1 in float32,
    /// float32 weights fl32(Keys(−0.75)) at u, u − 1, 2 − u, 3 − u evaluated in double.</summary>
    public static KernelTable Table(int inputs, int outputs)
    {
        var table = new KernelTable(outputs, inputs, 4);
        double s = (double)inputs / outputs;
        Span<double> at = stackalloc double[4];
        for (int d = 0; d < outputs; d++)
        {
            double x = (d + 0.5) * s - 0.5;
            double i = Math.Floor(x);
            // The fraction in float32, then 1 + t in float32: two roundings (the second to 2^-23,
            // ties to even), which is what makes IPP's weights differ from fl32(Keys(t)).
            float fraction = (float)(x - i);
            float u = fraction + 1.0f;
            double t = u - 1.0f;
            at[0] = t + 1;
            at[1] = t;
            at[2] = 1 - t;
            at[3] = 2 - t;
            for (int k = 0; k < 4; k++)
            {
                table.Source[d * 4 + k] = (int)Math.Clamp(i - 1 + k, 0.0, inputs - 1);
                table.Weight[d * 4 + k] = (float)Keys(at[k]);
            }
        }
        return table;
    }

    public static void Resize<T>(ReadOnlySpan<T> source, ImageLayout s, Span<T> destination, ImageLayout d, KernelTable x, KernelTable y)
        where T : unmanaged
    {
        int n = d.Width * d.Channels;
        var window = new RowWindow<float>(4, n);
        var rows = new float[4][];
        Span<float> v = stackalloc float[4];
        try
        {
            for (int dy = 0; dy < d.Height; dy++)
            {
                for (int k = 0; k < 4; k++)
                {
                    int r = y.Source[dy * 4 + k];
                    v[k] = (float)y.Weight[dy * 4 + k];
                    if (!window.TryGet(r, out rows[k]))
                    {
                        rows[k] = window.Claim(r);
                        Horizontal(source.Slice(r * s.RowStride), s.Channels, x, rows[k]);
                    }
                }
                Span<T> output = destination.Slice(dy * d.RowStride, n);
                for (int e = 0; e < n; e++)
                {
                    float top = MathF.FusedMultiplyAdd(v[0], rows[0][e], v[1] * rows[1][e]);
                    float bottom = MathF.FusedMultiplyAdd(v[2], rows[2][e], v[3] * rows[3][e]);
                    output[e] = Store<T>(top + bottom);
                }
            }
        }
        finally
        {
            window.Dispose();
        }
    }

    private static double Keys(double x)
    {
        const double a = -0.75;
        x = Math.Abs(x);
        if (x < 1)
        {
            return ((a + 2) * x - (a + 3)) * x * x + 1;
        }
        return x < 2 ? ((a * x - 5 * a) * x + 8 * a) * x - 4 * a : 0;
    }

    // On whole groups of four outputs / after them: 1 channel pairs / left to right; 4 channels
    // fma(w2,p2, w0p0) + fma(w3,p3, w1p1) / (w0p0 + w2p2) + (w1p1 + w3p3); 3 channels a chain of
    // fused multiply-adds from w0·p0 everywhere.
    private static void Horizontal<T>(ReadOnlySpan<T> row, int channels, KernelTable x, float[] h)
        where T : unmanaged
    {
        int vectorEnd = x.Outputs / 4 * 4;
        for (int dx = 0; dx < x.Outputs; dx++)
        {
            int at = dx * 4;
            float w0 = (float)x.Weight[at], w1 = (float)x.Weight[at + 1], w2 = (float)x.Weight[at + 2], w3 = (float)x.Weight[at + 3];
            for (int c = 0; c < channels; c++)
            {
                float p0 = Load(row[x.Source[at] * channels + c]);
                float p1 = Load(row[x.Source[at + 1] * channels + c]);
                float p2 = Load(row[x.Source[at + 2] * channels + c]);
                float p3 = Load(row[x.Source[at + 3] * channels + c]);
                float t0 = w0 * p0, t1 = w1 * p1, t2 = w2 * p2, t3 = w3 * p3;
                bool vector = dx < vectorEnd;
                float sum = channels switch
                {
                    1 => vector ? (t0 + t1) + (t2 + t3) : ((t0 + t1) + t2) + t3,
                    4 => vector ? MathF.FusedMultiplyAdd(w2, p2, t0) + MathF.FusedMultiplyAdd(w3, p3, t1) : (t0 + t2) + (t1 + t3),
                    _ => MathF.FusedMultiplyAdd(w3, p3, MathF.FusedMultiplyAdd(w2, p2, MathF.FusedMultiplyAdd(w1, p1, t0))),
                };
                h[dx * channels + c] = sum;
            }
        }
    }

    private static float Load<T>(T value) where T : unmanaged =>
        typeof(T) == typeof(byte) ? (byte)(object)value : (float)(object)value;

    // 8-bit: round half to even, saturate; float32: as is.
    private static T Store<T>(float r) where T : unmanaged =>
        typeof(T) == typeof(byte)
            ? (T)(object)(byte)Math.Clamp(MathF.Round(r, MidpointRounding.ToEven), 0f, 255f)
            : (T)(object)r;
}
