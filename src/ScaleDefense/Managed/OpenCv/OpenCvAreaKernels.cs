namespace ScaleDefense.Managed.OpenCv;

/// <summary>
/// INTER_AREA for s_x ≥ 1 and s_y ≥ 1 (resize.cpp: resizeAreaFast_, ResizeArea_Invoker);
/// mirrors opencv_area_kernels.cpp operation for operation.
/// </summary>
internal static class OpenCvAreaKernels
{
    /// <summary>resizeAreaFast_ for integer ratios (not both 2): rne(fl32(S) · fl32(1/(kx·ky))).</summary>
    public static void Block(ReadOnlySpan<byte> source, ImageLayout s, Span<byte> destination, ImageLayout d, int kx, int ky)
    {
        int channels = s.Channels;
        float scale = 1f / (kx * ky);
        for (int dy = 0; dy < d.Height; dy++)
        {
            Span<byte> output = destination.Slice(dy * d.RowStride);
            for (int dx = 0; dx < d.Width; dx++)
            {
                for (int c = 0; c < channels; c++)
                {
                    int sum = 0;
                    for (int sy = 0; sy < ky; sy++)
                    {
                        int at = (dy * ky + sy) * s.RowStride + dx * kx * channels + c;
                        for (int sx = 0; sx < kx; sx++)
                        {
                            sum += source[at + sx * channels];
                        }
                    }
                    output[dx * channels + c] = ToByte(sum * scale);
                }
            }
        }
    }

    /// <summary>resizeAreaFast_ on float32: the block (row-major) added in groups of four, then · 1/(kx·ky).</summary>
    public static void Block(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d, int kx, int ky)
    {
        int channels = s.Channels;
        int area = kx * ky;
        float scale = 1f / area;
        var block = new float[area];
        for (int dy = 0; dy < d.Height; dy++)
        {
            Span<float> output = destination.Slice(dy * d.RowStride);
            for (int dx = 0; dx < d.Width; dx++)
            {
                for (int c = 0; c < channels; c++)
                {
                    for (int sy = 0; sy < ky; sy++)
                    {
                        int at = (dy * ky + sy) * s.RowStride + dx * kx * channels + c;
                        for (int sx = 0; sx < kx; sx++)
                        {
                            block[sy * kx + sx] = source[at + sx * channels];
                        }
                    }
                    float sum = 0f;
                    int k = 0;
                    for (; k + 4 <= area; k += 4)
                    {
                        float group = ((block[k] + block[k + 1]) + block[k + 2]) + block[k + 3];
                        sum += group;
                    }
                    for (; k < area; k++)
                    {
                        sum += block[k];
                    }
                    output[dx * channels + c] = sum * scale;
                }
            }
        }
    }

    /// <summary>ResizeArea_Invoker: per listed source row a float32 row buffer, the weighted
    /// buffers of an output row added in table order, then rne and saturated.</summary>
    public static void Table(ReadOnlySpan<byte> source, ImageLayout s, Span<byte> destination, ImageLayout d, KernelTable x, KernelTable y)
    {
        int n = d.Width * d.Channels;
        var sum = new float[n];
        var buffer = new float[n];
        for (int dy = 0; dy < d.Height; dy++)
        {
            Array.Clear(sum);
            for (int j = 0; j < y.Taps; j++)
            {
                float beta = (float)y.Weight[dy * y.Taps + j];
                if (beta != 0f) // zero: padding
                {
                    RowBuffer(source.Slice(y.Source[dy * y.Taps + j] * s.RowStride), s.Channels, x, buffer);
                    AddWeighted(sum, beta, buffer);
                }
            }
            Span<byte> output = destination.Slice(dy * d.RowStride, n);
            for (int e = 0; e < n; e++)
            {
                output[e] = ToByte(sum[e]);
            }
        }
    }

    /// <summary>ResizeArea_Invoker on float32: as the 8-bit one without the final rounding.</summary>
    public static void Table(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d, KernelTable x, KernelTable y)
    {
        int n = d.Width * d.Channels;
        var sum = new float[n];
        var buffer = new float[n];
        for (int dy = 0; dy < d.Height; dy++)
        {
            Array.Clear(sum);
            for (int j = 0; j < y.Taps; j++)
            {
                float beta = (float)y.Weight[dy * y.Taps + j];
                if (beta != 0f) // zero: padding
                {
                    RowBuffer(source.Slice(y.Source[dy * y.Taps + j] * s.RowStride), s.Channels, x, buffer);
                    AddWeighted(sum, beta, buffer);
                }
            }
            sum.AsSpan().CopyTo(destination.Slice(dy * d.RowStride, n));
        }
    }

    private static void AddWeighted(float[] sum, float beta, float[] buffer)
    {
        for (int e = 0; e < sum.Length; e++)
        {
            float product = beta * buffer[e];
            sum[e] += product;
        }
    }

    private static void RowBuffer(ReadOnlySpan<byte> row, int channels, KernelTable x, float[] buffer)
    {
        Array.Clear(buffer);
        for (int dx = 0; dx < x.Outputs; dx++)
        {
            for (int k = 0; k < x.Taps; k++)
            {
                float alpha = (float)x.Weight[dx * x.Taps + k];
                if (alpha == 0f)
                {
                    continue;
                }
                int from = x.Source[dx * x.Taps + k] * channels;
                for (int c = 0; c < channels; c++)
                {
                    float product = row[from + c] * alpha;
                    buffer[dx * channels + c] += product;
                }
            }
        }
    }

    private static void RowBuffer(ReadOnlySpan<float> row, int channels, KernelTable x, float[] buffer)
    {
        Array.Clear(buffer);
        for (int dx = 0; dx < x.Outputs; dx++)
        {
            for (int k = 0; k < x.Taps; k++)
            {
                float alpha = (float)x.Weight[dx * x.Taps + k];
                if (alpha == 0f)
                {
                    continue;
                }
                int from = x.Source[dx * x.Taps + k] * channels;
                for (int c = 0; c < channels; c++)
                {
                    float product = row[from + c] * alpha;
                    buffer[dx * channels + c] += product;
                }
            }
        }
    }

    // saturate_cast<uchar>(float): round half to even, then clamp.
    private static byte ToByte(float v) => (byte)Math.Clamp(MathF.Round(v, MidpointRounding.ToEven), 0f, 255f);
}
