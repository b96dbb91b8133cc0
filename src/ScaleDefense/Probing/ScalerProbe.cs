namespace ScaleDefense;

/// <summary>
/// Recovers L and R of a separable linear scaler, scale(X) = L·X·R, by feeding it one probe per
/// source row and per source column. A probe that lights row i gives L[:, i]·(1ᵀR); one that
/// lights column j gives (L·1)·R[j, :]. L and R are defined up to a common scalar; it is fixed
/// so that the rows of L average to 1, which holds exactly for every scaler that keeps a flat
/// image flat.
/// </summary>
internal static class ScalerProbe
{
    // 8-bit probes sit on these backgrounds (and their amplitude on top): averaging the recovered
    // weights over several backgrounds spreads the rounding of each output (a dither).
    private static readonly byte[] Backgrounds = [0, 9, 18, 27, 36, 45, 54, 63];

    public static ProbedScaler Probe(ImageSize source, ImageSize target, FloatScaler scaler)
    {
        ArgumentNullException.ThrowIfNull(scaler);
        Validate(source, target);
        int calls = 0;
        float[] Run(float[] input)
        {
            var output = new float[target.Width * target.Height];
            scaler(input, new ImageLayout(source.Width, source.Height, 1), output, new ImageLayout(target.Width, target.Height, 1));
            calls++;
            return output;
        }
        double[] Measure(Func<int, int, float> pixel) => Array.ConvertAll(Run(Image(source, pixel)), v => (double)v);
        (double[,] l, double[,] r) = Recover(source, target, (isRow, index) => Measure((y, x) => (isRow ? y : x) == index ? 1f : 0f));
        return Finish(source, target, l, r, SampleType.Float32, 1e-7, () => calls, test =>
        {
            float[] output = Run(Array.ConvertAll(test, v => (float)v));
            return Array.ConvertAll(output, v => (double)v);
        });
    }

    public static ProbedScaler Probe(ImageSize source, ImageSize target, ByteScaler scaler)
    {
        ArgumentNullException.ThrowIfNull(scaler);
        Validate(source, target);
        int calls = 0;
        byte[] Run(byte[] input)
        {
            var output = new byte[target.Width * target.Height];
            scaler(input, new ImageLayout(source.Width, source.Height, 1), output, new ImageLayout(target.Width, target.Height, 1));
            calls++;
            return output;
        }
        // Flat images first: their outputs are the baselines the probes are measured against.
        var flat = Backgrounds.Select(b => Run(Image(source, (_, _) => b))).ToArray();
        double[] Measure(bool isRow, int index)
        {
            var sum = new double[target.Width * target.Height];
            for (int k = 0; k < Backgrounds.Length; k++)
            {
                byte background = Backgrounds[k];
                int amplitude = 255 - background;
                byte[] output = Run(Image(source, (y, x) => (isRow ? y : x) == index ? (byte)255 : background));
                for (int e = 0; e < sum.Length; e++)
                {
                    sum[e] += (output[e] - flat[k][e]) / (double)amplitude;
                }
            }
            for (int e = 0; e < sum.Length; e++)
            {
                sum[e] /= Backgrounds.Length;
            }
            return sum;
        }
        (double[,] l, double[,] r) = Recover(source, target, Measure);
        // Rounding leaves noise of about 0.5/amplitude per probe: smaller estimates are not weights.
        double threshold = 0.5 / (255 - Backgrounds[^1]);
        return Finish(source, target, l, r, SampleType.UInt8, threshold, () => calls, test =>
        {
            byte[] output = Run(Array.ConvertAll(test, v => (byte)v));
            return Array.ConvertAll(output, v => (double)v);
        });
    }

    private static void Validate(ImageSize source, ImageSize target)
    {
        if (source.Width <= 0 || source.Height <= 0 || target.Width <= 0 || target.Height <= 0)
        {
            throw new ArgumentException($"Probe sizes must be positive, got {source} -> {target}.");
        }
        if ((long)source.Width * source.Height > 16_000_000)
        {
            throw new ArgumentException($"Probing calls the scaler {source.Width + source.Height} times; {source} is too large for that (at most 16 megapixels).", nameof(source));
        }
    }

