namespace ScaleDefense.Managed.OpenCv;

/// <summary>
/// cv::hal::resize's 4- and 8-tap kernels (resizeGeneric_ with HResizeCubic / VResizeCubic and
/// HResizeLanczos4 / VResizeLanczos4); mirrors opencv_wide_kernels.cpp operation for operation.
/// </summary>
internal static class OpenCvWideKernels
{
    public static void Cubic<T, TAcc, TArithmetic>(ReadOnlySpan<T> source, ImageLayout s, Span<T> destination, ImageLayout d, KernelTable x, KernelTable y)
        where T : unmanaged
        where TAcc : unmanaged
        where TArithmetic : struct, IOpenCvArithmetic<T, TAcc> =>
        Resize<T, TAcc, TArithmetic>(source, s, destination, d, x, y, cubic: true);

    public static void Lanczos4<T, TAcc, TArithmetic>(ReadOnlySpan<T> source, ImageLayout s, Span<T> destination, ImageLayout d, KernelTable x, KernelTable y)
        where T : unmanaged
        where TAcc : unmanaged
        where TArithmetic : struct, IOpenCvArithmetic<T, TAcc> =>
        Resize<T, TAcc, TArithmetic>(source, s, destination, d, x, y, cubic: false);

    // resizeGeneric_ (native: resize_fixed / resize_float): each source row resampled horizontally
    // once, then per output row the vertical pass over its taps rows.
    private static void Resize<T, TAcc, TArithmetic>(ReadOnlySpan<T> source, ImageLayout s, Span<T> destination, ImageLayout d,
                                                     KernelTable x, KernelTable y, bool cubic)
        where T : unmanaged
        where TAcc : unmanaged
        where TArithmetic : struct, IOpenCvArithmetic<T, TAcc>
    {
        int taps = y.Taps;
        int n = d.Width * d.Channels;
        bool[] border = BorderFlags(x);
        var window = new RowWindow<TAcc>(taps, n);
        var rows = new TAcc[taps][];
        var weights = new TAcc[taps];
        // The vector op covers the leading elements of each row; the scalar loop the rest.
        int vectorEnd = TArithmetic.WideVectorEnd(n, cubic);
        try
        {
            for (int dy = 0; dy < d.Height; dy++)
            {
                for (int k = 0; k < taps; k++)
                {
                    int r = y.Source[dy * taps + k];
                    weights[k] = TArithmetic.Weight(y, dy * taps + k);
                    if (!window.TryGet(r, out rows[k]))
                    {
                        rows[k] = window.Claim(r);
                        Horizontal<T, TAcc, TArithmetic>(source.Slice(r * s.RowStride), s.Channels, x, border, rows[k]);
                    }
                }
                Span<T> output = destination.Slice(dy * d.RowStride, n);
                int e = 0;
                for (; e < vectorEnd; e++)
                {
                    output[e] = TArithmetic.WideVector(rows, weights, e);
                }
                for (; e < n; e++)
                {
                    output[e] = TArithmetic.WideScalar(rows, weights, e);
                }
            }
        }
        finally
        {
            window.Dispose();
        }
    }

    // Products added left to right; HResizeCubic / HResizeLanczos4's border loop starts from 0
    // (matters only for the sign of a zero float32 result; an integer sum is the same either way).
    private static void Horizontal<T, TAcc, TArithmetic>(ReadOnlySpan<T> row, int channels, KernelTable x, bool[] border, TAcc[] h)
        where T : unmanaged
        where TAcc : unmanaged
        where TArithmetic : struct, IOpenCvArithmetic<T, TAcc>
    {
        int taps = x.Taps;
        for (int dx = 0; dx < x.Outputs; dx++)
        {
            for (int c = 0; c < channels; c++)
            {
                TAcc sum;
                int k = 0;
                if (border[dx])
                {
                    sum = default; // 0, +0f
                }
                else
                {
                    sum = TArithmetic.Product(row[x.Source[dx * taps] * channels + c], TArithmetic.Weight(x, dx * taps));
                    k = 1;
                }
                for (; k < taps; k++)
                {
                    TAcc product = TArithmetic.Product(row[x.Source[dx * taps + k] * channels + c], TArithmetic.Weight(x, dx * taps + k));
                    sum = TArithmetic.Add(sum, product);
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
}
