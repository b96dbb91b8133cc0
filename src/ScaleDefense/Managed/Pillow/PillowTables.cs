namespace ScaleDefense.Managed.Pillow;

/// <summary>
/// One axis of Pillow's resize: taps 0..count−1 of an output are the consecutive source pixels
/// from Table.Source[output·taps]; the rest is zero-weight padding the passes skip. Count 0
/// (nearest only) means the output reads nothing and stays 0. Needed is false when Pillow
/// skips the axis' pass (size unchanged).
/// </summary>
internal sealed record AxisTable(KernelTable Table, int[] Count, bool Needed);

/// <summary>
/// Per-axis tables of Pillow's Image.resize with the default box and reducing_gap=None.
/// Mirrors native/src/scaling/pillow/pillow_tables.cpp.
/// </summary>
internal static class PillowTables
{
    /// <summary>Resample.c: PRECISION_BITS = 32 − 8 − 2.</summary>
    public const int PrecisionBits = 22;

    /// <summary>Resample.c: precompute_coeffs + normalize_coeffs_8bpc; identity for equal sizes.</summary>
    public static AxisTable Filter(int inputs, int outputs, PillowFilters.Filter filter)
    {
        if (inputs == outputs)
        {
            return Identity(inputs);
        }
        double scale = BoxScale(inputs, outputs);
        double filterScale = Math.Max(scale, 1.0); // widen only when down-scaling
        double support = filter.Support * filterScale;
        int ksize = ((int)Math.Ceiling(support) * 2) + 1;
        var table = new KernelTable(outputs, inputs, ksize);
        var counts = new int[outputs];
        var w = new double[ksize];
        for (int xx = 0; xx < outputs; xx++)
        {
            double center = 0.0 + ((xx + 0.5) * scale);
            double ss = 1.0 / filterScale; // Pillow multiplies by the reciprocal
            int xmin = Math.Max((int)(center - support + 0.5), 0);
            int xmax = Math.Min((int)(center + support + 0.5), inputs);
            int count = xmax - xmin;
            double ww = 0.0;
            for (int x = 0; x < count; x++)
            {
                w[x] = filter.Kernel((x + xmin - center + 0.5) * ss);
                ww += w[x];
            }
            counts[xx] = count;
            for (int x = 0; x < ksize; x++)
            {
                int at = (xx * ksize) + x;
                if (x < count)
                {
                    double v = ww != 0.0 ? w[x] / ww : w[x];
                    table.Source[at] = xmin + x;
                    table.Weight[at] = v;
                    table.Fixed[at] = ToFixed(v);
                }
                else
                {
                    table.Source[at] = xmin; // padding, weight 0
                }
            }
        }
        return new AxisTable(table, counts, Needed: true);
    }

    /// <summary>Geometry.c: ImagingScaleAffine's xintab, a running double sum of the step from a/2.</summary>
    public static AxisTable Nearest(int inputs, int outputs)
    {
        var table = new KernelTable(outputs, inputs, 1);
        var counts = new int[outputs];
        double a = BoxScale(inputs, outputs);
        double xo = 0.0 + (a * 0.5);
        for (int x = 0; x < outputs; x++)
        {
            int xin = xo < 0.0 ? -1 : (int)xo; // Geometry.c: COORD
            if (xin >= 0 && xin < inputs)
            {
                counts[x] = 1;
                table.Source[x] = xin;
                table.Weight[x] = 1.0;
                table.Fixed[x] = 1 << PrecisionBits;
            }
            xo += a;
        }
        return new AxisTable(table, counts, inputs != outputs);
    }

    /// <summary>Support width in source pixels: 2 · support · max(scale, 1).</summary>
    public static double Width(int inputs, int outputs, PillowFilters.Filter filter) =>
        2.0 * filter.Support * Math.Max(BoxScale(inputs, outputs), 1.0);

    // The box is single-precision floats in _imaging.c: _resize; (in1 − in0) is a float difference.
    private static double BoxScale(int inputs, int outputs) => (double)((float)inputs - 0.0f) / outputs;

    // Resample.c: normalize_coeffs_8bpc, round half away from zero with a truncating cast.
    private static int ToFixed(double w)
    {
        const double one = 1 << PrecisionBits;
        return w < 0 ? (int)(-0.5 + (w * one)) : (int)(0.5 + (w * one));
    }

    private static AxisTable Identity(int size)
    {
        var table = new KernelTable(size, size, 1);
        var counts = new int[size];
        for (int i = 0; i < size; i++)
        {
            counts[i] = 1;
            table.Source[i] = i;
            table.Weight[i] = 1.0;
            table.Fixed[i] = 1 << PrecisionBits;
        }
        return new AxisTable(table, counts, Needed: false);
    }
}
