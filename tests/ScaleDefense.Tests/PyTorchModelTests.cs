using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// The PyTorch model's own rules (worked out by hand from the 1.13 sources and
/// /work/shared/reference/pytorch-interpolate.md) and native == managed beyond the fixtures.
/// </summary>
[TestFixture]
public class PyTorchModelTests
{
    private static readonly (ScalingAlgorithm Algorithm, bool Antialias)[] Modes =
    [
        (ScalingAlgorithm.Nearest, false), (ScalingAlgorithm.NearestExact, false), (ScalingAlgorithm.Bilinear, false),
        (ScalingAlgorithm.Bilinear, true), (ScalingAlgorithm.Bicubic, false), (ScalingAlgorithm.Bicubic, true),
        (ScalingAlgorithm.Area, false),
    ];

    private static readonly IReadOnlyList<ConformanceCases.SizeCase> Cases = ConformanceCases.Generate(80, seed: 1913);

    private static IEnumerable<TestCaseData> CasesWithModes() =>
        from c in Cases
        from m in Modes
        select new TestCaseData(c, m.Algorithm, m.Antialias).SetArgDisplayNames(c.ToString(), m.Algorithm + (m.Antialias ? "-aa" : ""));

    [TestCaseSource(nameof(CasesWithModes))]
    public void Native_and_managed_are_bit_identical(ConformanceCases.SizeCase c, ScalingAlgorithm algorithm, bool antialias)
    {
        float[] pixels = ConformanceCases.RandomFloats(c.Source, c.Channels, c.Seed, 255f);
        using var native = Create(algorithm, c.Source, c.Target, antialias, ScalingBackend.Native);
        using var managed = Create(algorithm, c.Source, c.Target, antialias, ScalingBackend.Managed);
        float[] expected = native.Scale(pixels, c.Channels);
        Assert.Multiple(() =>
        {
            Assert.That(managed.Scale(pixels, c.Channels), Is.EqualTo(expected), "pixels");
            Assert.That(managed.GetLeft(SampleType.Float32).ToArray(), Is.EqualTo(native.GetLeft(SampleType.Float32).ToArray()), "L");
            Assert.That(managed.GetRight(SampleType.Float32).ToArray(), Is.EqualTo(native.GetRight(SampleType.Float32).ToArray()), "R");
            Assert.That(managed.KernelWidthX, Is.EqualTo(native.KernelWidthX), "kernel width x");
            Assert.That(managed.KernelWidthY, Is.EqualTo(native.KernelWidthY), "kernel width y");
        });
    }

    [TestCase(ScalingBackend.Native)]
    [TestCase(ScalingBackend.Managed)]
    public void Padded_rows_give_the_same_pixels(ScalingBackend backend)
    {
        var source = new ImageSize(23, 17);
        var target = new ImageSize(9, 30);
        float[] pixels = ConformanceCases.RandomFloats(source, 3, 5, 255f);
        var paddedLayout = new ImageLayout(23, 17, 3, 23 * 3 + 5);
        var padded = new float[paddedLayout.RequiredLength];
        for (int y = 0; y < 17; y++)
        {
            pixels.AsSpan(y * 69, 69).CopyTo(padded.AsSpan(y * paddedLayout.RowStride));
        }
        foreach ((ScalingAlgorithm algorithm, bool antialias) in Modes)
        {
            using var model = Create(algorithm, source, target, antialias, backend);
            float[] expected = model.Scale(pixels, 3);
            var outLayout = new ImageLayout(9, 30, 3, 9 * 3 + 2);
            var actual = new float[outLayout.RequiredLength];
            model.Scale(padded, paddedLayout, actual, outLayout);
            for (int y = 0; y < 30; y++)
            {
                Assert.That(actual.AsSpan(y * outLayout.RowStride, 27).ToArray(), Is.EqualTo(expected.AsSpan(y * 27, 27).ToArray()),
                            $"{algorithm} antialias={antialias} row {y}");
            }
        }
    }

    [TestCase(ScalingBackend.Native)]
    [TestCase(ScalingBackend.Managed)]
    public void Eight_bit_images_are_refused(ScalingBackend backend)
    {
        using var model = Create(ScalingAlgorithm.Bilinear, new(8, 8), new(4, 4), false, backend);
        Assert.That(model.Supports(SampleType.UInt8), Is.False);
        Assert.That(model.Supports(SampleType.Float32), Is.True);
        Assert.That(() => model.Scale(new byte[64], 1), Throws.TypeOf<NotSupportedException>());
    }

    // s = f32(106 / 26) = 4.0769229; f32(13 s) = 52.999996 floors to 52 although 13 * 106 / 26 = 53.
    [TestCase(ScalingBackend.Native)]
    [TestCase(ScalingBackend.Managed)]
    public void Nearest_uses_the_float32_scale(ScalingBackend backend)
    {
        using var model = Create(ScalingAlgorithm.Nearest, new(1, 106), new(1, 26), false, backend);
        Assert.That(model.GetLeft(SampleType.Float32).GetSourceIndices(13).ToArray(), Is.EqualTo(new[] { 52 }));
    }

