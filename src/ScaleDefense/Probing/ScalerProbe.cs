namespace ScaleDefense;

/// <summary>
/// Recovers L and R of a separable linear scaler, scale(X) = L·X·R, from its outputs alone. Lighting
/// source row i gives L[:, i]·(1ᵀR); lighting column j gives (L·1)·R[j, :]. Rows (columns) spaced
/// wider than any output's support are lit in the same call — each output then sees at most one of
/// them, the one nearest its centre — so a local kernel takes a few calls per axis rather than one per
/// index. How far supports reach is measured first with a sparse comb of impulses, and the whole
/// recovery is checked at the end by predicting a random image; a poor prediction repeats it with
/// twice the spacing. L and R are defined up to a common scalar, fixed so that the rows of L average
/// to 1, which holds exactly for every scaler that keeps a flat image flat.
/// </summary>
internal static class ScalerProbe
{
    public static ProbedScaler Probe(ImageSize source, ImageSize target, FloatScaler scaler)
    {
        ArgumentNullException.ThrowIfNull(scaler);
        Validate(source, target);
        return Run(new FloatProbeChannel(source, target, scaler), source, target, SampleType.Float32, retryAbove: 1e-2);
    }

    public static ProbedScaler Probe(ImageSize source, ImageSize target, ByteScaler scaler)
    {
        ArgumentNullException.ThrowIfNull(scaler);
        Validate(source, target);
        return Run(new ByteProbeChannel(source, target, scaler), source, target, SampleType.UInt8, retryAbove: 4);
    }

    private static void Validate(ImageSize source, ImageSize target)
    {
        if (source.Width <= 0 || source.Height <= 0 || target.Width <= 0 || target.Height <= 0)
        {
            throw new ArgumentException($"Probe sizes must be positive, got {source} -> {target}.");
        }
        if ((long)source.Width * source.Height > 16_000_000)
        {
            throw new ArgumentException($"Probing a scaler whose supports are wide calls it up to {source.Width + source.Height} times; {source} is too large for that (at most 16 megapixels).", nameof(source));
        }
    }

    private static ProbedScaler Run(ProbeChannel channel, ImageSize source, ImageSize target, SampleType type, double retryAbove)
    {
        int rowSpacing = FindSpacing(channel, rows: true, source.Height, target.Height);
        int columnSpacing = FindSpacing(channel, rows: false, source.Width, target.Width);
        while (true)
        {
            (CoefficientMatrix left, CoefficientMatrix right) = Recover(channel, source, target, rowSpacing, columnSpacing);
            double error = channel.PredictionError(left, right);
            bool widest = rowSpacing == source.Height && columnSpacing == source.Width;
            if (error <= retryAbove || widest)
            {
                return new ProbedScaler(source, target, left, right, type, channel.Calls, error, rowSpacing, columnSpacing);
            }
            // Something reached further than the pilot saw (or the scaler is not L·X·R): wider spacing, once more.
            rowSpacing = Math.Min(source.Height, 2 * rowSpacing);
            columnSpacing = Math.Min(source.Width, 2 * columnSpacing);
            retryAbove = double.PositiveInfinity;
        }
    }

    // Source coordinate of an output's centre under the half-pixel convention; a scaler with another
    // convention shifts it by less than a pixel or so, which the measured reach absorbs.
    private static double Centre(int output, int inputs, int outputs) => (output + 0.5) * inputs / outputs - 0.5;

    // The spacing of impulses that keeps every output on one impulse: twice the furthest an output's
    // centre lies from a source index it reads, plus a margin for weights too small for the pilot to
    // see. The pilot comb must itself be sparse enough: an output whose support is wider than a
    // quarter of the comb's spacing would reach a quarter of the way (and could see two teeth), so
    // the comb is widened until every reach stays below a quarter.
    private static int FindSpacing(ProbeChannel channel, bool rows, int inputs, int outputs)
    {
        int ratio = (int)Math.Ceiling((double)inputs / outputs);
        for (int comb = Math.Max(16, 8 * ratio + 8); comb < inputs; comb *= 2)
        {
            double reach = 0;
            // The comb is shifted by one index up to the ratio, so that a scaler reading one pixel in
            // every `ratio` (nearest) is seen at every phase, not only where a tooth happens to be read.
            // At most 32 phases: beyond ratio 32 a nearest scaler may be under-measured, which the final
            // prediction check catches (and answers with twice the spacing).
            for (int first = comb / 2; first < comb / 2 + Math.Min(ratio, 32); first++)
            {
                int teeth = (inputs - 1 - first) / comb + 1;
                for (int pass = 0; pass < channel.PilotPasses; pass++)
                {
                    double[] response = channel.Respond(rows, first, comb, pass, pilot: true);
                    for (int o = 0; o < outputs; o++)
                    {
                        if (Responds(response, rows, o, outputs, response.Length / outputs))
                        {
                            double centre = Centre(o, inputs, outputs);
                            int tooth = first + comb * Math.Clamp((int)Math.Round((centre - first) / comb), 0, teeth - 1);
                            reach = Math.Max(reach, Math.Abs(centre - tooth));
                        }
                    }
                }
            }
            if (reach < comb / 4.0)
            {
                return Math.Min(inputs, 2 * (int)Math.Ceiling(reach) + 5);
            }
        }
        return inputs; // supports about as wide as the image: one index per call
    }

