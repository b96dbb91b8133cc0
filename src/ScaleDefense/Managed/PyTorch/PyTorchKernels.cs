using System.Buffers;

namespace ScaleDefense.Managed.PyTorch;

/// <summary>
/// PyTorch 1.13's CPU interpolation arithmetic in C#, one method per code path; mirrors
/// native/src/scaling/pytorch/pytorch_kernels.cpp operation for operation.
/// </summary>
internal static class PyTorchKernels
{
    /// <summary>'bilinear' (upsample_generic_Nd_kernel_impl; one channel: cpu_upsample_linear_channels_last).</summary>
    public static void Linear(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d,
                              KernelTable x, KernelTable y)
    {
        int channels = s.Channels;
        for (int dy = 0; dy < d.Height; dy++)
        {
            ReadOnlySpan<float> r0 = source.Slice(y.Source[2 * dy] * s.RowStride);
            ReadOnlySpan<float> r1 = source.Slice(y.Source[2 * dy + 1] * s.RowStride);
            float wy0 = (float)y.Weight[2 * dy];
            float wy1 = (float)y.Weight[2 * dy + 1];
            Span<float> output = destination.Slice(dy * d.RowStride);
            for (int dx = 0; dx < d.Width; dx++)
            {
                int i0 = x.Source[2 * dx] * channels;
                int i1 = x.Source[2 * dx + 1] * channels;
                float wx0 = (float)x.Weight[2 * dx];
                float wx1 = (float)x.Weight[2 * dx + 1];
                if (channels == 1)
                {
                    // Products of two float32 values are exact in double; the sum is rounded once.
                    double w00 = wy0 * wx0, w01 = wy0 * wx1, w10 = wy1 * wx0, w11 = wy1 * wx1;
                    double sum = w00 * r0[i0] + w01 * r0[i1] + w10 * r1[i0] + w11 * r1[i1];
                    output[dx] = (float)sum;
                    continue;
                }
                for (int c = 0; c < channels; c++)
                {
                    float top = PairSum(r0[i0 + c], wx0, r0[i1 + c], wx1);
                    float bottom = PairSum(r1[i0 + c], wx0, r1[i1 + c], wx1);
                    output[dx * channels + c] = PairSum(top, wy0, bottom, wy1);
                }
            }
        }
    }

    /// <summary>'bicubic' (upsample_generic_Nd_kernel_impl with HelperInterpCubic): 4x4 taps.</summary>
    public static void Cubic(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d,
                             KernelTable x, KernelTable y)
    {
        int channels = s.Channels;
        Span<int> rows = stackalloc int[4];
        Span<float> wy = stackalloc float[4];
        Span<int> col = stackalloc int[4];
        Span<float> wx = stackalloc float[4];
        Span<float> v = stackalloc float[4];
        Span<float> t = stackalloc float[4];
        for (int dy = 0; dy < d.Height; dy++)
        {
            for (int k = 0; k < 4; k++)
            {
                rows[k] = y.Source[4 * dy + k] * s.RowStride;
                wy[k] = (float)y.Weight[4 * dy + k];
            }
            Span<float> output = destination.Slice(dy * d.RowStride);
            for (int dx = 0; dx < d.Width; dx++)
            {
                for (int j = 0; j < 4; j++)
                {
                    col[j] = x.Source[4 * dx + j] * channels;
                    wx[j] = (float)x.Weight[4 * dx + j];
                }
                for (int c = 0; c < channels; c++)
                {
                    for (int k = 0; k < 4; k++)
                    {
                        for (int j = 0; j < 4; j++)
                        {
                            v[j] = source[rows[k] + col[j] + c];
                        }
                        t[k] = QuadSum(v, wx);
                    }
                    output[dx * channels + c] = QuadSum(t, wy);
                }
            }
        }
    }