    // s = 1.5: nearest takes floor(1.5 i) = 0, 1; nearest-exact the centred floor(1.5 (i + 0.5)) = 0, 2.
    [TestCase(ScalingBackend.Native)]
    [TestCase(ScalingBackend.Managed)]
    public void Nearest_exact_is_centred(ScalingBackend backend)
    {
        using var legacy = Create(ScalingAlgorithm.Nearest, new(3, 1), new(2, 1), false, backend);
        using var exact = Create(ScalingAlgorithm.NearestExact, new(3, 1), new(2, 1), false, backend);
        Assert.That(legacy.Scale(new[] { 10f, 20f, 30f }, 1), Is.EqualTo(new[] { 10f, 20f }));
        Assert.That(exact.Scale(new[] { 10f, 20f, 30f }, 1), Is.EqualTo(new[] { 10f, 30f }));
    }

    // adaptive_avg_pool windows for 5 -> 2: [floor(0), ceil(2.5)) = [0, 3) and [floor(2.5), ceil(5)) = [2, 5):
    // they overlap on pixel 2, and every covered pixel has weight 1/3 (no fractional coverage).
    [TestCase(ScalingBackend.Native)]
    [TestCase(ScalingBackend.Managed)]
    public void Area_windows_overlap_with_whole_pixels(ScalingBackend backend)
    {
        using var model = Create(ScalingAlgorithm.Area, new(5, 1), new(2, 1), false, backend);
        CoefficientMatrix r = model.GetRight(SampleType.Float32);
        Assert.That(r.GetSourceIndices(0).ToArray(), Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(r.GetSourceIndices(1).ToArray(), Is.EqualTo(new[] { 2, 3, 4 }));
        Assert.That(r.GetWeights(1).ToArray(), Is.EqualTo(new[] { 1.0 / 3, 1.0 / 3, 1.0 / 3 }));
        Assert.That(model.Scale(new[] { 3f, 6f, 9f, 12f, 15f }, 1), Is.EqualTo(new[] { 6f, 12f }));
        Assert.That(model.KernelWidthX, Is.EqualTo(3.0));
    }

    // Without antialias, bilinear reads 2 and bicubic 4 source pixels per axis at any ratio.
    [TestCase(ScalingAlgorithm.Bilinear, 2)]
    [TestCase(ScalingAlgorithm.Bicubic, 4)]
    public void Plain_kernels_do_not_widen_when_down_scaling(ScalingAlgorithm algorithm, int taps)
    {
        foreach (ScalingBackend backend in new[] { ScalingBackend.Native, ScalingBackend.Managed })
        {
            using var model = Create(algorithm, new(120, 90), new(10, 9), false, backend);
            CoefficientMatrix l = model.GetLeft(SampleType.Float32);
            for (int i = 0; i < l.OutputCount; i++)
            {
                Assert.That(l.GetSourceIndices(i).Length, Is.LessThanOrEqualTo(taps));
                Assert.That(l.GetWeights(i).ToArray().Sum(), Is.EqualTo(1.0).Within(1e-6));
            }
            Assert.That(model.KernelWidthX, Is.EqualTo(taps));
            Assert.That(model.KernelWidthY, Is.EqualTo(taps));
        }
    }

    // Antialias: support = h max(s, 1) with h = 1 (bilinear) or 2 (bicubic); width 2 support.
    // 4 -> 2 (s = 2) bilinear, output 0: centre 1, window [0, 3), triangle weights 0.75, 0.75,
    // 0.25 normalised by 1.75.
    [TestCase(ScalingBackend.Native)]
    [TestCase(ScalingBackend.Managed)]
    public void Antialias_widens_the_kernel_with_the_ratio(ScalingBackend backend)
    {
        using var bilinear = Create(ScalingAlgorithm.Bilinear, new(100, 4), new(25, 2), true, backend);
        using var bicubic = Create(ScalingAlgorithm.Bicubic, new(100, 4), new(25, 2), true, backend);
        using var up = Create(ScalingAlgorithm.Bicubic, new(10, 10), new(25, 25), true, backend);
        Assert.Multiple(() =>
        {
            Assert.That(bilinear.KernelWidthX, Is.EqualTo(8.0));
            Assert.That(bilinear.KernelWidthY, Is.EqualTo(4.0));
            Assert.That(bicubic.KernelWidthX, Is.EqualTo(16.0));
            Assert.That(up.KernelWidthX, Is.EqualTo(4.0));
            CoefficientMatrix l = bilinear.GetLeft(SampleType.Float32);
            Assert.That(l.GetSourceIndices(0).ToArray(), Is.EqualTo(new[] { 0, 1, 2 }));
            Assert.That(l.GetWeights(0).ToArray(), Is.EqualTo(new[] { (double)(0.75f / 1.75f), (double)(0.75f / 1.75f), (double)(0.25f / 1.75f) }));
        });
    }

    private static ScalingModel Create(ScalingAlgorithm algorithm, ImageSize source, ImageSize target, bool antialias, ScalingBackend backend) =>
        ScalingModel.Create(ScalingLibrary.PyTorch, algorithm, source, target, new ScalingOptions { Antialias = antialias, Backend = backend });
}
