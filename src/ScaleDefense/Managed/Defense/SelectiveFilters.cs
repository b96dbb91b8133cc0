using System.Runtime.CompilerServices;

namespace ScaleDefense.Managed.Defense;

/// <summary>
/// The selective median and random filters in C#: the same rules, visiting order and draws as
/// native/src/defense/selective_*_filter.cpp, so both backends give the same bytes.
/// </summary>
internal static class SelectiveFilters
{
    public static long Median(ReadOnlySpan<byte> source, ImageLayout s, Span<byte> destination, ImageLayout d, ConsideredPixels p, FilterWindow window,
                              bool leaveOtherPixels)
    {
        if (Start(source, s, destination, d, p, window, leaveOtherPixels) is not (int halfX, int halfY))
        {
            return 0;
        }
        int channels = s.Channels;
        // Per-thread scratch: a warm call allocates nothing.
        t_scratch ??= new MedianScratch();
        Histogram[] histograms = t_scratch.Histograms;
        List<int> allRows = t_scratch.AllRows;
        List<int> outsideRows = t_scratch.OutsideRows;
        WindowWidening? widening = null; // built at the first window that holds only P
        long rewritten = 0;
        foreach (int y in p.Rows)
        {
            FilterBounds rows = FilterBounds.At(y, 0, 0, halfY, s.Width, s.Height);
            allRows.Clear();
            outsideRows.Clear();
            for (int r = rows.Y0; r <= rows.Y1; r++)
            {
                allRows.Add(r);
                if (!p.RowInP[r])
                {
                    outsideRows.Add(r);
                }
            }
            uint count = 0;
            foreach (Histogram h in histograms)
            {
                h.Clear();
            }
            int left = 0;
            int right = -1;
            foreach (int x in p.Columns)
            {
                FilterBounds w = FilterBounds.At(y, x, halfX, halfY, s.Width, s.Height);
                if (w.X0 > right)
                {
                    foreach (Histogram h in histograms)
                    {
                        h.Clear();
                    }
                    count = 0;
                    left = w.X0;
                    right = w.X0 - 1;
                }
                for (; left < w.X0; left++)
                {
                    count -= Update(source, s, p, allRows, outsideRows, histograms, left, add: false);
                }
                while (right < w.X1)
                {
                    count += Update(source, s, p, allRows, outsideRows, histograms, ++right, add: true);
                }
                Span<byte> output = destination.Slice(y * d.RowStride + x * channels, channels);
                if (count > 0)
                {
                    for (int c = 0; c < channels; c++)
                    {
                        output[c] = histograms[c].Kth((count - 1) / 2);
                    }
                    rewritten++;
                }
                else if (MedianOfWidened(source, s, p, (widening ??= new WindowWidening(p, s.Width, s.Height)).Widen(w), output))
                {
                    rewritten++;
                }
            }
        }
        return rewritten;
    }

    public static long Random(ReadOnlySpan<byte> source, ImageLayout s, Span<byte> destination, ImageLayout d, ConsideredPixels p, FilterWindow window, ulong seed,
                              bool leaveOtherPixels)
    {
        if (Start(source, s, destination, d, p, window, leaveOtherPixels) is not (int halfX, int halfY))
        {
            return 0;
        }
        int channels = s.Channels;
        var random = new RandomSource(seed);
        // Pixel n of P (row by row) makes attempt a with draw n + a * |P| (random_detail.hpp).
        ulong pixels = (ulong)p.Rows.Length * (ulong)p.Columns.Length;
        ulong n = 0;
        WindowWidening? widening = null; // built at the first window that holds only P
        long rewritten = 0;
        foreach (int y in p.Rows)
        {
            foreach (int x in p.Columns)
            {
                ulong pixel = n++;
                FilterBounds around = FilterBounds.At(y, x, halfX, halfY, s.Width, s.Height);
                if ((around.HasOutsidePixel(p) ? around : (widening ??= new WindowWidening(p, s.Width, s.Height)).Widen(around)) is not { } w)
                {
                    continue; // the whole image is P
                }
                uint rows = (uint)(w.Y1 - w.Y0 + 1);
                uint cols = (uint)(w.X1 - w.X0 + 1);
                int sy, sx;
                for (ulong a = 0; ; a++)
                {
                    if (RandomSource.Pick(random.At(unchecked(pixel + a * pixels)), rows, cols, out int dy, out int dx))
                    {
                        (sy, sx) = (w.Y0 + dy, w.X0 + dx);
                        if (!p.Contains(sy, sx))
                        {
                            break;
                        }
                    }
                }
                source.Slice(sy * s.RowStride + sx * channels, channels).CopyTo(destination.Slice(y * d.RowStride + x * channels, channels));
                rewritten++;
            }
        }
        return rewritten;
    }

