using System.Buffers;

namespace ScaleDefense.Managed.OpenCv;

/// <summary>
/// cv::hal::resize's 4- and 8-tap kernels (resizeGeneric_ with HResizeCubic / VResizeCubic and
/// HResizeLanczos4 / VResizeLanczos4); mirrors opencv_wide_kernels.cpp operation for operation.
/// </summary>
internal static class OpenCvWideKernels
{
    public static void Cubic(ReadOnlySpan<byte> source, ImageLayout s, Span<byte> destination, ImageLayout d, KernelTable x, KernelTable y) =>
        Fixed(source, s, destination, d, x, y, cubic: true);

    public static void Lanczos4(ReadOnlySpan<byte> source, ImageLayout s, Span<byte> destination, ImageLayout d, KernelTable x, KernelTable y) =>
        Fixed(source, s, destination, d, x, y, cubic: false);

    public static void Cubic(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d, KernelTable x, KernelTable y) =>
        Float(source, s, destination, d, x, y);

    public static void Lanczos4(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d, KernelTable x, KernelTable y) =>
        Float(source, s, destination, d, x, y);

    private static void Fixed(ReadOnlySpan<byte> source, ImageLayout s, Span<byte> destination, ImageLayout d,
                              KernelTable x, KernelTable y, bool cubic)
    {
        int taps = y.Taps;
        int n = d.Width * d.Channels;
        var window = new RowWindow<int>(taps, n);
        var rows = new int[taps][];
        try
        {
            for (int dy = 0; dy < d.Height; dy++)
            {
                for (int k = 0; k < taps; k++)
                {
                    int r = y.Source[dy * taps + k];
                    if (!window.TryGet(r, out rows[k]))
                    {
                        rows[k] = window.Claim(r);
                        HorizontalFixed(source.Slice(r * s.RowStride), s.Channels, x, rows[k]);
                    }
                }
                ReadOnlySpan<int> q = y.Fixed.AsSpan(dy * taps, taps);
                Span<byte> output = destination.Slice(dy * d.RowStride, n);
                // VResizeCubicVec_32s8u: whole groups of 8 outputs in float32 with weights q·2^-22
                // (exact), v_muladd without FMA nesting to the right, round half to even.
                int vectorEnd = cubic ? n / 8 * 8 : 0;
                for (int e = 0; e < vectorEnd; e++)
                {
                    float t0 = rows[0][e] * (q[0] * (1f / 4194304f));
                    float t1 = rows[1][e] * (q[1] * (1f / 4194304f));
                    float t2 = rows[2][e] * (q[2] * (1f / 4194304f));
                    float t3 = rows[3][e] * (q[3] * (1f / 4194304f));
                    float inner = t2 + t3;
                    float middle = t1 + inner;
                    float sum = t0 + middle;
                    output[e] = (byte)Math.Clamp(MathF.Round(sum, MidpointRounding.ToEven), 0f, 255f);
                }
                for (int e = vectorEnd; e < n; e++)
                {
                    // FixedPtCast<int, uchar, 22> with OpenCV's int32 wrap-around.
                    uint sum = 0;
                    for (int k = 0; k < taps; k++)
                    {
                        sum = unchecked(sum + (uint)rows[k][e] * (uint)q[k]);
                    }
                    int rounded = unchecked((int)(sum + (1u << 21)));
                    output[e] = (byte)Math.Clamp(rounded >> 22, 0, 255);
                }
            }
        }
        finally
        {
            window.Dispose();
        }
    }

