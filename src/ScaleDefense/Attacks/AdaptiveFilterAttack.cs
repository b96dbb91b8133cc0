using ScaleDefense.Managed.Defense;

namespace ScaleDefense;

/// <summary>
/// The adaptive attacks on the selective filters (paper §5.5 and Appendix C). Each starts from an
/// attack image whose pixels of P carry the values the attacker wants to survive, and rewrites
/// pixels of each window W_p (never pixels of P) so that the filter gives p back.
/// </summary>
/// <remarks>
/// Windows are exactly the defense's (<see cref="FilterBounds"/>: same reach, clipping, P
/// excluded, widening) and are visited in the defense's order, row by row of P. Each window sees
/// the changes made for earlier ones; where windows overlap (the paper window overlaps its
/// neighbours by about half) a later window may undo part of an earlier one — the paper's
/// optimality argument holds for non-overlapping windows only.
/// </remarks>
internal static class AdaptiveFilterAttack
{
    private const int MedianPasses = 3;

    /// <summary>
    /// Median filter (Appendix C): with m the window's lower median and v the value at p, the
    /// window pixels whose values lie from m up to (but excluding) v — or down to, if m &gt; v —
    /// are set to v; for a window on its own that is the fewest changes, and the smallest in
    /// L1/L2, that make the median v. Budget: at most ⌊δ·n⌋ of a window's n pixels may differ from
    /// the starting image (per channel), counting changes made for overlapping windows; pixels
    /// already changed may be set again for free. When the budget is not enough, it is spent from
    /// the median outwards (not from the values closest to v, which would leave the median where
    /// it is), so the median still moves as far toward v as δ allows. Because overlapping
    /// windows undo each other's changes, the sweep over all windows is repeated (at most
    /// <see cref="MedianPasses"/> times, stopping early when nothing changes).
    /// </summary>
    public static (byte[] Image, AttackBudget? Budget) Median(ScalingModel model, byte[] attack, int channels, AdaptiveAttackOptions options)
    {
        byte[] image = (byte[])attack.Clone();
        double maxChange = options.MaxChange;
        var budget = new WorkBudget(options.MaxWindowPixels);
        var keys = new List<long>();
        var counts = new int[256];
        for (int pass = 0; pass < MedianPasses && !budget.Hit; pass++)
        {
            bool any = false;
            ForEachWindow(model, options.Window, budget, (p, pixels) =>
            {
                for (int c = 0; c < channels; c++)
                {
                    Array.Clear(counts);
                    int budget = Budget(maxChange, pixels.Count);
                    foreach (int pixel in pixels)
                    {
                        int i = pixel * channels + c;
                        counts[image[i]]++;
                        budget -= image[i] != attack[i] ? 1 : 0;
                    }
                    int median = (pixels.Count - 1) / 2;
                    int m = 0;
                    int below = 0; // pixels with a value below m
                    while (below + counts[m] <= median)
                    {
                        below += counts[m++];
                    }
                    byte wanted = image[p * channels + c];
                    if (m == wanted)
                    {
                        continue;
                    }
                    // Only the values between m and v can move the median; sort just those, by value
                    // then position in the window (value << 32 | position), which is their order in
                    // a full sort of the window: the first of them sits at full position `first`.
                    int low = Math.Min(m, wanted + 1);
                    int high = Math.Max(m, wanted - 1);
                    int first = 0;
                    for (int v = 0; v < low; v++)
                    {
                        first += counts[v];
                    }
                    keys.Clear();
                    for (int k = 0; k < pixels.Count; k++)
                    {
                        byte value = image[pixels[k] * channels + c];
                        if (value >= low && value <= high)
                        {
                            keys.Add(((long)value << 32) | (uint)k);
                        }
                    }
                    keys.Sort();
                    int step = m < wanted ? 1 : -1;
                    for (int k = median - first; k >= 0 && k < keys.Count; k += step)
                    {
                        int i = pixels[(int)(keys[k] & 0xFFFFFFFF)] * channels + c;
                        if (image[i] == attack[i])
                        {
                            if (budget <= 0)
                            {
                                break;
                            }
                            budget--;
                        }
                        image[i] = wanted;
                        any = true;
                    }
                }
            });
            if (!any)
            {
                break;
            }
        }
        return (image, budget.Report(model));
    }

