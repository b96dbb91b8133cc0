using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// Generated size pairs for every TensorFlow method: the managed baseline is bit-identical to
/// the native core, and the real-valued model L·X·R agrees with Scale.
/// </summary>
[TestFixture]
public class TensorFlowConsistencyTests
{
    private static readonly IReadOnlyList<ConformanceCases.SizeCase> Cases = ConformanceCases.Generate(90, seed: 4242);

    internal static IEnumerable<(ScalingLibrary Library, ScalingAlgorithm Algorithm, bool Antialias)> Methods()
    {
        foreach (ScalingAlgorithm a in new[] { ScalingAlgorithm.Nearest, ScalingAlgorithm.Bilinear, ScalingAlgorithm.Bicubic, ScalingAlgorithm.Area })
        {
            yield return (ScalingLibrary.TensorFlow1, a, false);
        }
        foreach (ScalingAlgorithm a in new[]
                 {
                     ScalingAlgorithm.Nearest, ScalingAlgorithm.Bilinear, ScalingAlgorithm.Bicubic, ScalingAlgorithm.Area,
                     ScalingAlgorithm.Lanczos3, ScalingAlgorithm.Lanczos5, ScalingAlgorithm.Gaussian, ScalingAlgorithm.MitchellCubic,
                 })
        {
            yield return (ScalingLibrary.TensorFlow, a, false);
            yield return (ScalingLibrary.TensorFlow, a, true);
        }
    }

    private static IEnumerable<TestCaseData> AllMethods() =>
        Methods().Select(m => new TestCaseData(m.Library, m.Algorithm, m.Antialias)
            .SetArgDisplayNames(m.Library.ToString(), m.Algorithm.ToString(), m.Antialias ? "AA" : "noAA"));

    private static ScalingModel Create(ScalingLibrary library, ScalingAlgorithm algorithm, bool antialias, ConformanceCases.SizeCase c, ScalingBackend backend) =>
        ScalingModel.Create(library, algorithm, c.Source, c.Target, new ScalingOptions { Antialias = antialias, Backend = backend });

    [TestCaseSource(nameof(AllMethods))]
    public void Managed_scale_is_bit_identical_to_native(ScalingLibrary library, ScalingAlgorithm algorithm, bool antialias)
    {
        foreach (ConformanceCases.SizeCase c in Cases)
        {
            float[] pixels = ConformanceCases.RandomFloats(c.Source, c.Channels, c.Seed, 255f);
            using ScalingModel native = Create(library, algorithm, antialias, c, ScalingBackend.Native);
            using ScalingModel managed = Create(library, algorithm, antialias, c, ScalingBackend.Managed);
            float[] a = native.Scale(pixels, c.Channels);
            float[] b = managed.Scale(pixels, c.Channels);
            Assert.That(b.Select(BitConverter.SingleToInt32Bits), Is.EqualTo(a.Select(BitConverter.SingleToInt32Bits)), c.ToString());
        }
    }

    [TestCaseSource(nameof(AllMethods))]
    public void Managed_matrices_and_widths_equal_native(ScalingLibrary library, ScalingAlgorithm algorithm, bool antialias)
    {
        foreach (ConformanceCases.SizeCase c in Cases)
        {
            using ScalingModel native = Create(library, algorithm, antialias, c, ScalingBackend.Native);
            using ScalingModel managed = Create(library, algorithm, antialias, c, ScalingBackend.Managed);
            Assert.That(managed.GetLeft(SampleType.Float32).ToArray(), Is.EqualTo(native.GetLeft(SampleType.Float32).ToArray()), c.ToString());
            Assert.That(managed.GetRight(SampleType.Float32).ToArray(), Is.EqualTo(native.GetRight(SampleType.Float32).ToArray()), c.ToString());
            Assert.That(managed.KernelWidthX, Is.EqualTo(native.KernelWidthX), c.ToString());
            Assert.That(managed.KernelWidthY, Is.EqualTo(native.KernelWidthY), c.ToString());
        }
    }

    // Scale runs in float32; L·X·R in double from the same weights. On 0..255 data the float32
    // roundings of a few-tap sum stay well under 1e-4 relative to the value range.
    [TestCaseSource(nameof(AllMethods))]
    public void Matrix_product_matches_scale(ScalingLibrary library, ScalingAlgorithm algorithm, bool antialias)
    {
        foreach (ConformanceCases.SizeCase c in Cases)
        {
            float[] pixels = ConformanceCases.RandomFloats(c.Source, c.Channels, c.Seed, 1f);
            using ScalingModel model = Create(library, algorithm, antialias, c, ScalingBackend.Native);
            float[] scaled = model.Scale(pixels, c.Channels);
            double[] product = MatrixProduct.Apply(model.GetLeft(SampleType.Float32), model.GetRight(SampleType.Float32), pixels, c.Source.Width, c.Channels);
            double max = 0;
            for (int i = 0; i < scaled.Length; i++)
            {
                max = Math.Max(max, Math.Abs(product[i] - scaled[i]));
            }
            Assert.That(max, Is.LessThanOrEqualTo(1e-4), c.ToString());
        }
    }

