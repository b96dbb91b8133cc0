using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// Small resizes whose results are worked out here from TensorFlow's definitions
/// (docs/scalers/tensorflow.md): positions, taps and weights are written as expressions.
/// Inputs are 1×n rows (every method is the identity on an unchanged axis).
/// </summary>
[TestFixture]
public class TensorFlowHandDerivedTests
{
    private static readonly float[] V = [7, 19, 4, 31, 13, 26];

    private static float[] Run(ScalingLibrary library, ScalingAlgorithm algorithm, float[] input, int m, bool antialias = false, ScalingBackend backend = ScalingBackend.Native)
    {
        using var model = ScalingModel.Create(library, algorithm, new(input.Length, 1), new(m, 1),
            new ScalingOptions { Antialias = antialias, Backend = backend });
        return model.Scale(input, 1);
    }

    private static void Expect(ScalingLibrary library, ScalingAlgorithm algorithm, float[] input, bool antialias, double tolerance, params double[] expected)
    {
        foreach (ScalingBackend backend in new[] { ScalingBackend.Native, ScalingBackend.Managed })
        {
            float[] actual = Run(library, algorithm, input, expected.Length, antialias, backend);
            Assert.That(actual.Select(v => (double)v), Is.EqualTo(expected).Within(tolerance).AsCollection, backend.ToString());
        }
    }

