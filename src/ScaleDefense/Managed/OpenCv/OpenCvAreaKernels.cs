namespace ScaleDefense.Managed.OpenCv;

/// <summary>
/// INTER_AREA for s_x ≥ 1 and s_y ≥ 1 (resize.cpp: resizeAreaFast_, ResizeArea_Invoker), compiled
/// once per sample type; mirrors opencv_area_kernels.cpp operation for operation.
/// </summary>
internal static class OpenCvAreaKernels
{
    /// <summary>resizeAreaFast_ for integer ratios (not both 2): saturate(fl32(block sum) · fl32(1/(kx·ky))).</summary>
    public static void Block<T, TArithmetic>(ReadOnlySpan<T> source, ImageLayout s, Span<T> destination, ImageLayout d, int kx, int ky)
        where T : unmanaged
        where TArithmetic : struct, IOpenCvAreaArithmetic<T>
    {
        int channels = s.Channels;
        int area = kx * ky;
        float scale = 1f / area;
        var block = new T[area];
        for (int dy = 0; dy < d.Height; dy++)
        {
            Span<T> output = destination.Slice(dy * d.RowStride);
            for (int dx = 0; dx < d.Width; dx++)
            {
                for (int c = 0; c < channels; c++)
                {
                    ReadOnlySpan<T> corner = source.Slice(dy * ky * s.RowStride + dx * kx * channels + c);
                    float sum = TArithmetic.BlockSum(corner, s.RowStride, channels, kx, ky, block);
                    output[dx * channels + c] = TArithmetic.Saturate(sum * scale);
                }
            }
        }
    }

    /// <summary>ResizeArea_Invoker: per listed source row a float32 row buffer, the weighted
    /// buffers of an output row added in table order, then saturated.</summary>
    public static void Table<T, TArithmetic>(ReadOnlySpan<T> source, ImageLayout s, Span<T> destination, ImageLayout d, KernelTable x, KernelTable y)
        where T : unmanaged
        where TArithmetic : struct, IOpenCvAreaArithmetic<T>
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
                    RowBuffer<T, TArithmetic>(source.Slice(y.Source[dy * y.Taps + j] * s.RowStride), s.Channels, x, buffer);
                    AddWeighted(sum, beta, buffer);
                }
            }
            Span<T> output = destination.Slice(dy * d.RowStride, n);
            for (int e = 0; e < n; e++)
            {
                output[e] = TArithmetic.Saturate(sum[e]);
            }
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

    private static void RowBuffer<T, TArithmetic>(ReadOnlySpan<T> row, int channels, KernelTable x, float[] buffer)
        where T : unmanaged
        where TArithmetic : struct, IOpenCvAreaArithmetic<T>
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
                    float product = TArithmetic.Widen(row[from + c]) * alpha;
                    buffer[dx * channels + c] += product;
                }
            }
        }
    }
}