    private static bool Responds(double[] response, bool rows, int output, int outputs, int across)
    {
        for (int k = 0; k < across; k++)
        {
            if (response[rows ? output * across + k : k * outputs + output] != 0)
            {
                return true;
            }
        }
        return false;
    }

    private static (CoefficientMatrix Left, CoefficientMatrix Right) Recover(ProbeChannel channel, ImageSize source, ImageSize target,
                                                                           int rowSpacing, int columnSpacing)
    {
        int tw = target.Width;
        int th = target.Height;
        // Lighting everything: a·bᵀ with a = L·1 and b = 1ᵀR, the scale of each output row and column.
        var flat = new double[tw * th];
        for (int pass = 0; pass < channel.Passes; pass++)
        {
            double[] response = channel.Respond(rows: true, 0, 1, pass, pilot: false);
            for (int e = 0; e < flat.Length; e++)
            {
                flat[e] += response[e] / channel.Passes;
            }
        }
        var b = new double[tw];
        for (int c = 0; c < tw; c++)
        {
            for (int r = 0; r < th; r++)
            {
                b[c] += flat[r * tw + c] / th; // rows of L average to 1
            }
        }
        var a = new double[th];
        for (int r = 0; r < th; r++)
        {
            for (int c = 0; c < tw; c++)
            {
                a[r] += b[c] == 0 ? 0 : flat[r * tw + c] / b[c] / tw;
            }
        }
        double[,] left = RecoverAxis(channel, rows: true, source.Height, th, tw, rowSpacing, b);
        double[,] right = RecoverAxis(channel, rows: false, source.Width, tw, th, columnSpacing, a);
        return (CoefficientMatrix.FromDense(left, outputsAreColumns: false, channel.Threshold(tw)),
                CoefficientMatrix.FromDense(right, outputsAreColumns: true, channel.Threshold(th)));
    }

    // Weights [outputs, inputs] of one axis. Along the other axis each output of a lit row (column)
    // sees the weight times that axis' scale: the least-squares weight over it, summed over passes.
    private static double[,] RecoverAxis(ProbeChannel channel, bool rows, int inputs, int outputs, int across, int spacing, double[] scale)
    {
        var numerator = new double[outputs, inputs];
        var denominator = new double[outputs, inputs];
        double scaleSquared = scale.Sum(v => v * v);
        for (int pass = 0; pass < channel.Passes; pass++)
        {
            for (int residue = 0; residue < spacing; residue++)
            {
                double[] response = channel.Respond(rows, residue, spacing, pass, pilot: false);
                for (int o = 0; o < outputs; o++)
                {
                    // The lit index nearest the output's centre is the only one it can read.
                    int index = residue + spacing * (int)Math.Round((Centre(o, inputs, outputs) - residue) / spacing);
                    if (index < 0 || index >= inputs)
                    {
                        continue;
                    }
                    double sum = 0;
                    for (int k = 0; k < across; k++)
                    {
                        sum += response[rows ? o * across + k : k * outputs + o] * scale[k];
                    }
                    numerator[o, index] += sum;
                    denominator[o, index] += scaleSquared;
                }
            }
        }
        var weights = new double[outputs, inputs];
        for (int o = 0; o < outputs; o++)
        {
            for (int i = 0; i < inputs; i++)
            {
                weights[o, i] = denominator[o, i] == 0 ? 0 : numerator[o, i] / denominator[o, i];
            }
        }
        return weights;
    }
}
