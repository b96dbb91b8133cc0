using System.Runtime.CompilerServices;

namespace ScaleDefense.Managed.OpenCv;

/// <summary>
/// OpenCV's resize arithmetic in C#, one method per code path, compiled once per sample type
/// (<see cref="OpenCvU8Arithmetic"/>, <see cref="OpenCvF32Arithmetic"/>); mirrors
/// native/src/scaling/opencv/opencv_kernels.cpp operation for operation.
/// </summary>
internal static class OpenCvKernels
{
    /// <summary>INTER_LINEAR: each source row resampled horizontally once, then two rows per output row.</summary>
    public static void Linear<T, TAcc, TArithmetic>(ReadOnlySpan<T> source, ImageLayout s, Span<T> destination, ImageLayout d,
                                                    KernelTable x, KernelTable y)
        where T : unmanaged
        where TAcc : unmanaged
        where TArithmetic : struct, IOpenCvArithmetic<T, TAcc>
    {
        int n = d.Width * d.Channels;
        var rows = new RowPair<TAcc>(n);
        try
        {
            for (int dy = 0; dy < d.Height; dy++)
            {
                ReadOnlySpan<TAcc> h0 = Row<T, TAcc, TArithmetic>(ref rows, source, s, x, y.Source[2 * dy]);
                ReadOnlySpan<TAcc> h1 = Row<T, TAcc, TArithmetic>(ref rows, source, s, x, y.Source[2 * dy + 1]);
                TAcc w0 = TArithmetic.Weight(y, 2 * dy);
                TAcc w1 = TArithmetic.Weight(y, 2 * dy + 1);
                Span<T> output = destination.Slice(dy * d.RowStride, n);
                for (int e = 0; e < n; e++)
                {
                    output[e] = TArithmetic.LinearVertical(h0[e], w0, h1[e], w1);
                }
            }
        }
        finally
        {
            rows.Dispose();
        }
    }

    /// <summary>INTER_AREA's fast path for both ratios 2 (also taken by INTER_LINEAR): a vector op, then the scalar loop.</summary>
    public static void Area2x2<T, TArithmetic>(ReadOnlySpan<T> source, ImageLayout s, Span<T> destination, ImageLayout d)
        where T : unmanaged
        where TArithmetic : struct, IOpenCvAreaArithmetic<T>
    {
        int channels = s.Channels;
        int vectorColumns = TArithmetic.Area2x2VectorColumns(channels, d.Width);
        for (int dy = 0; dy < d.Height; dy++)
        {
            ReadOnlySpan<T> r0 = source.Slice(2 * dy * s.RowStride);
            ReadOnlySpan<T> r1 = source.Slice((2 * dy + 1) * s.RowStride);
            Span<T> output = destination.Slice(dy * d.RowStride);
            for (int dx = 0; dx < vectorColumns; dx++)
            {
                Average2x2<T, TArithmetic>(r0, r1, output, dx, channels, vector: true);
            }
            for (int dx = vectorColumns; dx < d.Width; dx++)
            {
                Average2x2<T, TArithmetic>(r0, r1, output, dx, channels, vector: false);
            }
        }
    }

    // Output pixel dx of a 2×2 row pair (inlined, so vector is a constant in each loop).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Average2x2<T, TArithmetic>(ReadOnlySpan<T> r0, ReadOnlySpan<T> r1, Span<T> output, int dx, int channels, bool vector)
        where T : unmanaged
        where TArithmetic : struct, IOpenCvAreaArithmetic<T>
    {
        for (int c = 0; c < channels; c++)
        {
            int a = 2 * dx * channels + c;
            int b = a + channels;
            output[dx * channels + c] = vector
                ? TArithmetic.Area2x2Vector(r0[a], r0[b], r1[a], r1[b])
                : TArithmetic.Area2x2Scalar(r0[a], r0[b], r1[a], r1[b]);
        }
    }

    // Horizontal pass of one source row (two taps per output), computed once per row.
    private static ReadOnlySpan<TAcc> Row<T, TAcc, TArithmetic>(ref RowPair<TAcc> rows, ReadOnlySpan<T> source, ImageLayout s, KernelTable x,
                                                                int sourceRow)
        where T : unmanaged
        where TAcc : unmanaged
        where TArithmetic : struct, IOpenCvArithmetic<T, TAcc>
    {
        if (rows.TryGet(sourceRow, out TAcc[] hit))
        {
            return hit;
        }
        TAcc[] h = rows.Claim(sourceRow);
        ReadOnlySpan<T> input = source.Slice(sourceRow * s.RowStride);
        int channels = s.Channels;
        for (int dx = 0; dx < x.Outputs; dx++)
        {
            int p0 = x.Source[2 * dx] * channels;
            int p1 = x.Source[2 * dx + 1] * channels;
            TAcc w0 = TArithmetic.Weight(x, 2 * dx);
            TAcc w1 = TArithmetic.Weight(x, 2 * dx + 1);
            for (int c = 0; c < channels; c++)
            {
                // Two products, then their sum: no fused multiply-add.
                h[dx * channels + c] = TArithmetic.Add(TArithmetic.Product(input[p0 + c], w0), TArithmetic.Product(input[p1 + c], w1));
            }
        }
        return h;
    }
}
