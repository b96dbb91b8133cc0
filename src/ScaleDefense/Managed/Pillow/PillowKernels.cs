using System.Buffers;

namespace ScaleDefense.Managed.Pillow;

/// <summary>
/// Pillow's resize arithmetic in C# (Resample.c: ImagingResampleInner and the 8bpc / 32bpc
/// passes; Geometry.c: ImagingScaleAffine). Mirrors native/src/scaling/pillow/pillow_kernels.cpp
/// operation for operation.
/// </summary>
internal static class PillowKernels
{
    /// <summary>8 bits: fixed point, each pass rounds half up and clips (clip8); horizontal first.</summary>
    public static void Resample(ReadOnlySpan<byte> source, ImageLayout s, Span<byte> destination, ImageLayout d, AxisTable x, AxisTable y) =>
        Resample<byte, int, PillowFixedArithmetic>(source, s, destination, d, x, y);

    /// <summary>Mode "F": double weights, a double sum per output, stored as float32 after each pass.</summary>
    public static void Resample(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d, AxisTable x, AxisTable y) =>
        Resample<float, double, PillowFloatArithmetic>(source, s, destination, d, x, y);

    /// <summary>Every output copies one source pixel; an output with count 0 is set to 0.</summary>
    public static void Nearest<T>(ReadOnlySpan<T> source, ImageLayout s, Span<T> destination, ImageLayout d, AxisTable x, AxisTable y)
    {
        int channels = s.Channels;
        for (int dy = 0; dy < d.Height; dy++)
        {
            bool rowInside = y.Count[dy] > 0;
            ReadOnlySpan<T> input = source.Slice(y.Table.Source[dy] * s.RowStride);
            Span<T> output = destination.Slice(dy * d.RowStride);
            for (int dx = 0; dx < d.Width; dx++)
            {
                bool inside = rowInside && x.Count[dx] > 0;
                int from = x.Table.Source[dx] * channels;
                for (int c = 0; c < channels; c++)
                {
                    output[(dx * channels) + c] = inside ? input[from + c] : default!;
                }
            }
        }
    }

    // Resample.c: ImagingResampleInner; a pass is skipped where Pillow skips it (size unchanged).
    private static void Resample<T, TSum, TArithmetic>(ReadOnlySpan<T> source, ImageLayout s, Span<T> destination, ImageLayout d,
                                                       AxisTable x, AxisTable y)
        where T : unmanaged
        where TSum : unmanaged
        where TArithmetic : struct, IPillowArithmetic<T, TSum>
    {
        if (!x.Needed && !y.Needed)
        {
            ImageOps.Copy(source, s, destination, d);
        }
        else if (!x.Needed)
        {
            Vertical<T, TSum, TArithmetic>(source, s.RowStride, 0, destination, d, y);
        }
        else if (!y.Needed)
        {
            Horizontal<T, TSum, TArithmetic>(source, s, 0, destination, d, x);
        }
        else
        {
            // Only the source rows the vertical kernels read: [first row of output 0, end of the last window).
            (int first, int rows) = RowRange(y, d.Height);
            var tempLayout = new ImageLayout(d.Width, rows, d.Channels);
            T[] temp = ArrayPool<T>.Shared.Rent(rows * tempLayout.RowStride);
            try
            {
                Horizontal<T, TSum, TArithmetic>(source, s, first, temp, tempLayout, x);
                Vertical<T, TSum, TArithmetic>(temp, tempLayout.RowStride, first, destination, d, y);
            }
            finally
            {
                ArrayPool<T>.Shared.Return(temp);
            }
        }
    }

    private static (int First, int Rows) RowRange(AxisTable y, int height)
    {
        int taps = y.Table.Taps;
        int first = y.Table.Source[0];
        int end = y.Table.Source[(height - 1) * taps] + y.Count[height - 1];
        return (first, end - first);
    }

    // Source rows [rowOffset, rowOffset + d.Height) resampled along x.
    private static void Horizontal<T, TSum, TArithmetic>(ReadOnlySpan<T> source, ImageLayout s, int rowOffset,
                                                         Span<T> destination, ImageLayout d, AxisTable x)
        where T : unmanaged
        where TSum : unmanaged
        where TArithmetic : struct, IPillowArithmetic<T, TSum>
    {
        int channels = s.Channels;
        int taps = x.Table.Taps;
        TSum[] weights = TArithmetic.Weights(x.Table);
        for (int yy = 0; yy < d.Height; yy++)
        {
            ReadOnlySpan<T> row = source.Slice((yy + rowOffset) * s.RowStride);
            Span<T> output = destination.Slice(yy * d.RowStride);
            for (int xx = 0; xx < d.Width; xx++)
            {
                int at = xx * taps;
                int start = x.Table.Source[at];
                int count = x.Count[xx];
                for (int c = 0; c < channels; c++)
                {
                    TSum ss = TArithmetic.Start();
                    for (int k = 0; k < count; k++)
                    {
                        ss = TArithmetic.Add(ss, row[((start + k) * channels) + c], weights[at + k]);
                    }
                    output[(xx * channels) + c] = TArithmetic.Finish(ss);
                }
            }
        }
    }

    // Resampled along y; source row indices are shifted down by rowOffset.
    private static void Vertical<T, TSum, TArithmetic>(ReadOnlySpan<T> source, int sourceStride, int rowOffset,
                                                       Span<T> destination, ImageLayout d, AxisTable y)
        where T : unmanaged
        where TSum : unmanaged
        where TArithmetic : struct, IPillowArithmetic<T, TSum>
    {
        int n = d.Width * d.Channels;
        int taps = y.Table.Taps;
        TSum[] weights = TArithmetic.Weights(y.Table);
        for (int yy = 0; yy < d.Height; yy++)
        {
            int at = yy * taps;
            int start = y.Table.Source[at] - rowOffset;
            int count = y.Count[yy];
            Span<T> output = destination.Slice(yy * d.RowStride, n);
            for (int e = 0; e < n; e++)
            {
                TSum ss = TArithmetic.Start();
                for (int k = 0; k < count; k++)
                {
                    ss = TArithmetic.Add(ss, source[((start + k) * sourceStride) + e], weights[at + k]);
                }
                output[e] = TArithmetic.Finish(ss);
            }
        }
    }
}
