namespace ScaleDefense.Managed.OpenCv;

/// <summary>
/// OpenCV's resize arithmetic in C#, one method per code path; mirrors
/// native/src/scaling/opencv/opencv_kernels.cpp operation for operation.
/// </summary>
internal static class OpenCvKernels
{
    public static void Linear(ReadOnlySpan<byte> source, ImageLayout s, Span<byte> destination, ImageLayout d,
                              KernelTable x, KernelTable y)
    {
        int n = d.Width * d.Channels;
        var rows = new RowPair<int>(n);
        try
        {
            for (int dy = 0; dy < d.Height; dy++)
            {
                ReadOnlySpan<int> h0 = Row(ref rows, source, s, x, y.Source[2 * dy]);
                ReadOnlySpan<int> h1 = Row(ref rows, source, s, x, y.Source[2 * dy + 1]);
                int q0 = y.Fixed[2 * dy];
                int q1 = y.Fixed[2 * dy + 1];
                Span<byte> output = destination.Slice(dy * d.RowStride, n);
                for (int e = 0; e < n; e++)
                {
                    // Each product keeps its high 16 bits (a SIMD multiply-high), so each term floors.
                    int t = ((q0 * (h0[e] >> 4)) >> 16) + ((q1 * (h1[e] >> 4)) >> 16);
                    output[e] = (byte)Math.Clamp((t + 2) >> 2, 0, 255);
                }
            }
        }
        finally
        {
            rows.Dispose();
        }
    }

    public static void Linear(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d,
                              KernelTable x, KernelTable y)
    {
        int n = d.Width * d.Channels;
        var rows = new RowPair<float>(n);
        try
        {
            for (int dy = 0; dy < d.Height; dy++)
            {
                ReadOnlySpan<float> h0 = Row(ref rows, source, s, x, y.Source[2 * dy]);
                ReadOnlySpan<float> h1 = Row(ref rows, source, s, x, y.Source[2 * dy + 1]);
                float v0 = (float)y.Weight[2 * dy];
                float v1 = (float)y.Weight[2 * dy + 1];
                Span<float> output = destination.Slice(dy * d.RowStride, n);
                for (int e = 0; e < n; e++)
                {
                    float a = h0[e] * v0;
                    float b = h1[e] * v1;
                    output[e] = a + b;
                }
            }
        }
        finally
        {
            rows.Dispose();
        }
    }

    public static void Area2x2(ReadOnlySpan<byte> source, ImageLayout s, Span<byte> destination, ImageLayout d)
    {
        int channels = s.Channels;
        bool halfUp = channels != 2; // channels 1, 3, 4 take a vector path that rounds half up
        for (int dy = 0; dy < d.Height; dy++)
        {
            ReadOnlySpan<byte> r0 = source.Slice(2 * dy * s.RowStride);
            ReadOnlySpan<byte> r1 = source.Slice((2 * dy + 1) * s.RowStride);
            Span<byte> output = destination.Slice(dy * d.RowStride);
            for (int dx = 0; dx < d.Width; dx++)
            {
                for (int c = 0; c < channels; c++)
                {
                    int a = 2 * dx * channels + c;
                    int b = a + channels;
                    int sum = r0[a] + r0[b] + r1[a] + r1[b];
                    output[dx * channels + c] = (byte)(halfUp ? (sum + 2) >> 2 : (int)MathF.Round(sum * 0.25f, MidpointRounding.ToEven));
                }
            }
        }
    }

    public static void Area2x2(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d)
    {
        int channels = s.Channels;
        // The vector path (1 channel: whole groups of 4 outputs; 4 channels: every pixel) adds the
        // two row pairs first; the scalar remainder adds the four values in row-major order.
        int vectorColumns = channels == 1 ? d.Width / 4 * 4 : channels == 4 ? d.Width : 0;
        for (int dy = 0; dy < d.Height; dy++)
        {
            ReadOnlySpan<float> r0 = source.Slice(2 * dy * s.RowStride);
            ReadOnlySpan<float> r1 = source.Slice((2 * dy + 1) * s.RowStride);
            Span<float> output = destination.Slice(dy * d.RowStride);
            for (int dx = 0; dx < d.Width; dx++)
            {
                for (int c = 0; c < channels; c++)
                {
                    int a = 2 * dx * channels + c;
                    int b = a + channels;
                    float sum;
                    if (dx < vectorColumns)
                    {
                        float top = r0[a] + r0[b];
                        float bottom = r1[a] + r1[b];
                        sum = top + bottom;
                    }
                    else
                    {
                        sum = ((r0[a] + r0[b]) + r1[a]) + r1[b];
                    }
                    output[dx * channels + c] = sum * 0.25f;
                }
            }
        }
    }

    private static ReadOnlySpan<int> Row(ref RowPair<int> rows, ReadOnlySpan<byte> source, ImageLayout s, KernelTable x, int sourceRow)
    {
        if (rows.TryGet(sourceRow, out int[] hit))
        {
            return hit;
        }
        int[] h = rows.Claim(sourceRow);
        ReadOnlySpan<byte> input = source.Slice(sourceRow * s.RowStride);
        int channels = s.Channels;
        for (int dx = 0; dx < x.Outputs; dx++)
        {
            int p0 = x.Source[2 * dx] * channels;
            int p1 = x.Source[2 * dx + 1] * channels;
            int w0 = x.Fixed[2 * dx];
            int w1 = x.Fixed[2 * dx + 1];
            for (int c = 0; c < channels; c++)
            {
                h[dx * channels + c] = input[p0 + c] * w0 + input[p1 + c] * w1;
            }
        }
        return h;
    }

    private static ReadOnlySpan<float> Row(ref RowPair<float> rows, ReadOnlySpan<float> source, ImageLayout s, KernelTable x, int sourceRow)
    {
        if (rows.TryGet(sourceRow, out float[] hit))
        {
            return hit;
        }
        float[] h = rows.Claim(sourceRow);
        ReadOnlySpan<float> input = source.Slice(sourceRow * s.RowStride);
        int channels = s.Channels;
        for (int dx = 0; dx < x.Outputs; dx++)
        {
            int p0 = x.Source[2 * dx] * channels;
            int p1 = x.Source[2 * dx + 1] * channels;
            float w0 = (float)x.Weight[2 * dx];
            float w1 = (float)x.Weight[2 * dx + 1];
            for (int c = 0; c < channels; c++)
            {
                float a = input[p0 + c] * w0;
                float b = input[p1 + c] * w1;
                h[dx * channels + c] = a + b;
            }
        }
        return h;
    }
}
