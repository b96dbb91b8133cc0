using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>Slow, obviously-correct versions of the filters' documented rules, written independently of the library's.</summary>
internal static class BruteForce
{
    public static (int X0, int X1, int Y0, int Y1)? Window(int y, int x, VulnerabilityReport p, FilterWindow kind, int width, int height)
    {
        int hx = Math.Max(1, (int)Math.Floor(kind == FilterWindow.Paper ? p.Horizontal.Ratio : p.Horizontal.Ratio / 2));
        int hy = Math.Max(1, (int)Math.Floor(kind == FilterWindow.Paper ? p.Vertical.Ratio : p.Vertical.Ratio / 2));
        for (int grow = 0; ; grow++)
        {
            int x0 = Math.Max(0, x - hx - grow), x1 = Math.Min(width - 1, x + hx + grow);
            int y0 = Math.Max(0, y - hy - grow), y1 = Math.Min(height - 1, y + hy + grow);
            for (int yy = y0; yy <= y1; yy++)
            {
                for (int xx = x0; xx <= x1; xx++)
                {
                    if (!p.IsConsidered(yy, xx))
                    {
                        return (x0, x1, y0, y1);
                    }
                }
            }
            if (x0 == 0 && y0 == 0 && x1 == width - 1 && y1 == height - 1)
            {
                return null;
            }
        }
    }

    public static byte[] Median(byte[] image, ImageLayout layout, VulnerabilityReport p, FilterWindow kind, out long rewritten)
    {
        byte[] result = (byte[])image.Clone();
        rewritten = 0;
        int c = layout.Channels;
        for (int y = 0; y < layout.Height; y++)
        {
            for (int x = 0; x < layout.Width; x++)
            {
                if (!p.IsConsidered(y, x) || Window(y, x, p, kind, layout.Width, layout.Height) is not { } w)
                {
                    continue;
                }
                rewritten++;
                for (int ch = 0; ch < c; ch++)
                {
                    var values = new List<byte>();
                    for (int yy = w.Y0; yy <= w.Y1; yy++)
                    {
                        for (int xx = w.X0; xx <= w.X1; xx++)
                        {
                            if (!p.IsConsidered(yy, xx))
                            {
                                values.Add(image[(yy * layout.Width + xx) * c + ch]);
                            }
                        }
                    }
                    values.Sort();
                    result[(y * layout.Width + x) * c + ch] = values[(values.Count - 1) / 2];
                }
            }
        }
        return result;
    }

    public static bool RandomPicksAreValid(byte[] image, byte[] output, ImageLayout layout, VulnerabilityReport p, FilterWindow kind)
    {
        int c = layout.Channels;
        for (int y = 0; y < layout.Height; y++)
        {
            for (int x = 0; x < layout.Width; x++)
            {
                ReadOnlySpan<byte> got = output.AsSpan((y * layout.Width + x) * c, c);
                if (!p.IsConsidered(y, x))
                {
                    if (!got.SequenceEqual(image.AsSpan((y * layout.Width + x) * c, c)))
                    {
                        return false;
                    }
                    continue;
                }
                if (Window(y, x, p, kind, layout.Width, layout.Height) is not { } w)
                {
                    continue;
                }
                bool found = false;
                for (int yy = w.Y0; yy <= w.Y1 && !found; yy++)
                {
                    for (int xx = w.X0; xx <= w.X1 && !found; xx++)
                    {
                        found = !p.IsConsidered(yy, xx) && got.SequenceEqual(image.AsSpan((yy * layout.Width + xx) * c, c));
                    }
                }
                if (!found)
                {
                    return false;
                }
            }
        }
        return true;
    }
}
