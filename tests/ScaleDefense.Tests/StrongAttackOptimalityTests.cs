using NUnit.Framework;
using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// The attack is optimal, not merely successful: where kernels do not overlap, the two-step problem
/// (docs/attacks.md) splits into one small problem per output pixel, solved here independently by
/// bisection; elsewhere the solver's duality gap certifies the result.
/// </summary>
[TestFixture]
public class StrongAttackOptimalityTests
{
    // The bands of the two steps as documented in docs/attacks.md: the vertical step aims at
    // ε − 0.25, the horizontal step at ±0.25 around the intermediate image.
    private const double RoundingReserve = 0.25;
    private const double HorizontalBand = 0.25;

    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, 256, 64)]
    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, 256, 128)]
    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, 256, 64)]
    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, 256, 64)]
    [TestCase(ScalingLibrary.TensorFlow1, ScalingAlgorithm.Bilinear, 256, 32)]
    public void MatchesThePerPixelClosedFormWhereKernelsAreDisjoint(ScalingLibrary library, ScalingAlgorithm algorithm, int sourceSize, int targetSize)
    {
        var source = new ImageSize(sourceSize, sourceSize);
        var target = new ImageSize(targetSize, targetSize);
        using ScalingModel model = ScalingModel.Create(library, algorithm, source, target);
        byte[] s = StrongAttackTestData.Photo("astronaut", source);
        byte[] t = StrongAttackTestData.Photo("coffee", target);
        StrongAttackResult result = new StrongScalingAttack(model).Run(s, new ImageLayout(sourceSize, sourceSize, 3), t, new ImageLayout(targetSize, targetSize, 3));
        Assert.That(result.Statistics.VerticalDisjoint && result.Statistics.HorizontalDisjoint, Is.True);
        Assert.That(result.Statistics.ColumnsRaised, Is.Zero, "the reference below assumes ε = 1 everywhere");

        double[] optimum = TwoStepOptimum(model, s, t, 3, epsilon: 1);
        double mse = 0;
        for (int i = 0; i < s.Length; i++)
        {
            mse += (optimum[i] - s[i]) * (optimum[i] - s[i]);
        }
        double optimumPsnr = 10 * Math.Log10(255.0 * 255.0 * s.Length / mse);
        double ours = result.Attack.Verification.PsnrAttackToSource;
        TestContext.Out.WriteLine($"{library} {algorithm} {sourceSize}->{targetSize}: PSNR(A,S) ours {ours:F3} dB, closed form {optimumPsnr:F3} dB, gap {result.Statistics.MaxDualityGap:E2}");
        Assert.That(ours, Is.EqualTo(optimumPsnr).Within(0.1));
    }

    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, 96, 64)]
    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, 96, 64)]
    [TestCase(ScalingLibrary.Pillow, ScalingAlgorithm.Bicubic, 128, 28)]
    public void ReportsASmallDualityGapWhereKernelsOverlap(ScalingLibrary library, ScalingAlgorithm algorithm, int sourceSize, int targetSize)
    {
        StrongAttackResult result = StrongAttackTestData.Attack(library, algorithm, new(sourceSize, sourceSize), new(targetSize, targetSize));
        StrongAttackStatistics stats = result.Statistics;
        TestContext.Out.WriteLine($"{library} {algorithm} {sourceSize}->{targetSize}: max gap {stats.MaxDualityGap:E2} (relative {stats.MaxRelativeGap:E2}), " +
                                  $"residual {stats.MaxResidual:E2}, sweeps max {stats.MaxSweeps} total {stats.TotalSweeps}, columns raised {stats.ColumnsRaised}, rows raised {stats.RowsRaised}, " +
                                  $"PSNR(A,S) {result.Attack.Verification.PsnrAttackToSource:F2} dB, {result.Attack.Verification.Runtime.TotalMilliseconds:F0} ms");
        Assert.That(stats.VerticalDisjoint, Is.False);
        Assert.That(stats.MaxRelativeGap, Is.LessThan(1e-3));
        Assert.That(stats.MaxResidual, Is.LessThanOrEqualTo(1e-3));
    }

    [Test]
    public void PsnrRisesWithTheRatio()
    {
        int[] ratios = [2, 3, 4, 5, 6, 8];
        var curve = new List<double>();
        foreach (int ratio in ratios)
        {
            var target = new ImageSize(512 / ratio, 512 / ratio);
            StrongAttackResult result = StrongAttackTestData.Attack(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, new(512, 512), target);
            curve.Add(result.Attack.Verification.PsnrAttackToSource);
            TestContext.Out.WriteLine($"OpenCV nearest, ratio {ratio} (512 -> {target.Width}): PSNR(A,S) {curve[^1]:F2} dB");
        }
        Assert.That(curve, Is.Ordered.Ascending);
        Assert.That(curve[ratios.IndexOf(4)], Is.InRange(18.0, 25.0));
        Assert.That(curve[^1], Is.GreaterThan(25.0));
    }

    /// <summary>
    /// The two-step optimum by bisection on each output pixel's multiplier: x = clip(s + λw, 0, 255)
    /// with w·x reaching the nearer end of [g − band, g + band].
    /// </summary>
    private static double[] TwoStepOptimum(ScalingModel model, byte[] s, byte[] t, int channels, double epsilon)
    {
        CoefficientMatrix left = model.GetLeft(SampleType.UInt8), right = model.GetRight(SampleType.UInt8);
        int sw = model.Source.Width, sh = model.Source.Height, tw = model.Target.Width, th = model.Target.Height;
        var result = new double[s.Length];
        for (int c = 0; c < channels; c++)
        {
            // S' = S R, then the vertical step per column.
            var intermediate = new double[sh, tw];
            for (int y = 0; y < sh; y++)
            {
                for (int j = 0; j < tw; j++)
                {
                    ReadOnlySpan<int> idx = right.GetSourceIndices(j);
                    ReadOnlySpan<double> w = right.GetWeights(j);
                    double sum = 0;
                    for (int k = 0; k < idx.Length; k++)
                    {
                        sum += w[k] * s[(y * sw + idx[k]) * channels + c];
                    }
                    intermediate[y, j] = sum;
                }
            }
            for (int j = 0; j < tw; j++)
            {
                for (int i = 0; i < th; i++)
                {
                    ReadOnlySpan<int> idx = left.GetSourceIndices(i);
                    double[] values = Solve(idx.ToArray().Select(y => intermediate[y, j]).ToArray(), left.GetWeights(i).ToArray(),
                                            t[(i * tw + j) * channels + c], epsilon - RoundingReserve);
                    for (int k = 0; k < idx.Length; k++)
                    {
                        intermediate[idx[k], j] = values[k];
                    }
                }
            }
            // The horizontal step per row, towards the intermediate image.
            for (int y = 0; y < sh; y++)
            {
                for (int x = 0; x < sw; x++)
                {
                    result[(y * sw + x) * channels + c] = s[(y * sw + x) * channels + c];
                }
                for (int j = 0; j < tw; j++)
                {
                    ReadOnlySpan<int> idx = right.GetSourceIndices(j);
                    double[] values = Solve(idx.ToArray().Select(x => (double)s[(y * sw + x) * channels + c]).ToArray(), right.GetWeights(j).ToArray(),
                                            intermediate[y, j], HorizontalBand);
                    for (int k = 0; k < idx.Length; k++)
                    {
                        result[(y * sw + idx[k]) * channels + c] = values[k];
                    }
                }
            }
        }
        return result;
    }

    private static double[] Solve(double[] source, double[] weights, double goal, double band)
    {
        double Value(double lambda) => source.Select((v, k) => weights[k] * Math.Clamp(v + lambda * weights[k], 0, 255)).Sum();
        double at0 = Value(0);
        double lambda = 0;
        if (at0 < goal - band || at0 > goal + band)
        {
            double aim = at0 < goal - band ? goal - band : goal + band;
            double lo = -1e6, hi = 1e6;
            for (int iteration = 0; iteration < 200; iteration++)
            {
                double mid = 0.5 * (lo + hi);
                if (Value(mid) < aim)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }
            lambda = 0.5 * (lo + hi);
        }
        return source.Select((v, k) => Math.Clamp(v + lambda * weights[k], 0, 255)).ToArray();
    }
}