    /// <summary>antialias=True (separable_upsample_generic_Nd_kernel_impl): width pass, then height pass.</summary>
    public static void Separable(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d,
                                 (KernelTable Table, int[] Count) x, (KernelTable Table, int[] Count) y)
    {
        int channels = s.Channels;
        bool horizontal = s.Width != d.Width;
        bool vertical = s.Height != d.Height;
        if (!horizontal && !vertical)
        {
            ImageOps.Copy(source, s, destination, d);
            return;
        }
        if (!horizontal)
        {
            Vertical(source, s.RowStride, destination, d, y);
            return;
        }
        if (!vertical)
        {
            Horizontal(source, s, destination, d.RowStride, d.Width, x);
            return;
        }
        int middleStride = d.Width * channels;
        float[] buffer = ArrayPool<float>.Shared.Rent(s.Height * middleStride);
        try
        {
            Horizontal(source, s, buffer, middleStride, d.Width, x);
            Vertical(buffer, middleStride, destination, d, y);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <summary>'area' (cpu_adaptive_avg_pool): float32 window sum, then f32(f32(sum / kh) / kw).</summary>
    public static void Area(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d,
                            (int[] Start, int[] End, int Widest) x, (int[] Start, int[] End, int Widest) y)
    {
        int channels = s.Channels;
        for (int dy = 0; dy < d.Height; dy++)
        {
            Span<float> output = destination.Slice(dy * d.RowStride);
            float kh = (float)(y.End[dy] - y.Start[dy]);
            for (int dx = 0; dx < d.Width; dx++)
            {
                float kw = (float)(x.End[dx] - x.Start[dx]);
                for (int c = 0; c < channels; c++)
                {
                    float sum = 0.0f;
                    for (int sy = y.Start[dy]; sy < y.End[dy]; sy++)
                    {
                        ReadOnlySpan<float> input = source.Slice(sy * s.RowStride);
                        for (int sx = x.Start[dx]; sx < x.End[dx]; sx++)
                        {
                            sum += input[sx * channels + c];
                        }
                    }
                    float perRow = sum / kh;
                    output[dx * channels + c] = perRow / kw;
                }
            }
        }
    }

    private static void Horizontal(ReadOnlySpan<float> source, ImageLayout s, Span<float> into, int intoStride, int width,
                                   (KernelTable Table, int[] Count) x)
    {
        int channels = s.Channels;
        for (int r = 0; r < s.Height; r++)
        {
            ReadOnlySpan<float> input = source.Slice(r * s.RowStride);
            Span<float> output = into.Slice(r * intoStride);
            for (int dx = 0; dx < width; dx++)
            {
                for (int c = 0; c < channels; c++)
                {
                    output[dx * channels + c] = AaSum(input.Slice(c), channels, x, dx);
                }
            }
        }
    }

    private static void Vertical(ReadOnlySpan<float> source, int sourceStride, Span<float> destination, ImageLayout d,
                                 (KernelTable Table, int[] Count) y)
    {
        int n = d.Width * d.Channels;
        for (int dy = 0; dy < d.Height; dy++)
        {
            Span<float> output = destination.Slice(dy * d.RowStride);
            for (int e = 0; e < n; e++)
            {
                output[e] = AaSum(source.Slice(e), sourceStride, y, dy);
            }
        }
    }

    // One antialiased sample as the AVX2 build compiles interpolate_aa_single_dim: t = x0 w0, the
    // first 4 floor((count - 1) / 4) terms as rounded products added in order (the vectorised
    // part), the rest fused multiply-adds (the scalar tail). Padding taps are not summed.
    private static float AaSum(ReadOnlySpan<float> line, int step, (KernelTable Table, int[] Count) a, int output)
    {
        KernelTable t = a.Table;
        int count = a.Count[output];
        int blocked = 4 * ((count - 1) / 4);
        int at = output * t.Taps;
        float s = line[t.Source[at] * step] * (float)t.Weight[at];
        for (int j = 1; j < count; j++)
        {
            float x = line[t.Source[at + j] * step];
            if (j <= blocked)
            {
                float product = x * (float)t.Weight[at + j];
                s += product;
            }
            else
            {
                s = MathF.FusedMultiplyAdd(x, (float)t.Weight[at + j], s);
            }
        }
        return s;
    }

    // `t0 * w0 + t1 * w1` as the AVX2 build contracts it.
    private static float PairSum(float t0, float w0, float t1, float w1)
    {
        float b = t1 * w1;
        return MathF.FusedMultiplyAdd(t0, w0, b);
    }

    // `t0 w0 + t1 w1 + t2 w2 + t3 w3` as the AVX2 build contracts it.
    private static float QuadSum(ReadOnlySpan<float> t, ReadOnlySpan<float> w)
    {
        float b = t[1] * w[1];
        float s = MathF.FusedMultiplyAdd(t[0], w[0], b);
        s = MathF.FusedMultiplyAdd(t[2], w[2], s);
        return MathF.FusedMultiplyAdd(t[3], w[3], s);
    }
}