    private static void Float(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d, KernelTable x, KernelTable y)
    {
        int taps = y.Taps;
        int n = d.Width * d.Channels;
        bool[] border = BorderFlags(x);
        var window = new RowWindow<float>(taps, n);
        var rows = new float[taps][];
        var beta = new float[taps];
        try
        {
            for (int dy = 0; dy < d.Height; dy++)
            {
                for (int k = 0; k < taps; k++)
                {
                    int r = y.Source[dy * taps + k];
                    beta[k] = (float)y.Weight[dy * taps + k];
                    if (!window.TryGet(r, out rows[k]))
                    {
                        rows[k] = window.Claim(r);
                        HorizontalFloat(source.Slice(r * s.RowStride), s.Channels, x, border, rows[k]);
                    }
                }
                Span<float> output = destination.Slice(dy * d.RowStride, n);
                // The vector loops (whole groups of 4 lanes) chain v_muladd(b_k, S_k, acc) from the
                // last tap inwards: t0 + (t1 + (... + t_last)); the scalar tail adds left to right.
                int vectorEnd = n / 4 * 4;
                for (int e = 0; e < n; e++)
                {
                    float sum;
                    if (e < vectorEnd)
                    {
                        sum = rows[taps - 1][e] * beta[taps - 1];
                        for (int k = taps - 2; k >= 0; k--)
                        {
                            float product = rows[k][e] * beta[k];
                            sum = product + sum;
                        }
                    }
                    else
                    {
                        sum = rows[0][e] * beta[0];
                        for (int k = 1; k < taps; k++)
                        {
                            float product = rows[k][e] * beta[k];
                            sum += product;
                        }
                    }
                    output[e] = sum;
                }
            }
        }
        finally
        {
            window.Dispose();
        }
    }

    // Integer sums: the order of the taps does not matter.
    private static void HorizontalFixed(ReadOnlySpan<byte> row, int channels, KernelTable x, int[] h)
    {
        int taps = x.Taps;
        for (int dx = 0; dx < x.Outputs; dx++)
        {
            for (int c = 0; c < channels; c++)
            {
                int sum = 0;
                for (int k = 0; k < taps; k++)
                {
                    sum += row[x.Source[dx * taps + k] * channels + c] * x.Fixed[dx * taps + k];
                }
                h[dx * channels + c] = sum;
            }
        }
    }

    // Products added left to right; HResizeCubic / HResizeLanczos4's border loop starts from 0
    // (matters only for the sign of a zero result).
    private static void HorizontalFloat(ReadOnlySpan<float> row, int channels, KernelTable x, bool[] border, float[] h)
    {
        int taps = x.Taps;
        for (int dx = 0; dx < x.Outputs; dx++)
        {
            for (int c = 0; c < channels; c++)
            {
                float sum;
                int k = 0;
                if (border[dx])
                {
                    sum = 0f;
                }
                else
                {
                    sum = row[x.Source[dx * taps] * channels + c] * (float)x.Weight[dx * taps];
                    k = 1;
                }
                for (; k < taps; k++)
                {
                    float product = row[x.Source[dx * taps + k] * channels + c] * (float)x.Weight[dx * taps + k];
                    sum += product;
                }
                h[dx * channels + c] = sum;
            }
        }
    }

    // A tap was clamped exactly when the taps of an output are not consecutive.
    private static bool[] BorderFlags(KernelTable x)
    {
        var flags = new bool[x.Outputs];
        for (int d = 0; d < x.Outputs; d++)
        {
            for (int k = 1; k < x.Taps; k++)
            {
                flags[d] |= x.Source[d * x.Taps + k] != x.Source[d * x.Taps + k - 1] + 1;
            }
        }
        return flags;
    }

    /// <summary>Horizontally resampled rows of a K-tap vertical pass: the window only moves
    /// down, so row r lives in slot r mod K and each source row is resampled once.</summary>
    private readonly struct RowWindow<T> : IDisposable
    {
        private readonly T[][] _rows;
        private readonly int[] _ids;

        public RowWindow(int taps, int length)
        {
            _rows = new T[taps][];
            _ids = new int[taps];
            for (int k = 0; k < taps; k++)
            {
                _rows[k] = ArrayPool<T>.Shared.Rent(length);
                _ids[k] = -1;
            }
        }

        public bool TryGet(int sourceRow, out T[] row)
        {
            int slot = sourceRow % _rows.Length;
            row = _rows[slot];
            return _ids[slot] == sourceRow;
        }

        public T[] Claim(int sourceRow)
        {
            int slot = sourceRow % _rows.Length;
            _ids[slot] = sourceRow;
            return _rows[slot];
        }

        public void Dispose()
        {
            foreach (T[] row in _rows)
            {
                ArrayPool<T>.Shared.Return(row);
            }
        }
    }
}
