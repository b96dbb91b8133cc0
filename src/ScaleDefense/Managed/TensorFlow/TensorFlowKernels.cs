using System.Buffers;

namespace ScaleDefense.Managed.TensorFlow;

/// <summary>
/// TensorFlow's CPU resize loops on float32 images, one method per op; mirrors
/// native/src/scaling/tensorflow/tensorflow_kernels.cpp operation for operation.
/// </summary>
internal static class TensorFlowKernels
{
    /// <summary>resize_nearest_neighbor_op.cc: ResizeNearestNeighbor&lt;CPUDevice&gt;, a one-tap gather.</summary>
    public static void Nearest(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d, AxisTable x, AxisTable y) =>
        ImageOps.Gather(source, s, destination, d, x.Taps, y.Taps);

    /// <summary>resize_bilinear_op.cc: resize_image / compute_lerp.</summary>
    public static void Bilinear(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d, AxisTable x, AxisTable y)
    {
        int channels = s.Channels;
        for (int dy = 0; dy < d.Height; dy++)
        {
            ReadOnlySpan<float> topRow = source.Slice(y.Index(dy, 0) * s.RowStride);
            ReadOnlySpan<float> bottomRow = source.Slice(y.Index(dy, 1) * s.RowStride);
            float yLerp = y.Weight(dy, 1);
            Span<float> output = destination.Slice(dy * d.RowStride);
            for (int dx = 0; dx < d.Width; dx++)
            {
                int left = x.Index(dx, 0) * channels;
                int right = x.Index(dx, 1) * channels;
                float xLerp = x.Weight(dx, 1);
                for (int c = 0; c < channels; c++)
                {
                    float topLeft = topRow[left + c];
                    float topRight = topRow[right + c];
                    float bottomLeft = bottomRow[left + c];
                    float bottomRight = bottomRow[right + c];
                    float top = topLeft + (topRight - topLeft) * xLerp;
                    float bottom = bottomLeft + (bottomRight - bottomLeft) * xLerp;
                    output[dx * channels + c] = top + (bottom - top) * yLerp;
                }
            }
        }
    }

    /// <summary>resize_bicubic_op.cc: interpolate_with_caching (vertical Interpolate1D per x tap, then horizontal).</summary>
    public static void Bicubic(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d, AxisTable x, AxisTable y)
    {
        int channels = s.Channels;
        Span<float> column = stackalloc float[4];
        for (int dy = 0; dy < d.Height; dy++)
        {
            ReadOnlySpan<float> r0 = source.Slice(y.Index(dy, 0) * s.RowStride);
            ReadOnlySpan<float> r1 = source.Slice(y.Index(dy, 1) * s.RowStride);
            ReadOnlySpan<float> r2 = source.Slice(y.Index(dy, 2) * s.RowStride);
            ReadOnlySpan<float> r3 = source.Slice(y.Index(dy, 3) * s.RowStride);
            float wy0 = y.Weight(dy, 0), wy1 = y.Weight(dy, 1), wy2 = y.Weight(dy, 2), wy3 = y.Weight(dy, 3);
            Span<float> output = destination.Slice(dy * d.RowStride);
            for (int dx = 0; dx < d.Width; dx++)
            {
                for (int c = 0; c < channels; c++)
                {
                    for (int j = 0; j < 4; j++)
                    {
                        int at = x.Index(dx, j) * channels + c;
                        column[j] = r0[at] * wy0 + r1[at] * wy1 + r2[at] * wy2 + r3[at] * wy3;
                    }
                    output[dx * channels + c] = column[0] * x.Weight(dx, 0) + column[1] * x.Weight(dx, 1)
                        + column[2] * x.Weight(dx, 2) + column[3] * x.Weight(dx, 3);
                }
            }
        }
    }

    /// <summary>resize_area_op.cc: ComputePatchSum; interior coverages are exactly 1.</summary>
    public static void Area(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d, AxisTable x, AxisTable y, float scale)
    {
        int channels = s.Channels;
        for (int dy = 0; dy < d.Height; dy++)
        {
            Span<float> output = destination.Slice(dy * d.RowStride);
            for (int dx = 0; dx < d.Width; dx++)
            {
                int xs = x.Count[dx];
                for (int c = 0; c < channels; c++)
                {
                    float sum = 0;
                    for (int i = 0; i < y.Count[dy]; i++)
                    {
                        ReadOnlySpan<float> row = source.Slice(y.Index(dy, i) * s.RowStride);
                        float sumY = row[x.Index(dx, 0) * channels + c] * x.Weight(dx, 0);
                        for (int k = 1; k < xs; k++)
                        {
                            sumY += row[x.Index(dx, k) * channels + c] * x.Weight(dx, k);
                        }
                        sum += sumY * y.Weight(dy, i);
                    }
                    output[dx * channels + c] = sum * scale;
                }
            }
        }
    }

    /// <summary>scale_and_translate_op.cc: GatherSpans&lt;CPUDevice&gt; = GatherRows, then GatherColumns.</summary>
    public static void Spans(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d, AxisTable x, AxisTable y)
    {
        int channels = s.Channels;
        int rowSize = s.Width * channels;
        float[] buffer = ArrayPool<float>.Shared.Rent(rowSize * d.Height);
        try
        {
            Span<float> intermediate = buffer.AsSpan(0, rowSize * d.Height);
            intermediate.Clear();
            for (int dy = 0; dy < d.Height; dy++)
            {
                Span<float> output = intermediate.Slice(rowSize * dy, rowSize);
                for (int k = 0; k < y.Count[dy]; k++)
                {
                    ReadOnlySpan<float> input = source.Slice(y.Index(dy, k) * s.RowStride, rowSize);
                    float w = y.Weight(dy, k);
                    for (int e = 0; e < rowSize; e++)
                    {
                        output[e] += w * input[e];
                    }
                }
            }
            for (int dy = 0; dy < d.Height; dy++)
            {
                ReadOnlySpan<float> input = intermediate.Slice(rowSize * dy, rowSize);
                Span<float> output = destination.Slice(dy * d.RowStride);
                for (int dx = 0; dx < d.Width; dx++)
                {
                    Span<float> pixel = output.Slice(dx * channels, channels);
                    pixel.Clear();
                    for (int k = 0; k < x.Count[dx]; k++)
                    {
                        float w = x.Weight(dx, k);
                        int from = x.Index(dx, k) * channels;
                        for (int c = 0; c < channels; c++)
                        {
                            pixel[c] += w * input[from + c];
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }
}
