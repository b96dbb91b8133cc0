namespace ScaleDefense;

/// <summary>
/// The attacks on area scaling of paper §5.3.2, per output pixel ("block"): move the block's
/// weighted average to the target by changing the block's pixels, using the model's weights
/// (so blocks with fractional edge weights, at non-integer ratios, work too).
/// </summary>
/// <remarks>
/// Blocks are visited row by row. At non-integer ratios neighbouring blocks share their edge
/// pixels; in the first pass each pixel belongs to the first block that reads it, and later
/// blocks change only their own pixels, so they never disturb an earlier block. Repair rounds
/// then re-scale through the exact model and correct every block still more than ε off (the
/// real scaler's rounding, or a block whose pixels saturated first) with the pixels only it
/// reads; if those saturate too, the rest is shifted evenly over all its pixels, and the
/// neighbours this disturbs are corrected later in the round. (Taking exclusive pixels first
/// stops L0 from oscillating: neighbours otherwise fight over the shared edge pixels.)
/// </remarks>
internal static class AreaAttack
{
    private const int RepairRounds = 12;

    public static bool Supports(ScalingModel model) =>
        model.Algorithm == ScalingAlgorithm.Area || (model.Library == ScalingLibrary.Pillow && model.Algorithm == ScalingAlgorithm.Box)
        || (model.Library == ScalingLibrary.Custom && Averages(model.Left) && Averages(model.Right));

    // A custom model attacked as area scaling must average its blocks: every weight positive.
    private static bool Averages(CoefficientMatrix m)
    {
        for (int output = 0; output < m.OutputCount; output++)
        {
            foreach (double w in m.GetWeights(output))
            {
                if (w <= 0)
                {
                    return false;
                }
            }
        }
        return true;
    }

    public static byte[] Run(ScalingModel model, byte[] source, int channels, byte[] target, AreaAttackNorm norm, double epsilon)
    {
        SampleType type = AttackInputs.VerifiedType(model);
        CoefficientMatrix left = model.GetLeft(type);
        CoefficientMatrix right = model.GetRight(type);
        int width = model.Source.Width;
        int targetWidth = model.Target.Width;
        int blocks = model.Target.Width * model.Target.Height;
        (int[][] free, int[][] exclusive) = FreePixels(left, right, width, model.Source.Height, targetWidth, blocks);
        byte[] attack = (byte[])source.Clone();

        // Aim inside the ε band with half a grey level to spare for the scaler's own rounding.
        double slack = Math.Max(0, epsilon - 0.5);
        for (int block = 0; block < blocks; block++)
        {
            for (int c = 0; c < channels; c++)
            {
                double gap = target[block * channels + c] - Average(attack, left, right, block, targetWidth, width, channels, c);
                Adjust(attack, left, right, block, targetWidth, free[block], channels, c, Shrink(gap, slack), norm);
            }
        }
        for (int round = 0; round < RepairRounds; round++)
        {
            // The exact output minus L·X·R in doubles is the scaler's own rounding; it stays put
            // while a round changes pixels, so each block's gap is judged on the current image.
            double[] scaled = AttackInputs.ScaleExactly(model, attack, channels);
            bool repaired = false;
            var rounding = new double[scaled.Length];
            for (int i = 0; i < scaled.Length; i++)
            {
                rounding[i] = scaled[i] - Average(attack, left, right, i / channels, targetWidth, width, channels, i % channels);
            }
            for (int i = 0; i < scaled.Length; i++)
            {
                int block = i / channels;
                int c = i % channels;
                double now = Average(attack, left, right, block, targetWidth, width, channels, c);
                double gap = target[i] - (now + rounding[i]);
                if (Math.Abs(gap) <= epsilon)
                {
                    continue;
                }
                Adjust(attack, left, right, block, targetWidth, exclusive[block], channels, c, gap, norm);
                double rest = gap - (Average(attack, left, right, block, targetWidth, width, channels, c) - now);
                if (Math.Abs(rest) > 0.5)
                {
                    // Its exclusive pixels are saturated: shift all its pixels, shared ones too, evenly
                    // (even under L0: saturating a shared pixel can push a neighbour out of
                    // reach); the neighbours this disturbs are repaired as the round goes on.
                    Adjust(attack, left, right, block, targetWidth, AllPixels(left, right, block, targetWidth, width), channels, c, rest, AreaAttackNorm.L1);
                }
                repaired = true;
            }
            if (!repaired)
            {
                break;
            }
        }
        return attack;
    }

    private static double Shrink(double gap, double slack) => Math.Sign(gap) * Math.Max(0, Math.Abs(gap) - slack);

    /// <summary>
    /// Source pixels (y·width + x) each block owns — those no earlier block reads — and those
    /// only it reads (the repair changes these first, so that it does not fight its neighbours
    /// over shared pixels).
    /// </summary>
    private static (int[][] Free, int[][] Exclusive) FreePixels(CoefficientMatrix left, CoefficientMatrix right, int width, int height, int targetWidth, int blocks)
    {
        var readers = new int[(long)width * height];
        for (int block = 0; block < blocks; block++)
        {
            foreach (int pixel in AllPixels(left, right, block, targetWidth, width))
            {
                readers[pixel]++;
            }
        }
        var taken = new bool[readers.Length];
        var free = new int[blocks][];
        var exclusive = new int[blocks][];
        for (int block = 0; block < blocks; block++)
        {
            int[] all = AllPixels(left, right, block, targetWidth, width);
            free[block] = all.Where(pixel => !taken[pixel]).ToArray();
            exclusive[block] = all.Where(pixel => readers[pixel] == 1).ToArray();
            foreach (int pixel in all)
            {
                taken[pixel] = true;
            }
        }
        return (free, exclusive);
    }

