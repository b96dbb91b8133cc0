namespace ScaleDefense.Managed.Skia;

/// <summary>SkiaSharp's mip pyramid and the level SKMipmapMode.Nearest samples (as native/src/scaling/skia/skia_mipmap.cpp).</summary>
internal static class SkiaMipmap
{
    /// <summary>Levels below the base: floor(log2(max(w, h))), 0 below 2.</summary>
    public static int LevelCount(ImageSize size)
    {
        int largest = Math.Max(size.Width, size.Height);
        int bits = 0;
        while ((largest >> bits) > 1)
        {
            bits++;
        }
        return bits;
    }

    /// <summary>The size of level k: max(1, w &gt;&gt; k) by max(1, h &gt;&gt; k).</summary>
    public static ImageSize LevelSize(ImageSize size, int level) => new(Math.Max(1, size.Width >> level), Math.Max(1, size.Height >> level));

    /// <summary>SkMipmap::ComputeLevel of the smaller scale, rounded; 0 without a downscale or without such a level.</summary>
    public static int NearestLevel(ImageSize size, float inverseX, float inverseY)
    {
        float scale = Math.Min(1f / inverseX, 1f / inverseY);
        if (!(scale < 1f) || !(scale > 0f) || !float.IsFinite(scale))
        {
            return 0;
        }
        float level = Math.Max(-MathF.Log2(scale) - 0.5f, 0f);
        int rounded = (int)MathF.Floor(level + 0.5f);
        return rounded <= LevelCount(size) ? rounded : 0;
    }

    /// <summary>SKMipmapMode.Linear: the upper level (floor of L) and the lower level's weight (fract of L; 0 without a level below).</summary>
    public static (int Upper, float LowerWeight) LinearLevels(ImageSize size, float inverseX, float inverseY)
    {
        float scale = Math.Min(1f / inverseX, 1f / inverseY);
        if (!(scale < 1f) || !(scale > 0f) || !float.IsFinite(scale))
        {
            return (0, 0f);
        }
        float level = Math.Max(-MathF.Log2(scale) - 0.5f, 0f);
        if (!(level > 0f))
        {
            return (0, 0f);
        }
        int upper = (int)MathF.Floor(level);
        int count = LevelCount(size);
        if (upper > count)
        {
            return (0, 0f);
        }
        return (upper, upper + 1 <= count ? level - upper : 0f);
    }

    /// <summary>(1 − weight) upper + weight lower, row by row, in the order the native core sums them.</summary>
    public static KernelTable Blend(KernelTable upper, KernelTable lower, float weight)
    {
        double w = weight;
        var rows = new SortedDictionary<int, double>[upper.Outputs];
        int widest = 1;
        for (int d = 0; d < upper.Outputs; d++)
        {
            var row = new SortedDictionary<int, double>();
            for (int k = 0; k < upper.Taps; k++)
            {
                int at = d * upper.Taps + k;
                if (upper.Weight[at] != 0.0)
                {
                    row[upper.Source[at]] = row.GetValueOrDefault(upper.Source[at]) + (1.0 - w) * upper.Weight[at];
                }
            }
            for (int k = 0; k < lower.Taps; k++)
            {
                int at = d * lower.Taps + k;
                if (lower.Weight[at] != 0.0)
                {
                    row[lower.Source[at]] = row.GetValueOrDefault(lower.Source[at]) + w * lower.Weight[at];
                }
            }
            widest = Math.Max(widest, row.Count);
            rows[d] = row;
        }
        return Pad(rows, upper.Inputs, widest);
    }

    /// <summary>The level's scale (level / base, float) times the base inverse.</summary>
    public static float LevelInverse(int levelInputs, int baseInputs, float baseInverse) => (float)levelInputs / baseInputs * baseInverse;

    /// <summary>One level down along an axis: (1/2, 1/2), (1/4, 1/2, 1/4) from an odd size above 1, or one tap from size 1.</summary>
    public static KernelTable DownsampleTable(int inputs)
    {
        int outputs = Math.Max(1, inputs >> 1);
        int taps = StepTaps(inputs);
        var t = new KernelTable(outputs, inputs, taps);
        for (int d = 0; d < outputs; d++)
        {
            for (int k = 0; k < taps; k++)
            {
                t.Source[d * taps + k] = inputs == 1 ? 0 : 2 * d + k;
                t.Weight[d * taps + k] = Math.ScaleB(StepWeight(taps, k), -StepShift(taps));
            }
        }
        return t;
    }

