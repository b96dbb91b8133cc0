using System.Buffers;

namespace ScaleDefense.Managed.Pillow;

/// <summary>
/// Pillow's resize arithmetic in C# (Resample.c: ImagingResampleInner and the 8bpc / 32bpc
/// passes; Geometry.c: ImagingScaleAffine). Mirrors native/src/scaling/pillow/pillow_kernels.cpp
/// operation for operation.
/// </summary>
internal static class PillowKernels
{
    private const int Half = 1 << (PillowTables.PrecisionBits - 1);

    /// <summary>8 bits: fixed point, each pass rounds half up and clips (clip8); horizontal first.</summary>
    public static void Resample(ReadOnlySpan<byte> source, ImageLayout s, Span<byte> destination, ImageLayout d, AxisTable x, AxisTable y)
    {
        if (!x.Needed && !y.Needed)
        {
            ImageOps.Copy(source, s, destination, d);
        }
        else if (!x.Needed)
        {
            Vertical(source, s.RowStride, 0, destination, d, y);
        }
        else if (!y.Needed)
        {
            Horizontal(source, s, 0, destination, d, x);
        }
        else
        {
            // Only the source rows the vertical kernels read: [first row of output 0, end of the last window).
            (int first, int rows) = RowRange(y, d.Height);
            var tempLayout = new ImageLayout(d.Width, rows, d.Channels);
            byte[] temp = ArrayPool<byte>.Shared.Rent(rows * tempLayout.RowStride);
            try
            {
                Horizontal(source, s, first, temp, tempLayout, x);
                Vertical(temp, tempLayout.RowStride, first, destination, d, y);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(temp);
            }
        }
    }

    /// <summary>Mode "F": double weights, a double sum per output, stored as float32 after each pass.</summary>
    public static void Resample(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d, AxisTable x, AxisTable y)
    {
        if (!x.Needed && !y.Needed)
        {
            ImageOps.Copy(source, s, destination, d);
        }
        else if (!x.Needed)
        {
            Vertical(source, s.RowStride, 0, destination, d, y);
        }
        else if (!y.Needed)
        {
            Horizontal(source, s, 0, destination, d, x);
        }
        else
        {
            (int first, int rows) = RowRange(y, d.Height);
            var tempLayout = new ImageLayout(d.Width, rows, d.Channels);
            float[] temp = ArrayPool<float>.Shared.Rent(rows * tempLayout.RowStride);
            try
            {
                Horizontal(source, s, first, temp, tempLayout, x);
                Vertical(temp, tempLayout.RowStride, first, destination, d, y);
            }
            finally
            {
                ArrayPool<float>.Shared.Return(temp);
            }
        }
    }

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

    private static (int First, int Rows) RowRange(AxisTable y, int height)
    {
        int taps = y.Table.Taps;
        int first = y.Table.Source[0];
        int end = y.Table.Source[(height - 1) * taps] + y.Count[height - 1];
        return (first, end - first);
    }

    private static byte Clip8(int sum)
    {
        int v = sum >> PillowTables.PrecisionBits; // arithmetic shift: floor, also below zero
        return (byte)(v < 0 ? 0 : v > 255 ? 255 : v);
    }

    private static void Horizontal(ReadOnlySpan<byte> source, ImageLayout s, int rowOffset, Span<byte> destination, ImageLayout d, AxisTable x)
    {
        int channels = s.Channels;
        int taps = x.Table.Taps;
        int[] fixedWeights = x.Table.Fixed;
        for (int yy = 0; yy < d.Height; yy++)
        {
            ReadOnlySpan<byte> row = source.Slice((yy + rowOffset) * s.RowStride);
            Span<byte> output = destination.Slice(yy * d.RowStride);
            for (int xx = 0; xx < d.Width; xx++)
            {
                int at = xx * taps;
                int start = x.Table.Source[at];
                int count = x.Count[xx];
                for (int c = 0; c < channels; c++)
                {
                    int ss = Half;
                    for (int k = 0; k < count; k++)
                    {
                        ss += row[((start + k) * channels) + c] * fixedWeights[at + k];
                    }
                    output[(xx * channels) + c] = Clip8(ss);
                }
            }
        }
    }

    private static void Vertical(ReadOnlySpan<byte> source, int sourceStride, int rowOffset, Span<byte> destination, ImageLayout d, AxisTable y)
    {
        int n = d.Width * d.Channels;
        int taps = y.Table.Taps;
        int[] fixedWeights = y.Table.Fixed;
        for (int yy = 0; yy < d.Height; yy++)
        {
            int at = yy * taps;
            int start = y.Table.Source[at] - rowOffset;
            int count = y.Count[yy];
            Span<byte> output = destination.Slice(yy * d.RowStride, n);
            for (int e = 0; e < n; e++)
            {
                int ss = Half;
                for (int k = 0; k < count; k++)
                {
                    ss += source[((start + k) * sourceStride) + e] * fixedWeights[at + k];
                }
                output[e] = Clip8(ss);
            }
        }
    }

    private static void Horizontal(ReadOnlySpan<float> source, ImageLayout s, int rowOffset, Span<float> destination, ImageLayout d, AxisTable x)
    {
        int channels = s.Channels;
        int taps = x.Table.Taps;
        double[] weights = x.Table.Weight;
        for (int yy = 0; yy < d.Height; yy++)
        {
            ReadOnlySpan<float> row = source.Slice((yy + rowOffset) * s.RowStride);
            Span<float> output = destination.Slice(yy * d.RowStride);
            for (int xx = 0; xx < d.Width; xx++)
            {
                int at = xx * taps;
                int start = x.Table.Source[at];
                int count = x.Count[xx];
                for (int c = 0; c < channels; c++)
                {
                    double ss = 0.0;
                    for (int k = 0; k < count; k++)
                    {
                        double term = row[((start + k) * channels) + c] * weights[at + k];
                        ss += term; // two statements: no fused multiply-add
                    }
                    output[(xx * channels) + c] = (float)ss;
                }
            }
        }
    }

    private static void Vertical(ReadOnlySpan<float> source, int sourceStride, int rowOffset, Span<float> destination, ImageLayout d, AxisTable y)
    {
        int n = d.Width * d.Channels;
        int taps = y.Table.Taps;
        double[] weights = y.Table.Weight;
        for (int yy = 0; yy < d.Height; yy++)
        {
            int at = yy * taps;
            int start = y.Table.Source[at] - rowOffset;
            int count = y.Count[yy];
            Span<float> output = destination.Slice(yy * d.RowStride, n);
            for (int e = 0; e < n; e++)
            {
                double ss = 0.0;
                for (int k = 0; k < count; k++)
                {
                    double term = source[((start + k) * sourceStride) + e] * weights[at + k];
                    ss += term;
                }
                output[e] = (float)ss;
            }
        }
    }
}
