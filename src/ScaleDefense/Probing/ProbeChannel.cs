namespace ScaleDefense;

/// <summary>
/// What the probe sends through a black-box scaler and reads back. A call lights source rows (or
/// columns) whose index is ≡ residue modulo spacing; the response is the output's change, divided
/// by the amplitude of the light, per output pixel (target width × height values).
/// </summary>
internal abstract class ProbeChannel(ImageSize source, ImageSize target)
{
    protected ImageSize Source { get; } = source;

    protected ImageSize Target { get; } = target;

    /// <summary>Scaler calls so far.</summary>
    public int Calls { get; protected set; }

    /// <summary>Independent repetitions of every pattern (backgrounds and signs), averaged.</summary>
    public abstract int Passes { get; }

    /// <summary>Repetitions of the pilot pattern that measures how far supports reach.</summary>
    public abstract int PilotPasses { get; }

    /// <summary>The response of one call. Spacing 1 lights every pixel.</summary>
    public abstract double[] Respond(bool rows, int residue, int spacing, int pass, bool pilot);

    /// <summary>Recovered weights of at most this magnitude are noise, given the samples averaged per pass.</summary>
    public abstract double Threshold(int samplesPerPass);

    /// <summary>
    /// Largest difference between the scaler's output and the prediction of L·X·R on a random image
    /// (values 0..255), the prediction put through the scaler's own output type (8-bit: rounded, clamped).
    /// </summary>
    public double PredictionError(CoefficientMatrix left, CoefficientMatrix right)
    {
        var random = new Random(1234);
        var test = new double[Source.Width * Source.Height];
        for (int e = 0; e < test.Length; e++)
        {
            test[e] = random.Next(256);
        }
        double[] actual = Scale(test);
        double[] predicted = Predict(left, right, test);
        double error = 0;
        for (int e = 0; e < actual.Length; e++)
        {
            error = Math.Max(error, Math.Abs(actual[e] - AsOutput(predicted[e])));
        }
        return error;
    }

    /// <summary>The scaler's output for an image of whole values 0..255.</summary>
    protected abstract double[] Scale(double[] image);

    /// <summary>A predicted value as the scaler's output type would hold it.</summary>
    protected abstract double AsOutput(double predicted);

    /// <summary>Offsets of the pixels of the source rows (or columns) ≡ residue modulo spacing.</summary>
    protected IEnumerable<int> LitPixels(bool rows, int residue, int spacing)
    {
        int w = Source.Width;
        for (int y = rows ? residue : 0; y < Source.Height; y += rows ? spacing : 1)
        {
            for (int x = rows ? 0 : residue; x < w; x += rows ? 1 : spacing)
            {
                yield return y * w + x;
            }
        }
    }

    /// <summary>L·X·R in double precision.</summary>
    protected double[] Predict(CoefficientMatrix left, CoefficientMatrix right, double[] pixels)
    {
        int tw = right.OutputCount;
        var across = new double[Source.Height * tw];
        for (int y = 0; y < Source.Height; y++)
        {
            for (int c = 0; c < tw; c++)
            {
                ReadOnlySpan<int> cols = right.GetSourceIndices(c);
                ReadOnlySpan<double> w = right.GetWeights(c);
                double sum = 0;
                for (int k = 0; k < cols.Length; k++)
                {
                    sum += w[k] * pixels[y * Source.Width + cols[k]];
                }
                across[y * tw + c] = sum;
            }
        }
        var result = new double[left.OutputCount * tw];
        for (int r = 0; r < left.OutputCount; r++)
        {
            ReadOnlySpan<int> rows = left.GetSourceIndices(r);
            ReadOnlySpan<double> w = left.GetWeights(r);
            for (int c = 0; c < tw; c++)
            {
                double sum = 0;
                for (int k = 0; k < rows.Length; k++)
                {
                    sum += w[k] * across[rows[k] * tw + c];
                }
                result[r * tw + c] = sum;
            }
        }
        return result;
    }
}

/// <summary>
/// Float probes: impulses of 1 on 0, one pass; float outputs carry the weights without rounding.
/// </summary>
internal sealed class FloatProbeChannel(ImageSize source, ImageSize target, FloatScaler scaler) : ProbeChannel(source, target)
{
    public override int Passes => 1;

    public override int PilotPasses => 1;

    public override double[] Respond(bool rows, int residue, int spacing, int pass, bool pilot)
    {
        var input = new float[Source.Width * Source.Height];
        foreach (int e in LitPixels(rows, residue, spacing))
        {
            input[e] = 1f;
        }
        return Array.ConvertAll(Run(input), v => (double)v);
    }

