using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>A reproducible set of size pairs: ratios 0.5..12 on each axis, odd and even integers,
/// non-integers, asymmetric pairs, one-pixel sides, upscales.</summary>
public static class ConformanceCases
{
    public sealed record SizeCase(ImageSize Source, ImageSize Target, int Channels, int Seed)
    {
        public override string ToString() => $"{Source}->{Target}x{Channels}";
    }

    internal static IReadOnlyList<SizeCase> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var cases = new List<SizeCase>();
        int[] channels = [1, 3, 4];
        // Fixed cases first: the integer ratios where OpenCV's bilinear degenerates, and edges.
        (int, int, int, int)[] fixedPairs =
        [
            (90, 90, 30, 30), (150, 100, 30, 20), (140, 98, 20, 14), (120, 96, 12, 8), (64, 64, 32, 32),
            (128, 96, 16, 12), (96, 80, 48, 40), (1, 37, 1, 5), (41, 1, 7, 1), (1, 1, 3, 4), (5, 7, 1, 1),
            (10, 10, 20, 20), (7, 9, 14, 18), (33, 17, 4, 2), (200, 40, 17, 40), (48, 48, 4, 4), (100, 100, 100, 100),
        ];
        foreach ((int sw, int sh, int tw, int th) in fixedPairs)
        {
            foreach (int c in channels)
            {
                cases.Add(new SizeCase(new(sw, sh), new(tw, th), c, random.Next()));
            }
        }
        double[] ratios = [0.5, 0.75, 1.3, 2, 2.5, 3, 3.7, 4, 5, 6.4, 7, 8, 9.5, 11, 12];
        while (cases.Count < count)
        {
            double rx = random.NextDouble() < 0.5 ? ratios[random.Next(ratios.Length)] : 0.5 + random.NextDouble() * 11.5;
            double ry = random.NextDouble() < 0.3 ? rx : ratios[random.Next(ratios.Length)];
            int tw = random.Next(1, 40);
            int th = random.Next(1, 40);
            int sw = Math.Max(1, (int)Math.Round(tw * rx));
            int sh = Math.Max(1, (int)Math.Round(th * ry));
            cases.Add(new SizeCase(new(sw, sh), new(tw, th), channels[random.Next(channels.Length)], random.Next()));
        }
        return cases;
    }

    /// <summary>Every case with both algorithms, named for the test runner.</summary>
    internal static IEnumerable<TestCaseData> WithAlgorithms(IEnumerable<SizeCase> cases) =>
        from c in cases
        from a in new[] { ScalingAlgorithm.Nearest, ScalingAlgorithm.Bilinear }
        select new TestCaseData(c, a).SetArgDisplayNames(c.ToString(), a.ToString());

    internal static byte[] RandomBytes(ImageSize size, int channels, int seed)
    {
        var pixels = new byte[size.Width * size.Height * channels];
        new Random(seed).NextBytes(pixels);
        return pixels;
    }

    internal static float[] RandomFloats(ImageSize size, int channels, int seed, float scale)
    {
        var random = new Random(seed);
        var pixels = new float[size.Width * size.Height * channels];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)(random.NextDouble() * scale);
        }
        return pixels;
    }
}