    [TestCaseSource(nameof(AllMethods))]
    public void Padded_rows_give_the_same_pixels_and_padding_is_untouched(ScalingLibrary library, ScalingAlgorithm algorithm, bool antialias)
    {
        var source = new ImageSize(23, 17);
        var target = new ImageSize(9, 7);
        const int Channels = 3;
        const float Sentinel = 12345f;
        float[] pixels = ConformanceCases.RandomFloats(source, Channels, seed: 99, 255f);
        var sourceLayout = new ImageLayout(source.Width, source.Height, Channels, source.Width * Channels + 5);
        var targetLayout = new ImageLayout(target.Width, target.Height, Channels, target.Width * Channels + 2);
        var padded = new float[sourceLayout.RowStride * source.Height];
        for (int y = 0; y < source.Height; y++)
        {
            pixels.AsSpan(y * source.Width * Channels, source.Width * Channels).CopyTo(padded.AsSpan(y * sourceLayout.RowStride));
        }
        foreach (ScalingBackend backend in new[] { ScalingBackend.Native, ScalingBackend.Managed })
        {
            using var model = ScalingModel.Create(library, algorithm, source, target, new ScalingOptions { Antialias = antialias, Backend = backend });
            float[] expected = model.Scale(pixels, Channels);
            var output = new float[targetLayout.RowStride * target.Height];
            Array.Fill(output, Sentinel);
            model.Scale(padded, sourceLayout, output, targetLayout);
            for (int y = 0; y < target.Height; y++)
            {
                Assert.That(output.AsSpan(y * targetLayout.RowStride, target.Width * Channels).ToArray(),
                    Is.EqualTo(expected.AsSpan(y * target.Width * Channels, target.Width * Channels).ToArray()), $"{backend} row {y}");
                Assert.That(output.AsSpan(y * targetLayout.RowStride + target.Width * Channels, 2).ToArray(), Is.All.EqualTo(Sentinel), $"{backend} padding {y}");
            }
        }
    }

    [TestCaseSource(nameof(AllMethods))]
    public void Only_float32_is_supported(ScalingLibrary library, ScalingAlgorithm algorithm, bool antialias)
    {
        foreach (ScalingBackend backend in new[] { ScalingBackend.Native, ScalingBackend.Managed })
        {
            using var model = ScalingModel.Create(library, algorithm, new(10, 8), new(4, 3), new ScalingOptions { Antialias = antialias, Backend = backend });
            Assert.Throws<NotSupportedException>(() => model.Scale(new byte[10 * 8], 1), backend.ToString());
            Assert.That(model.Scale(new float[10 * 8], 1), Has.Length.EqualTo(12), backend.ToString());
        }
    }

    // Kernel widths of the paper's Table 3: fixed for the interpolating ops, β for area,
    // 2·R·max(β, 1) for ScaleAndTranslate with antialias (2·R without).
    [TestCase(ScalingLibrary.TensorFlow1, ScalingAlgorithm.Nearest, false, 1.0, 1.0)]
    [TestCase(ScalingLibrary.TensorFlow1, ScalingAlgorithm.Bilinear, false, 2.0, 2.0)]
    [TestCase(ScalingLibrary.TensorFlow, ScalingAlgorithm.Bicubic, false, 4.0, 4.0)]
    [TestCase(ScalingLibrary.TensorFlow, ScalingAlgorithm.Area, true, 2.5, 4.0)]
    [TestCase(ScalingLibrary.TensorFlow, ScalingAlgorithm.Bilinear, true, 5.0, 8.0)]
    [TestCase(ScalingLibrary.TensorFlow, ScalingAlgorithm.Bicubic, true, 10.0, 16.0)]
    [TestCase(ScalingLibrary.TensorFlow, ScalingAlgorithm.Lanczos3, false, 6.0, 6.0)]
    [TestCase(ScalingLibrary.TensorFlow, ScalingAlgorithm.Lanczos3, true, 15.0, 24.0)]
    [TestCase(ScalingLibrary.TensorFlow, ScalingAlgorithm.Lanczos5, false, 10.0, 10.0)]
    [TestCase(ScalingLibrary.TensorFlow, ScalingAlgorithm.Gaussian, false, 3.0, 3.0)]
    [TestCase(ScalingLibrary.TensorFlow, ScalingAlgorithm.Gaussian, true, 7.5, 12.0)]
    [TestCase(ScalingLibrary.TensorFlow, ScalingAlgorithm.MitchellCubic, true, 10.0, 16.0)]
    public void Kernel_width_follows_table_3(ScalingLibrary library, ScalingAlgorithm algorithm, bool antialias, double widthX, double widthY)
    {
        // 100×40 → 40×10: β = 2.5 horizontally, 4 vertically.
        foreach (ScalingBackend backend in new[] { ScalingBackend.Native, ScalingBackend.Managed })
        {
            using var model = ScalingModel.Create(library, algorithm, new(100, 40), new(40, 10), new ScalingOptions { Antialias = antialias, Backend = backend });
            Assert.That(model.KernelWidthX, Is.EqualTo(widthX), backend.ToString());
            Assert.That(model.KernelWidthY, Is.EqualTo(widthY), backend.ToString());
        }
    }
}
