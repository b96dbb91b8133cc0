namespace ScaleDefense.Managed.Skia;

/// <summary>SkiaSharp 3.119's raster-pipeline arithmetic on 8-bit images (as native/src/scaling/skia/skia_kernels.cpp).</summary>
internal static class SkiaKernels
{
    /// <summary>lowp bilerp_clamp_8888: Q15 lerps of v &lt;&lt; 7 along x (halved with rounding), then along y, then (sum + 128) &gt;&gt; 8.</summary>
    public static void Linear(ReadOnlySpan<byte> source, ImageLayout s, Span<byte> destination, ImageLayout d,
                              (KernelTable Table, short[] Lerp) x, (KernelTable Table, short[] Lerp) y)
    {
        int channels = s.Channels;
        for (int dy = 0; dy < d.Height; dy++)
        {
            ReadOnlySpan<byte> top = source.Slice(y.Table.Source[2 * dy] * s.RowStride);
            ReadOnlySpan<byte> bottom = source.Slice(y.Table.Source[2 * dy + 1] * s.RowStride);
            int lerpY = y.Lerp[dy];
            Span<byte> output = destination.Slice(dy * d.RowStride);
            for (int dx = 0; dx < d.Width; dx++)
            {
                int left = x.Table.Source[2 * dx] * channels;
                int right = x.Table.Source[2 * dx + 1] * channels;
                int lerpX = x.Lerp[dx];
                for (int c = 0; c < channels; c++)
                {
                    int upper = LerpRow(top[left + c], top[right + c], lerpX);
                    int lower = LerpRow(bottom[left + c], bottom[right + c], lerpX);
                    output[dx * channels + c] = (byte)((Q15Multiply(lerpY, lower - upper) + lower + upper + 128) >> 8);
                }
            }
        }
    }

    /// <summary>highp bicubic_clamp_8888: float sums of (wx · wy) · (v · 1/255), clamp_gamut, round v · 255 half to even.</summary>
    public static void Cubic(ReadOnlySpan<byte> source, ImageLayout s, Span<byte> destination, ImageLayout d, KernelTable x, KernelTable y)
    {
        int channels = s.Channels;
        bool hasAlpha = channels == 4;
        Span<float> sum = stackalloc float[4];
        for (int dy = 0; dy < d.Height; dy++)
        {
            Span<byte> output = destination.Slice(dy * d.RowStride);
            for (int dx = 0; dx < d.Width; dx++)
            {
                sum.Clear();
                for (int j = 0; j < 4; j++)
                {
                    ReadOnlySpan<byte> row = source.Slice(y.Source[4 * dy + j] * s.RowStride);
                    float wy = (float)y.Weight[4 * dy + j];
                    for (int i = 0; i < 4; i++)
                    {
                        float scale = (float)x.Weight[4 * dx + i] * wy;
                        int pixel = x.Source[4 * dx + i] * channels;
                        for (int c = 0; c < channels; c++)
                        {
                            float v = row[pixel + c] * (1 / 255.0f);
                            sum[c] = sum[c] + scale * v;
                        }
                    }
                }
                float alpha = hasAlpha ? Math.Min(Math.Max(sum[3], 0f), 1f) : 1f;
                for (int c = 0; c < channels; c++)
                {
                    float limit = hasAlpha && c < 3 ? alpha : 1f;
                    float v = hasAlpha && c == 3 ? alpha : Math.Min(Math.Max(sum[c], 0f), limit);
                    output[dx * channels + c] = (byte)MathF.Round(v * 255f, MidpointRounding.ToEven);
                }
            }
        }
    }

    /// <summary>SKMipmapMode.Linear (highp): each level sampled, (lower − upper) · weight + upper, clamped, v · 255 rounded half to even. <paramref name="lowerPixels"/> may be null.</summary>
    public static void MipLinear(byte[] upperPixels, ImageLayout upperLayout, KernelTable upperX, KernelTable upperY,
                                 byte[]? lowerPixels, ImageLayout lowerLayout, KernelTable? lowerX, KernelTable? lowerY,
                                 float weight, Span<byte> destination, ImageLayout d)
    {
        int channels = d.Channels;
        Span<float> a = stackalloc float[4];
        Span<float> b = stackalloc float[4];
        for (int dy = 0; dy < d.Height; dy++)
        {
            Span<byte> output = destination.Slice(dy * d.RowStride);
            for (int dx = 0; dx < d.Width; dx++)
            {
                SampleLevel(upperPixels, upperLayout, upperX, upperY, dx, dy, a);
                if (lowerPixels is not null)
                {
                    SampleLevel(lowerPixels, lowerLayout, lowerX!, lowerY!, dx, dy, b);
                    for (int c = 0; c < channels; c++)
                    {
                        a[c] = (b[c] - a[c]) * weight + a[c];
                    }
                }
                for (int c = 0; c < channels; c++)
                {
                    float v = Math.Min(Math.Max(a[c], 0f), 1f);
                    output[dx * channels + c] = (byte)MathF.Round(v * 255f, MidpointRounding.ToEven);
                }
            }
        }
    }

    // One highp sample of a level: the sum of (wx · wy) · (v · 1/255), rows outside, columns inside.
    private static void SampleLevel(ReadOnlySpan<byte> pixels, ImageLayout layout, KernelTable x, KernelTable y, int dx, int dy, Span<float> sum)
    {
        int channels = layout.Channels;
        sum.Clear();
        for (int j = 0; j < y.Taps; j++)
        {
            ReadOnlySpan<byte> row = pixels.Slice(y.Source[dy * y.Taps + j] * layout.RowStride);
            float wy = (float)y.Weight[dy * y.Taps + j];
            for (int i = 0; i < x.Taps; i++)
            {
                float scale = (float)x.Weight[dx * x.Taps + i] * wy;
                int pixel = x.Source[dx * x.Taps + i] * channels;
                for (int c = 0; c < channels; c++)
                {
                    sum[c] = sum[c] + scale * (row[pixel + c] * (1 / 255.0f));
                }
            }
        }
    }

    // The lowp q_mult: a rounding, saturating Q15 product.
    private static int Q15Multiply(int a, int b) => (int)Math.Clamp(((long)a * b + (1 << 14)) >> 15, -32768, 32767);

    private static int LerpRow(int left, int right, int lerp) =>
        (Q15Multiply(lerp, (right - left) * 128) + (right + left) * 128 + 1) >> 1;
}