    private static T[] Image<T>(ImageSize size, Func<int, int, T> pixel)
    {
        var image = new T[size.Width * size.Height];
        for (int y = 0; y < size.Height; y++)
        {
            for (int x = 0; x < size.Width; x++)
            {
                image[y * size.Width + x] = pixel(y, x);
            }
        }
        return image;
    }

    // measure(isRow, index): the scaler's response to lighting source row/column `index`, per
    // output pixel, in units of the light (target.Width * target.Height values).
    private static (double[,] Left, double[,] Right) Recover(ImageSize source, ImageSize target, Func<bool, int, double[]> measure)
    {
        int tw = target.Width;
        int th = target.Height;
        var rowResponses = new double[source.Height][];
        var colResponses = new double[source.Width][];
        for (int i = 0; i < source.Height; i++)
        {
            rowResponses[i] = measure(true, i);
        }
        for (int j = 0; j < source.Width; j++)
        {
            colResponses[j] = measure(false, j);
        }
        // Σ_i rows = response to a flat image = a·bᵀ with a = L·1, b = 1ᵀR.
        var flat = new double[tw * th];
        foreach (double[] response in rowResponses)
        {
            for (int e = 0; e < flat.Length; e++)
            {
                flat[e] += response[e];
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
        var left = new double[th, source.Height];
        for (int i = 0; i < source.Height; i++)
        {
            for (int r = 0; r < th; r++)
            {
                left[r, i] = Average(tw, c => rowResponses[i][r * tw + c], c => b[c]);
            }
        }
        var right = new double[tw, source.Width];
        for (int j = 0; j < source.Width; j++)
        {
            for (int c = 0; c < tw; c++)
            {
                right[c, j] = Average(th, r => colResponses[j][r * tw + c], r => a[r]);
            }
        }
        return (left, right);
    }

    // Least-squares estimate of w from samples y_k = w·s_k.
    private static double Average(int count, Func<int, double> y, Func<int, double> scale)
    {
        double numerator = 0;
        double denominator = 0;
        for (int k = 0; k < count; k++)
        {
            numerator += y(k) * scale(k);
            denominator += scale(k) * scale(k);
        }
        return denominator == 0 ? 0 : numerator / denominator;
    }

    private static ProbedScaler Finish(ImageSize source, ImageSize target, double[,] left, double[,] right, SampleType type,
                                       double threshold, Func<int> calls, Func<double[], double[]> runScaler)
    {
        CoefficientMatrix l = CoefficientMatrix.FromDense(left, outputsAreColumns: false, threshold);
        CoefficientMatrix r = CoefficientMatrix.FromDense(right, outputsAreColumns: true, threshold);
        var random = new Random(1234);
        double[] test = Image(source, (_, _) => (double)random.Next(256));
        double[] actual = runScaler(test);
        double[] predicted = MatrixProductOf(l, r, test, source.Width);
        double error = 0;
        for (int e = 0; e < actual.Length; e++)
        {
            error = Math.Max(error, Math.Abs(actual[e] - predicted[e]));
        }
        return new ProbedScaler(source, target, l, r, type, calls(), error);
    }

    private static double[] MatrixProductOf(CoefficientMatrix left, CoefficientMatrix right, double[] pixels, int width)
    {
        var result = new double[left.OutputCount * right.OutputCount];
        for (int row = 0; row < left.OutputCount; row++)
        {
            ReadOnlySpan<int> rows = left.GetSourceIndices(row);
            ReadOnlySpan<double> rowWeights = left.GetWeights(row);
            for (int col = 0; col < right.OutputCount; col++)
            {
                ReadOnlySpan<int> cols = right.GetSourceIndices(col);
                ReadOnlySpan<double> colWeights = right.GetWeights(col);
                double sum = 0;
                for (int a = 0; a < rows.Length; a++)
                {
                    for (int b = 0; b < cols.Length; b++)
                    {
                        sum += rowWeights[a] * colWeights[b] * pixels[rows[a] * width + cols[b]];
                    }
                }
                result[row * right.OutputCount + col] = sum;
            }
        }
        return result;
    }
}
