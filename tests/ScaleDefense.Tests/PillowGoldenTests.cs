using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>Our Pillow model against outputs of the real Pillow (tests/golden/pillow).</summary>
[TestFixture]
public class PillowGoldenTests
{
    private static readonly ScalingAlgorithm[] Algorithms =
    [
        ScalingAlgorithm.Nearest, ScalingAlgorithm.Box, ScalingAlgorithm.Bilinear,
        ScalingAlgorithm.Hamming, ScalingAlgorithm.Bicubic, ScalingAlgorithm.Lanczos,
    ];

    private static IEnumerable<TestCaseData> AllCases() =>
        from c in PillowGolden.Cases
        from a in Algorithms
        select new TestCaseData(c, a).SetArgDisplayNames(c.ToString(), a.ToString());

    [Test]
    public void Fixture_comes_from_pillow_9_4_and_covers_the_required_shapes()
    {
        IReadOnlyList<PillowGolden.GoldenCase> cases = PillowGolden.Cases;
        Assert.Multiple(() =>
        {
            Assert.That(PillowGolden.PillowVersion, Does.StartWith("9.4."));
            Assert.That(cases.Select(c => c.Mode).Distinct(), Is.EquivalentTo(new[] { "L", "RGB", "F" }));
            Assert.That(cases.All(c => Algorithms.All(a => c.Outputs.ContainsKey(a.ToString()))), "every algorithm in every case");
            Assert.That(cases.Any(c => c.Source.Width == 1 || c.Target.Height == 1), "1-pixel sides");
            Assert.That(cases.Any(c => c.Target.Width > c.Source.Width), "upscale");
            Assert.That(cases.Any(c => c.Source.Width == 12 * c.Target.Width), "ratio 12");
            Assert.That(cases.Any(c => c.Source.Width == 5 * c.Target.Width), "odd integer ratio");
            Assert.That(cases.Any(c => c.Name.Contains("chelsea", StringComparison.Ordinal)), "a real photo");
        });
    }

    [TestCaseSource(nameof(AllCases))]
    public void Both_backends_reproduce_pillow(PillowGolden.GoldenCase c, ScalingAlgorithm algorithm)
    {
        byte[] expected = c.Outputs[algorithm.ToString()];
        using var native = ScalingModel.Create(ScalingLibrary.Pillow, algorithm, c.Source, c.Target, ScalingBackend.Native);
        using var managed = ScalingModel.Create(ScalingLibrary.Pillow, algorithm, c.Source, c.Target, ScalingBackend.Managed);
        if (c.IsFloat)
        {
            // Mode "F": bit-identical float32 (NaN-free data, so Is.EqualTo is exact here).
            float[] pixels = PillowGolden.GoldenCase.Floats(c.Pixels);
            float[] want = PillowGolden.GoldenCase.Floats(expected);
            Assert.Multiple(() =>
            {
                Assert.That(native.Scale(pixels, 1), Is.EqualTo(want), "native vs Pillow");
                Assert.That(managed.Scale(pixels, 1), Is.EqualTo(want), "managed vs Pillow");
            });
        }
        else
        {
            Assert.Multiple(() =>
            {
                Assert.That(native.Scale(c.Pixels, c.Channels), Is.EqualTo(expected), "native vs Pillow");
                Assert.That(managed.Scale(c.Pixels, c.Channels), Is.EqualTo(expected), "managed vs Pillow");
            });
        }
    }
}