    private static int[] AllPixels(CoefficientMatrix left, CoefficientMatrix right, int block, int targetWidth, int width)
    {
        var all = new List<int>();
        foreach (int y in left.GetSourceIndices(block / targetWidth))
        {
            foreach (int x in right.GetSourceIndices(block % targetWidth))
            {
                all.Add(y * width + x);
            }
        }
        return all.ToArray();
    }

    /// <summary>The block's output as L·X·R computes it (in doubles).</summary>
    private static double Average(byte[] image, CoefficientMatrix left, CoefficientMatrix right, int block, int targetWidth, int width, int channels, int c)
    {
        ReadOnlySpan<int> rows = left.GetSourceIndices(block / targetWidth);
        ReadOnlySpan<double> rowWeights = left.GetWeights(block / targetWidth);
        ReadOnlySpan<int> columns = right.GetSourceIndices(block % targetWidth);
        ReadOnlySpan<double> columnWeights = right.GetWeights(block % targetWidth);
        double sum = 0;
        for (int a = 0; a < rows.Length; a++)
        {
            double rowSum = 0;
            for (int b = 0; b < columns.Length; b++)
            {
                rowSum += columnWeights[b] * image[(rows[a] * width + columns[b]) * channels + c];
            }
            sum += rowWeights[a] * rowSum;
        }
        return sum;
    }

    /// <summary>Changes the block's free pixels in channel <paramref name="c"/> so that its output moves by <paramref name="change"/> grey levels.</summary>
    private static void Adjust(byte[] image, CoefficientMatrix left, CoefficientMatrix right, int block, int targetWidth, int[] free,
                               int channels, int c, double change, AreaAttackNorm norm)
    {
        if (change == 0 || free.Length == 0)
        {
            return;
        }
        int width = right.InputCount;
        var weights = new double[free.Length];
        var values = new int[free.Length];
        for (int k = 0; k < free.Length; k++)
        {
            int y = free[k] / width;
            int x = free[k] % width;
            weights[k] = WeightOf(left, block / targetWidth, y) * WeightOf(right, block % targetWidth, x);
            values[k] = image[free[k] * channels + c];
        }
        int[] deltas = norm == AreaAttackNorm.L1 ? EvenShift(weights, values, change) : Saturate(weights, values, change);
        for (int k = 0; k < free.Length; k++)
        {
            image[free[k] * channels + c] = (byte)(values[k] + deltas[k]);
        }
    }

    private static double WeightOf(CoefficientMatrix matrix, int output, int source)
    {
        ReadOnlySpan<int> indices = matrix.GetSourceIndices(output);
        int k = indices.BinarySearch(source);
        return k >= 0 ? matrix.GetWeights(output)[k] : 0;
    }

    /// <summary>
    /// L1: the same shift d for every pixel, clipped at 0/255; d is found by bisection on the
    /// clipped effect Σ w·(clip(v + d) − v), so what clipping loses is made up by the others.
    /// The fractional part of d is then spent one grey level at a time while it brings the output
    /// closer to the aim.
    /// </summary>
    internal static int[] EvenShift(double[] weights, int[] values, double change)
    {
        int sign = Math.Sign(change);
        double need = Math.Abs(change);
        double Effect(double d)
        {
            double e = 0;
            for (int k = 0; k < values.Length; k++)
            {
                e += weights[k] * (Math.Clamp(values[k] + sign * d, 0, 255) - values[k]) * sign;
            }
            return e;
        }
        double low = 0, high = 255;
        if (Effect(high) > need)
        {
            for (int i = 0; i < 60; i++)
            {
                double mid = (low + high) / 2;
                (low, high) = Effect(mid) < need ? (mid, high) : (low, mid);
            }
        }
        else
        {
            low = 255;
        }
        int whole = (int)Math.Floor(low);
        var deltas = new int[values.Length];
        double left = need;
        for (int k = 0; k < values.Length; k++)
        {
            deltas[k] = Math.Clamp(values[k] + sign * whole, 0, 255) - values[k];
            left -= weights[k] * deltas[k] * sign;
        }
        for (int k = 0; k < values.Length && left > 0; k++)
        {
            int next = values[k] + deltas[k] + sign;
            if (next is >= 0 and <= 255 && left >= weights[k] / 2)
            {
                deltas[k] += sign;
                left -= weights[k];
            }
        }
        return deltas;
    }

    /// <summary>
    /// L0: pixels go to 255 (or 0) in the order of their effect w·|bound − v|, largest first; the
    /// last one only as far as needed.
    /// </summary>
    internal static int[] Saturate(double[] weights, int[] values, double change)
    {
        int sign = Math.Sign(change);
        int bound = sign > 0 ? 255 : 0;
        double left = Math.Abs(change);
        int[] order = Enumerable.Range(0, values.Length)
            .OrderByDescending(k => weights[k] * Math.Abs(bound - values[k]))
            .ThenBy(k => k)
            .ToArray();
        var deltas = new int[values.Length];
        foreach (int k in order)
        {
            if (weights[k] <= 0 || left < weights[k] / 2)
            {
                continue; // this pixel cannot bring the output closer; a lighter one may
            }
            int room = Math.Abs(bound - values[k]);
            int steps = Math.Min(room, (int)Math.Round(left / weights[k], MidpointRounding.AwayFromZero));
            deltas[k] = sign * steps;
            left -= steps * weights[k];
        }
        return deltas;
    }
}