    /// <summary>
    /// Random filter (§5.5): the filter copies a uniformly drawn window pixel (all channels), so
    /// the chance of drawing p's value is the share of window pixels that hold it. The ⌊δ·n⌋ window
    /// pixels closest to p's value (sum of absolute channel differences; ties: nearest to p, then
    /// row order) are made to hold it, as the paper does to keep the change small; those holding
    /// it already count. Same budget as the median attack (at most ⌊δ·n⌋ window pixels differ from
    /// the starting image; re-setting an already changed pixel is free). One sweep: a second would
    /// only move pixels back and forth between overlapping windows.
    /// </summary>
    public static (byte[] Image, AttackBudget? Budget) Random(ScalingModel model, byte[] attack, int channels, AdaptiveAttackOptions options)
    {
        byte[] image = (byte[])attack.Clone();
        double maxChange = options.MaxChange;
        var budget = new WorkBudget(options.MaxWindowPixels);
        int width = model.Source.Width;
        var candidates = new List<(int Distance, int Reach, int Pixel)>();
        ForEachWindow(model, options.Window, budget, (p, pixels) =>
        {
            ReadOnlySpan<byte> wanted = image.AsSpan(p * channels, channels);
            candidates.Clear();
            foreach (int pixel in pixels)
            {
                int distance = 0;
                for (int c = 0; c < channels; c++)
                {
                    distance += Math.Abs(image[pixel * channels + c] - wanted[c]);
                }
                int reach = Math.Abs(pixel / width - p / width) + Math.Abs(pixel % width - p % width);
                candidates.Add((distance, reach, pixel));
            }
            candidates.Sort();
            int share = Budget(maxChange, pixels.Count);
            int budget = share;
            foreach (int pixel in pixels)
            {
                budget -= Changed(image, attack, pixel, channels) ? 1 : 0;
            }
            for (int i = 0; i < share && i < candidates.Count; i++)
            {
                int pixel = candidates[i].Pixel;
                if (!Changed(image, attack, pixel, channels))
                {
                    if (budget <= 0)
                    {
                        break;
                    }
                    budget--;
                }
                wanted.CopyTo(image.AsSpan(pixel * channels, channels));
            }
        });
        return (image, budget.Report(model));
    }

    private static bool Changed(byte[] image, byte[] start, int pixel, int channels) =>
        !image.AsSpan(pixel * channels, channels).SequenceEqual(start.AsSpan(pixel * channels, channels));

    private static int Budget(double maxChange, int windowSize) => (int)Math.Floor(maxChange * windowSize + 1e-9);

    /// <summary>
    /// Calls <paramref name="visit"/>(p, window pixels outside P) for every p of P, as the defense
    /// visits them, until the next window would take <paramref name="budget"/> over its limit.
    /// </summary>
    private static void ForEachWindow(ScalingModel model, FilterWindow window, WorkBudget budget, Action<int, List<int>> visit)
    {
        ConsideredPixels p = model.Considered;
        int width = model.Source.Width;
        int height = model.Source.Height;
        int halfX = FilterBounds.HalfWidth(p.RatioX, window);
        int halfY = FilterBounds.HalfWidth(p.RatioY, window);
        var widening = new WindowWidening(p, width, height);
        var pixels = new List<int>();
        foreach (int y in p.Rows)
        {
            foreach (int x in p.Columns)
            {
                if (widening.Widen(FilterBounds.At(y, x, halfX, halfY, width, height)) is not { } w)
                {
                    continue; // P is the whole image: the defense leaves the pixel as it is
                }
                pixels.Clear();
                for (int wy = w.Y0; wy <= w.Y1; wy++)
                {
                    for (int wx = w.X0; wx <= w.X1; wx++)
                    {
                        if (!p.Contains(wy, wx))
                        {
                            pixels.Add(wy * width + wx);
                        }
                    }
                }
                if (!budget.Take(pixels.Count))
                {
                    return;
                }
                visit(y * width + x, pixels);
            }
        }
    }

    /// <summary>The window pixels an attack may still examine (<see cref="AdaptiveAttackOptions.MaxWindowPixels"/>).</summary>
    private sealed class WorkBudget(long limit)
    {
        private long _used;
        private long _windows;

        public bool Hit { get; private set; }

        /// <summary>Spends <paramref name="pixels"/> on one more window; false (and <see cref="Hit"/>) when that would exceed the limit.</summary>
        public bool Take(int pixels)
        {
            if (Hit || _used + pixels > limit)
            {
                Hit = true;
                return false;
            }
            _used += pixels;
            _windows++;
            return true;
        }

        public AttackBudget? Report(ScalingModel model) =>
            Hit ? new AttackBudget(limit, _windows, (long)model.Considered.Rows.Length * model.Considered.Columns.Length) : null;
    }
}