    public override double Threshold(int samplesPerPass) => 1e-7;

    protected override double[] Scale(double[] image) => Array.ConvertAll(Run(Array.ConvertAll(image, v => (float)v)), v => (double)v);

    protected override double AsOutput(double predicted) => predicted;

    private float[] Run(float[] input)
    {
        var output = new float[Target.Width * Target.Height];
        scaler(input, new ImageLayout(Source.Width, Source.Height, 1), output, new ImageLayout(Target.Width, Target.Height, 1));
        Calls++;
        return output;
    }
}

/// <summary>
/// 8-bit probes. Each pass lays its impulses (±<see cref="Amplitude"/>, the sign alternating between
/// passes, so negative lobes are seen as well as positive ones) on its own random background around
/// mid-grey, and subtracts that background's own output: the background's sub-grey-level share in
/// each output pixel dithers the scaler's rounding, so averaging over an output row or column and
/// over the passes recovers weights well below 1/amplitude. Backgrounds and amplitude keep every
/// output inside 0..255 for kernels whose weights stay within −0.1..1, so nothing is clipped.
/// </summary>
internal sealed class ByteProbeChannel : ProbeChannel
{
    private const int Amplitude = 100;
    private const int Mid = 128;
    private const int Spread = 16; // backgrounds are Mid ± Spread

    private readonly ByteScaler _scaler;
    private readonly byte[][] _backgrounds;
    private readonly byte[]?[] _baselines;
    private readonly byte[] _pilotBackground;
    private byte[]? _pilotBaseline;

    public ByteProbeChannel(ImageSize source, ImageSize target, ByteScaler scaler) : base(source, target)
    {
        _scaler = scaler;
        // More passes where fewer outputs are averaged per pass: the noise of a weight falls as
        // 1/sqrt(outputs × passes); 2000 samples put its standard deviation below 1e-4.
        int half = Math.Clamp((int)Math.Ceiling(1000.0 / Math.Min(target.Width, target.Height)), 2, 24);
        Passes = 2 * half;
        _backgrounds = new byte[Passes][];
        _baselines = new byte[Passes][];
        for (int p = 0; p < Passes; p++)
        {
            var random = new Random(17 + p);
            _backgrounds[p] = new byte[source.Width * source.Height];
            for (int e = 0; e < _backgrounds[p].Length; e++)
            {
                _backgrounds[p][e] = (byte)(Mid - Spread + random.Next(2 * Spread + 1));
            }
        }
        _pilotBackground = new byte[source.Width * source.Height];
        Array.Fill(_pilotBackground, (byte)Mid);
    }

    public override int Passes { get; }

    // Full swing on a flat mid-grey: a weight of 1/255 moves an output by a grey level in one of them.
    public override int PilotPasses => 2;

    public override double[] Respond(bool rows, int residue, int spacing, int pass, bool pilot)
    {
        byte[] background = pilot ? _pilotBackground : _backgrounds[pass];
        byte[] baseline = pilot ? (_pilotBaseline ??= Run(background)) : (_baselines[pass] ??= Run(background));
        int amplitude = pilot ? (pass == 0 ? 255 - Mid : -Mid) : (pass % 2 == 0 ? Amplitude : -Amplitude);
        byte[] input = (byte[])background.Clone();
        foreach (int e in LitPixels(rows, residue, spacing))
        {
            input[e] = (byte)(input[e] + amplitude);
        }
        byte[] output = Run(input);
        var response = new double[output.Length];
        for (int e = 0; e < output.Length; e++)
        {
            response[e] = (output[e] - baseline[e]) / (double)amplitude;
        }
        return response;
    }

    // Rounding leaves an error of at most half a grey level per output (a standard deviation near
    // 0.29 when the dither is uniform), unbiased: 3.5 half-levels over the mean is about six of its
    // standard deviations, so noise is not stored as weight while weights above ~4e-4 are kept.
    public override double Threshold(int samplesPerPass) => 3.5 * 0.5 / (Amplitude * Math.Sqrt((double)samplesPerPass * Passes));

    protected override double[] Scale(double[] image) => Array.ConvertAll(Run(Array.ConvertAll(image, v => (byte)v)), v => (double)v);

    protected override double AsOutput(double predicted) => Math.Clamp(Math.Round(predicted, MidpointRounding.AwayFromZero), 0, 255);

    private byte[] Run(byte[] input)
    {
        var output = new byte[Target.Width * Target.Height];
        _scaler(input, new ImageLayout(Source.Width, Source.Height, 1), output, new ImageLayout(Target.Width, Target.Height, 1));
        Calls++;
        return output;
    }
}
