using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// Both backends and the real-valued model L·X·R against torch.nn.functional.interpolate
/// (fixtures from tests/golden/make_torch_golden.py; 0..255 float32 data).
/// </summary>
[TestFixture]
public class PyTorchGoldenTests
{
    private static IEnumerable<TestCaseData> AllCases() =>
        PyTorchGolden.Cases.Select(c => new TestCaseData(c).SetArgDisplayNames(c.ToString()));

    [Test]
    public void Fixture_records_the_torch_version_and_covers_every_mode()
    {
        Assert.That(PyTorchGolden.TorchVersion, Does.StartWith("1.13"));
        Assert.That(PyTorchGolden.Cases.Select(c => c.Kind).Distinct(),
                    Is.EquivalentTo(new[] { "nearest", "nearest-exact", "bilinear", "bilinear-aa", "bicubic", "bicubic-aa", "area" }));
    }

    // Every mode is bit-exact: nearest, nearest-exact and area copy or sum and divide like torch;
    // bilinear and bicubic reproduce the AVX2 build's fused multiply-adds; the antialiased sums its
    // split of interpolate_aa_single_dim's loop into a vectorised part and a fused scalar tail.
    [TestCaseSource(nameof(AllCases))]
    public void Native_and_managed_are_bit_identical_to_torch(PyTorchGolden.GoldenCase c)
    {
        foreach (ScalingBackend backend in new[] { ScalingBackend.Native, ScalingBackend.Managed })
        {
            using var model = Create(c, backend);
            float[] actual = model.Scale(c.Input, c.Channels);
            Assert.That(actual, Is.EqualTo(c.Output), backend.ToString());
        }
    }

    // The matrices alone, applied in double: torch rounds its sums to float32 (up to ~6e-5 at 255).
    [TestCaseSource(nameof(AllCases))]
    public void Matrix_product_matches_torch_within_1e_4(PyTorchGolden.GoldenCase c)
    {
        using var model = Create(c, ScalingBackend.Native);
        double[] product = MatrixProduct.Apply(model.GetLeft(SampleType.Float32), model.GetRight(SampleType.Float32),
                                               c.Input, c.Source.Width, c.Channels);
        double worst = 0;
        for (int i = 0; i < product.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(product[i] - c.Output[i]));
        }
        Assert.That(worst, Is.LessThanOrEqualTo(1e-4));
    }

    [Test]
    public void Report_differences_per_mode()
    {
        foreach (var group in PyTorchGolden.Cases.GroupBy(c => c.Kind))
        {
            float worst = 0;
            double worstProduct = 0;
            long off = 0, total = 0;
            foreach (PyTorchGolden.GoldenCase c in group)
            {
                using var model = Create(c, ScalingBackend.Native);
                float[] actual = model.Scale(c.Input, c.Channels);
                double[] product = MatrixProduct.Apply(model.GetLeft(SampleType.Float32), model.GetRight(SampleType.Float32),
                                                       c.Input, c.Source.Width, c.Channels);
                for (int i = 0; i < actual.Length; i++)
                {
                    worst = Math.Max(worst, Math.Abs(actual[i] - c.Output[i]));
                    worstProduct = Math.Max(worstProduct, Math.Abs(product[i] - c.Output[i]));
                    off += actual[i] != c.Output[i] ? 1 : 0;
                }
                total += actual.Length;
            }
            TestContext.Out.WriteLine(
                $"{group.Key}: Scale max |diff| {worst:G3}, {off} of {total} samples not bit-identical; L·X·R max |diff| {worstProduct:G3}");
            Assert.That(total, Is.GreaterThan(0));
        }
    }

    internal static ScalingModel Create(PyTorchGolden.GoldenCase c, ScalingBackend backend) =>
        ScalingModel.Create(ScalingLibrary.PyTorch, c.Algorithm, c.Source, c.Target,
                            new ScalingOptions { Antialias = c.Antialias, Backend = backend });
}