    /// <summary>One level down: per channel the weighted integer sum shifted right (truncating).</summary>
    public static byte[] Downsample(ReadOnlySpan<byte> source, ImageLayout s, out ImageLayout layout)
    {
        int channels = s.Channels;
        layout = new ImageLayout(Math.Max(1, s.Width >> 1), Math.Max(1, s.Height >> 1), channels);
        var output = new byte[layout.Width * layout.Height * channels];
        int tapsX = StepTaps(s.Width);
        int tapsY = StepTaps(s.Height);
        int shift = StepShift(tapsX) + StepShift(tapsY);
        for (int y = 0; y < layout.Height; y++)
        {
            int top = s.Height == 1 ? 0 : 2 * y;
            for (int x = 0; x < layout.Width; x++)
            {
                int left = s.Width == 1 ? 0 : 2 * x;
                for (int c = 0; c < channels; c++)
                {
                    int sum = 0;
                    for (int j = 0; j < tapsY; j++)
                    {
                        ReadOnlySpan<byte> row = source.Slice((top + j) * s.RowStride);
                        for (int i = 0; i < tapsX; i++)
                        {
                            sum += StepWeight(tapsX, i) * StepWeight(tapsY, j) * row[(left + i) * channels + c];
                        }
                    }
                    output[(y * layout.Width + x) * channels + c] = (byte)(sum >> shift);
                }
            }
        }
        return output;
    }

    /// <summary>A level's sampling table composed with the downsampling steps below it (dyadic weights: exact sums).</summary>
    public static KernelTable ComposeWithPyramid(KernelTable sampling, int baseInputs, int levels)
    {
        var steps = new List<KernelTable>();
        int size = baseInputs;
        for (int i = 0; i < levels; i++)
        {
            steps.Add(DownsampleTable(size));
            size = steps[^1].Outputs;
        }
        var rows = new SortedDictionary<int, double>[sampling.Outputs];
        int widest = 1;
        for (int d = 0; d < sampling.Outputs; d++)
        {
            var current = new SortedDictionary<int, double>();
            for (int k = 0; k < sampling.Taps; k++)
            {
                int at = d * sampling.Taps + k;
                current[sampling.Source[at]] = current.GetValueOrDefault(sampling.Source[at]) + sampling.Weight[at];
            }
            for (int level = levels; level > 0; level--)
            {
                KernelTable step = steps[level - 1];
                var below = new SortedDictionary<int, double>();
                foreach ((int index, double weight) in current)
                {
                    for (int k = 0; k < step.Taps; k++)
                    {
                        int at = index * step.Taps + k;
                        below[step.Source[at]] = below.GetValueOrDefault(step.Source[at]) + weight * step.Weight[at];
                    }
                }
                current = below;
            }
            widest = Math.Max(widest, current.Count);
            rows[d] = current;
        }
        return Pad(rows, baseInputs, widest);
    }

    // Rows of (index, weight) as a table padded with zero weights to the widest row.
    private static KernelTable Pad(SortedDictionary<int, double>[] rows, int inputs, int widest)
    {
        var t = new KernelTable(rows.Length, inputs, widest);
        for (int d = 0; d < t.Outputs; d++)
        {
            int k = 0;
            int last = 0;
            foreach ((int index, double weight) in rows[d])
            {
                t.Source[d * widest + k] = index;
                t.Weight[d * widest + k] = weight;
                last = index;
                k++;
            }
            for (; k < widest; k++)
            {
                t.Source[d * widest + k] = last;
            }
        }
        return t;
    }

    private static int StepTaps(int inputs) => inputs == 1 ? 1 : (inputs & 1) == 1 ? 3 : 2;

    private static int StepWeight(int taps, int k) => taps == 3 && k == 1 ? 2 : 1;

    private static int StepShift(int taps) => taps == 3 ? 2 : taps == 2 ? 1 : 0;
}