    private static double Weighted(double[] weights, params double[] values)
    {
        double sum = 0, total = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            sum += weights[i] * values[i];
            total += weights[i];
        }
        return sum / total;
    }

    [Test]
    public void Tf1_nearest_takes_floor_of_p_beta()
    {
        // n = 5, m = 2, β = 2.5: floor(0) = 0, floor(2.5) = 2.
        float[] v = V[..5];
        Expect(ScalingLibrary.TensorFlow1, ScalingAlgorithm.Nearest, v, false, 0, v[0], v[2]);
        // Upscaling n = 2 → m = 5, β = 0.4: floor(0, 0.4, 0.8, 1.2, 1.6) = 0, 0, 0, 1, 1.
        Expect(ScalingLibrary.TensorFlow1, ScalingAlgorithm.Nearest, V[..2], false, 0, V[0], V[0], V[0], V[1], V[1]);
    }

    [Test]
    public void Tf2_nearest_takes_floor_of_half_pixel_centre()
    {
        // n = 5, m = 2, β = 2.5: floor(0.5·2.5 = 1.25) = 1, floor(1.5·2.5 = 3.75) = 3. AA is ignored.
        float[] v = V[..5];
        Expect(ScalingLibrary.TensorFlow, ScalingAlgorithm.Nearest, v, false, 0, v[1], v[3]);
        Expect(ScalingLibrary.TensorFlow, ScalingAlgorithm.Nearest, v, true, 0, v[1], v[3]);
        // n = 2 → m = 5, β = 0.4: floor(0.2, 0.6, 1.0, 1.4, 1.8) = 0, 0, 1, 1, 1.
        Expect(ScalingLibrary.TensorFlow, ScalingAlgorithm.Nearest, V[..2], false, 0, V[0], V[0], V[1], V[1], V[1]);
    }

    [Test]
    public void Tf1_bilinear_interpolates_at_p_beta()
    {
        // n = 4, m = 3, β = fl(4/3); x = p·β; λ = x − floor(x); out = v[lo] + (v[hi] − v[lo])·λ.
        float[] v = V[..4];
        float beta = 4f / 3f;
        float x1 = 1 * beta, x2 = 2 * beta;
        float l1 = x1 - 1, l2 = x2 - 2;
        Expect(ScalingLibrary.TensorFlow1, ScalingAlgorithm.Bilinear, v, false, 0,
            v[0], v[1] + (v[2] - v[1]) * l1, v[2] + (v[3] - v[2]) * l2);
    }

    [Test]
    public void Tf2_bilinear_interpolates_at_half_pixel_position_with_edge_clamp()
    {
        // n = 2, m = 4, β = 0.5: x = (p + 0.5)·0.5 − 0.5 = −0.25, 0.25, 0.75, 1.25.
        // x < 0 → lo = hi = 0 → v0; x > n − 1 → lo = 1, hi = min(2, 1) = 1 → v1.
        float[] v = V[..2];
        Expect(ScalingLibrary.TensorFlow, ScalingAlgorithm.Bilinear, v, false, 0,
            v[0], v[0] + (v[1] - v[0]) * 0.25f, v[0] + (v[1] - v[0]) * 0.75f, v[1]);
    }

    [Test]
    public void Tf2_bilinear_antialias_is_a_widened_triangle()
    {
        // n = 6, m = 2, β′ = 3, κ = 3: output 0 centre c = 1.5, taps j with j + 0.5 in [−1.5, 4.5]
        // → 0..4, weights 1 − |j + 0.5 − 1.5|/3 = 2/3, 1, 2/3, 1/3, 0.
        double[] w = [2.0 / 3, 1, 2.0 / 3, 1.0 / 3, 0];
        // Output 1: c = 4.5, taps 1..5, weights 0, 1/3, 2/3, 1, 2/3.
        double[] w1 = [0, 1.0 / 3, 2.0 / 3, 1, 2.0 / 3];
        Expect(ScalingLibrary.TensorFlow, ScalingAlgorithm.Bilinear, V, true, 1e-4,
            Weighted(w, V[0], V[1], V[2], V[3], V[4]), Weighted(w1, V[1], V[2], V[3], V[4], V[5]));
    }

    [Test]
    public void Tf1_bicubic_uses_a_minus_075_with_clamped_taps()
    {
        // n = 3, m = 2, β = 1.5. Output 1: x = 1.5, t = 0.5; a = −0.75:
        // W(1.5) = a(1.5³ − 5·1.5² + 8·1.5 − 4) = a·0.125 = −0.09375,
        // W(0.5) = (a + 2)·0.125 − (a + 3)·0.25 + 1 = 0.59375.
        // Taps 0, 1, 2, 3 → 3 clamps to 2. Output 0: x = 0, weights (0, 1, 0, 0).
        float[] v = V[..3];
        Expect(ScalingLibrary.TensorFlow1, ScalingAlgorithm.Bicubic, v, false, 1e-5,
            v[0], -0.09375 * v[0] + 0.59375 * v[1] + 0.59375 * v[2] - 0.09375 * v[2]);
    }

    [Test]
    public void Tf2_bicubic_uses_keys_and_drops_taps_outside()
    {
        // n = 3, m = 2, β = 1.5, a = −0.5. Output 0: x = 0.75 − 0.5 = 0.25, t = 0.25:
        // W(1.25) = −0.5(1.953125 − 7.8125 + 10 − 4) = −0.0703125 (tap −1: dropped),
        // W(0.25) = 1.5·0.015625 − 2.5·0.0625 + 1 = 0.8671875,
        // W(0.75) = 1.5·0.421875 − 2.5·0.5625 + 1 = 0.2265625,
        // W(1.75) = −0.5(5.359375 − 15.3125 + 14 − 4) = −0.0234375; renormalised.
        // Output 1: x = 1.75, t = 0.75: taps 0, 1, 2 with W(1.75), W(0.75), W(0.25); tap 3 dropped.
        float[] v = V[..3];
        Expect(ScalingLibrary.TensorFlow, ScalingAlgorithm.Bicubic, v, false, 1e-4,
            Weighted([0.8671875, 0.2265625, -0.0234375], v[0], v[1], v[2]),
            Weighted([-0.0234375, 0.2265625, 0.8671875], v[0], v[1], v[2]));
    }

    [Test]
    public void Area_shares_boundary_pixels_fractionally()
    {
        // n = 3, m = 2, β = 1.5: cells [0, 1.5) and [1.5, 3).
        float[] v = V[..3];
        foreach (ScalingLibrary library in new[] { ScalingLibrary.TensorFlow1, ScalingLibrary.TensorFlow })
        {
            Expect(library, ScalingAlgorithm.Area, v, false, 1e-4, (v[0] + 0.5 * v[1]) / 1.5, (0.5 * v[1] + v[2]) / 1.5);
        }
        // Upscaling n = 2 → m = 3, β = 2/3: cells [0, 2/3), [2/3, 4/3), [4/3, 2).
        Expect(ScalingLibrary.TensorFlow, ScalingAlgorithm.Area, V[..2], true, 1e-4,
            V[0], (V[0] / 3.0 + V[1] / 3.0) / (2.0 / 3), V[1]);
    }

    private static double Lanczos(double r, double d) =>
        d <= 1e-3 ? 1 : d > r ? 0 : r * Math.Sin(Math.PI * d) * Math.Sin(Math.PI * d / r) / (Math.PI * Math.PI * d * d);

    private static double Gaussian(double d) => d >= 1.5 ? 0 : Math.Exp(-d * d / (2 * 0.5 * 0.5));

    private static double Mitchell(double d) =>
        d >= 2 ? 0 : d >= 1 ? ((-7.0 / 18 * d + 2) * d - 10.0 / 3) * d + 16.0 / 9 : (7.0 / 6 * d - 2) * d * d + 8.0 / 9;

    [Test]
    public void Sampling_kernels_without_antialias()
    {
        // n = 3, m = 2, β′ = 1.5; output 0 centre c = 0.75; pixel centres 0.5, 1.5, 2.5 at
        // distances 0.25, 0.75, 1.75 (all within radius 2, 3, 5; gaussian's 1.5 keeps the first two).
        float[] v = V[..3];
        double[] d = [0.25, 0.75, 1.75];
        // Output 1: centre 2.25, distances 1.75, 0.75, 0.25.
        double[] e = [1.75, 0.75, 0.25];
        Expect(ScalingLibrary.TensorFlow, ScalingAlgorithm.Lanczos3, v, false, 1e-4,
            Weighted(d.Select(x => Lanczos(3, x)).ToArray(), v[0], v[1], v[2]), Weighted(e.Select(x => Lanczos(3, x)).ToArray(), v[0], v[1], v[2]));
        Expect(ScalingLibrary.TensorFlow, ScalingAlgorithm.Lanczos5, v, false, 1e-4,
            Weighted(d.Select(x => Lanczos(5, x)).ToArray(), v[0], v[1], v[2]), Weighted(e.Select(x => Lanczos(5, x)).ToArray(), v[0], v[1], v[2]));
        Expect(ScalingLibrary.TensorFlow, ScalingAlgorithm.MitchellCubic, v, false, 1e-4,
            Weighted(d.Select(Mitchell).ToArray(), v[0], v[1], v[2]), Weighted(e.Select(Mitchell).ToArray(), v[0], v[1], v[2]));
        Expect(ScalingLibrary.TensorFlow, ScalingAlgorithm.Gaussian, v, false, 1e-4,
            Weighted([Gaussian(0.25), Gaussian(0.75)], v[0], v[1]), Weighted([Gaussian(0.75), Gaussian(0.25)], v[1], v[2]));
    }

    [Test]
    public void Sampling_kernels_with_antialias_are_stretched_by_beta()
    {
        // n = 6, m = 2, β′ = κ = 3; output 0 centre 1.5, output 1 centre 4.5; kernel argument
        // |j + 0.5 − c| / 3 = |j − 1| / 3 and |j − 4| / 3; every pixel lies within radius·3 for
        // all four kernels (lanczos3 reach 9, gaussian 4.5, mitchell and keys 6).
        double[] a = Enumerable.Range(0, 6).Select(j => Math.Abs(j - 1) / 3.0).ToArray();
        double[] b = Enumerable.Range(0, 6).Select(j => Math.Abs(j - 4) / 3.0).ToArray();
        double[] v = V.Select(x => (double)x).ToArray();
        (ScalingAlgorithm Algorithm, Func<double, double> Kernel)[] kernels =
        [
            (ScalingAlgorithm.Lanczos3, x => Lanczos(3, x)),
            (ScalingAlgorithm.Lanczos5, x => Lanczos(5, x)),
            (ScalingAlgorithm.Gaussian, Gaussian),
            (ScalingAlgorithm.MitchellCubic, Mitchell),
            (ScalingAlgorithm.Bicubic, x => x >= 2 ? 0 : x >= 1 ? ((-0.5 * x + 2.5) * x - 4) * x + 2 : (1.5 * x - 2.5) * x * x + 1),
        ];
        foreach ((ScalingAlgorithm algorithm, Func<double, double> kernel) in kernels)
        {
            Expect(ScalingLibrary.TensorFlow, algorithm, V, true, 1e-4,
                Weighted(a.Select(kernel).ToArray(), v), Weighted(b.Select(kernel).ToArray(), v));
        }
    }

    [Test]
    public void Same_size_is_the_identity_except_for_blurring_kernels()
    {
        // β = 1: bilinear λ = 0, bicubic table index 0 (weights 0, 1, 0, 0), area cells are single
        // pixels with coverage 1, nearest reads p. Gaussian and Mitchell are not interpolating:
        // output 0 of [v0, v1, v2] is (K(0)·v0 + K(1)·v1) / (K(0) + K(1)) (tap −1 dropped).
        var size = new ImageSize(V.Length, 1);
        foreach (ScalingLibrary library in new[] { ScalingLibrary.TensorFlow1, ScalingLibrary.TensorFlow })
        {
            foreach (ScalingAlgorithm algorithm in new[] { ScalingAlgorithm.Nearest, ScalingAlgorithm.Bilinear, ScalingAlgorithm.Bicubic, ScalingAlgorithm.Area })
            {
                using var model = ScalingModel.Create(library, algorithm, size, size);
                Assert.That(model.Scale(V, 1), Is.EqualTo(V), $"{library} {algorithm}");
            }
        }
        Expect(ScalingLibrary.TensorFlow, ScalingAlgorithm.Gaussian, V[..3], false, 1e-4,
            Weighted([1, Gaussian(1)], V[0], V[1]), Weighted([Gaussian(1), 1, Gaussian(1)], V[0], V[1], V[2]), Weighted([Gaussian(1), 1], V[1], V[2]));
        Expect(ScalingLibrary.TensorFlow, ScalingAlgorithm.MitchellCubic, V[..3], false, 1e-4,
            Weighted([Mitchell(0), Mitchell(1)], V[0], V[1]), Weighted([Mitchell(1), Mitchell(0), Mitchell(1)], V[0], V[1], V[2]),
            Weighted([Mitchell(1), Mitchell(0)], V[1], V[2]));
    }

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    public void Tf1_bilinear_and_bicubic_at_integer_ratio_read_only_pixels_p_beta(int beta)
    {
        // The paper's Table 5: g(p) = p·β is an integer, λ = 0 and the bicubic table index is 0.
        var size = new ImageSize(7 * beta, 5 * beta);
        var target = new ImageSize(7, 5);
        float[] pixels = ConformanceCases.RandomFloats(size, 2, seed: 40 + beta, 255f);
        foreach (ScalingAlgorithm algorithm in new[] { ScalingAlgorithm.Bilinear, ScalingAlgorithm.Bicubic, ScalingAlgorithm.Nearest })
        {
            foreach (ScalingBackend backend in new[] { ScalingBackend.Native, ScalingBackend.Managed })
            {
                using var model = ScalingModel.Create(ScalingLibrary.TensorFlow1, algorithm, size, target, backend);
                float[] output = model.Scale(pixels, 2);
                for (int y = 0; y < target.Height; y++)
                {
                    for (int x = 0; x < target.Width; x++)
                    {
                        for (int c = 0; c < 2; c++)
                        {
                            Assert.That(output[(y * target.Width + x) * 2 + c], Is.EqualTo(pixels[(y * beta * size.Width + x * beta) * 2 + c]),
                                $"{algorithm} {backend} ({x}, {y})");
                        }
                    }
                }
                for (int p = 0; p < target.Height; p++)
                {
                    Assert.That(model.GetLeft(SampleType.Float32).GetSourceIndices(p).ToArray(), Is.EqualTo(new[] { p * beta }), $"{algorithm} row {p}");
                }
                for (int p = 0; p < target.Width; p++)
                {
                    Assert.That(model.GetRight(SampleType.Float32).GetSourceIndices(p).ToArray(), Is.EqualTo(new[] { p * beta }), $"{algorithm} column {p}");
                }
            }
        }
    }
}