    private static uint Update(ReadOnlySpan<byte> source, ImageLayout s, ConsideredPixels p, List<int> allRows, List<int> outsideRows,
                               Histogram[] histograms, int x, bool add)
    {
        List<int> from = p.ColumnInP[x] ? outsideRows : allRows;
        int channels = s.Channels;
        foreach (int r in from)
        {
            ReadOnlySpan<byte> pixel = source.Slice(r * s.RowStride + x * channels, channels);
            for (int c = 0; c < channels; c++)
            {
                if (add)
                {
                    histograms[c].Add(pixel[c]);
                }
                else
                {
                    histograms[c].Remove(pixel[c]);
                }
            }
        }
        return (uint)from.Count;
    }

    // The median over a window already widened (null: the whole image is P, nothing to rebuild from).
    private static bool MedianOfWidened(ReadOnlySpan<byte> source, ImageLayout s, ConsideredPixels p, FilterBounds? widened, Span<byte> output)
    {
        if (widened is not { } w)
        {
            return false;
        }
        var values = new List<byte>();
        for (int c = 0; c < s.Channels; c++)
        {
            values.Clear();
            for (int y = w.Y0; y <= w.Y1; y++)
            {
                for (int x = w.X0; x <= w.X1; x++)
                {
                    if (!p.Contains(y, x))
                    {
                        values.Add(source[y * s.RowStride + x * s.Channels + c]);
                    }
                }
            }
            values.Sort();
            output[c] = values[(values.Count - 1) / 2];
        }
        return true;
    }

    // What both filters do first: the image goes to the destination as it is (unless in place, or
    // the caller leaves the pixels outside P alone and P is not the whole image: P's pixels are
    // always written); then the window's half widths, or null when P is the whole image and nothing
    // can be rebuilt.
    private static (int HalfX, int HalfY)? Start(ReadOnlySpan<byte> source, ImageLayout s, Span<byte> destination, ImageLayout d,
                                                 ConsideredPixels p, FilterWindow window, bool leaveOtherPixels)
    {
        if (!Unsafe.AreSame(in source[0], in destination[0]) && !(leaveOtherPixels && !p.CoversImage))
        {
            ImageOps.Copy(source, s, destination, d);
        }
        return p.CoversImage ? null : (FilterBounds.HalfWidth(p.RatioX, window), FilterBounds.HalfWidth(p.RatioY, window));
    }

    [ThreadStatic]
    private static MedianScratch? t_scratch;

    private sealed class MedianScratch
    {
        public Histogram[] Histograms { get; } = [new(), new(), new(), new()];

        public List<int> AllRows { get; } = [];

        public List<int> OutsideRows { get; } = [];
    }

    // 256 bins with a 16-bin coarse level, as in the native filter.
    private sealed class Histogram
    {
        private readonly uint[] _fine = new uint[256];
        private readonly uint[] _coarse = new uint[16];

        public void Add(byte v)
        {
            _fine[v]++;
            _coarse[v >> 4]++;
        }

        public void Remove(byte v)
        {
            _fine[v]--;
            _coarse[v >> 4]--;
        }

        public void Clear()
        {
            Array.Clear(_fine);
            Array.Clear(_coarse);
        }

        public byte Kth(uint k)
        {
            int bin = 0;
            while (k >= _coarse[bin])
            {
                k -= _coarse[bin++];
            }
            int v = bin << 4;
            while (k >= _fine[v])
            {
                k -= _fine[v++];
            }
            return (byte)v;
        }
    }
}
