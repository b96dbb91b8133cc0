using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// The Pillow model beyond the golden files: native and managed agree on generated cases
/// (1..4 channels, padded rows), and the matrices L and R have the properties Pillow's
/// arithmetic implies (docs/scalers/pillow.md).
/// </summary>
[TestFixture]
public class PillowModelTests
{
    private const double FixedOne = 1 << 22; // Resample.c: PRECISION_BITS

    private static readonly ScalingAlgorithm[] Filters =
    [
        ScalingAlgorithm.Box, ScalingAlgorithm.Bilinear, ScalingAlgorithm.Hamming, ScalingAlgorithm.Bicubic, ScalingAlgorithm.Lanczos,
    ];

    private static readonly ScalingAlgorithm[] Algorithms = [ScalingAlgorithm.Nearest, .. Filters];

    private static readonly IReadOnlyList<ConformanceCases.SizeCase> Cases = ConformanceCases.Generate(90, seed: 9400);

    private static IEnumerable<TestCaseData> AllCases() =>
        from c in Cases
        from a in Algorithms
        select new TestCaseData(c, a).SetArgDisplayNames(c.ToString(), a.ToString());

    private static ScalingModel Create(ScalingAlgorithm algorithm, ImageSize source, ImageSize target, ScalingBackend backend = ScalingBackend.Native) =>
        ScalingModel.Create(ScalingLibrary.Pillow, algorithm, source, target, backend);

    [TestCaseSource(nameof(AllCases))]
    public void Native_and_managed_give_identical_bytes_and_float_bits(ConformanceCases.SizeCase c, ScalingAlgorithm algorithm)
    {
        using ScalingModel native = Create(algorithm, c.Source, c.Target);
        using ScalingModel managed = Create(algorithm, c.Source, c.Target, ScalingBackend.Managed);
        byte[] bytes = ConformanceCases.RandomBytes(c.Source, c.Channels, c.Seed);
        // Negative values and a wide range: the float path has no clipping between passes.
        float[] floats = ConformanceCases.RandomFloats(c.Source, c.Channels, c.Seed, 2000f).Select(v => v - 700f).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(managed.Scale(bytes, c.Channels), Is.EqualTo(native.Scale(bytes, c.Channels)), "uint8");
            Assert.That(managed.Scale(floats, c.Channels), Is.EqualTo(native.Scale(floats, c.Channels)), "float32");
            Assert.That(managed.KernelWidthX, Is.EqualTo(native.KernelWidthX));
            Assert.That(managed.KernelWidthY, Is.EqualTo(native.KernelWidthY));
            foreach (SampleType type in new[] { SampleType.UInt8, SampleType.Float32 })
            {
                Assert.That(managed.GetLeft(type).ToArray(), Is.EqualTo(native.GetLeft(type).ToArray()), $"L {type}");
                Assert.That(managed.GetRight(type).ToArray(), Is.EqualTo(native.GetRight(type).ToArray()), $"R {type}");
            }
        });
    }

    [TestCase(2, ScalingAlgorithm.Lanczos)]
    [TestCase(4, ScalingAlgorithm.Bicubic)]
    [TestCase(2, ScalingAlgorithm.Nearest)]
    public void Padded_rows_and_two_or_four_channels_match_across_backends(int channels, ScalingAlgorithm algorithm)
    {
        var source = new ImageSize(37, 23);
        var target = new ImageSize(11, 9);
        var sourceLayout = new ImageLayout(source.Width, source.Height, channels, source.Width * channels + 5);
        var targetLayout = new ImageLayout(target.Width, target.Height, channels, target.Width * channels + 3);
        byte[] pixels = ConformanceCases.RandomBytes(new ImageSize(sourceLayout.RowStride, source.Height), 1, 41);
        var fromNative = new byte[targetLayout.RowStride * target.Height];
        var fromManaged = new byte[fromNative.Length];
        using ScalingModel native = Create(algorithm, source, target);
        using ScalingModel managed = Create(algorithm, source, target, ScalingBackend.Managed);
        native.Scale(pixels, sourceLayout, fromNative, targetLayout);
        managed.Scale(pixels, sourceLayout, fromManaged, targetLayout);
        Assert.That(fromManaged, Is.EqualTo(fromNative));
        // Unpadded input gives the same pixels: the padding is never read.
        byte[] packed = Enumerable.Range(0, source.Height)
            .SelectMany(y => pixels.Skip(y * sourceLayout.RowStride).Take(source.Width * channels)).ToArray();
        byte[] plain = native.Scale(packed, channels);
        for (int y = 0; y < target.Height; y++)
        {
            Assert.That(fromNative.Skip(y * targetLayout.RowStride).Take(target.Width * channels), Is.EqualTo(plain.Skip(y * target.Width * channels).Take(target.Width * channels)));
        }
    }

    [TestCaseSource(nameof(AllCases))]
    public void Rows_of_L_and_columns_of_R_sum_to_one_within_fixed_point_precision(ConformanceCases.SizeCase c, ScalingAlgorithm algorithm)
    {
        using ScalingModel model = Create(algorithm, c.Source, c.Target);
        foreach (SampleType type in new[] { SampleType.UInt8, SampleType.Float32 })
        {
            foreach (CoefficientMatrix m in new[] { model.GetLeft(type), model.GetRight(type) })
            {
                for (int o = 0; o < m.OutputCount; o++)
                {
                    ReadOnlySpan<double> w = m.GetWeights(o);
                    double sum = 0;
                    foreach (double v in w)
                    {
                        sum += v;
                    }
                    // Each 22-bit weight is rounded by at most half a unit; the double ones only by ulps.
                    double tolerance = type == SampleType.UInt8 ? (w.Length * 0.5 / FixedOne) + 1e-12 : 1e-12;
                    Assert.That(sum, Is.EqualTo(1.0).Within(tolerance), $"{type} output {o}");
                }
            }
        }
    }

    // The considered pixels: output i reads only source pixels whose centres lie within the
    // support of its centre (i + 1/2)·n/m, i.e. the window the kernel width says.
    [TestCaseSource(nameof(AllCases))]
    public void Each_output_reads_only_pixels_inside_its_kernel_support(ConformanceCases.SizeCase c, ScalingAlgorithm algorithm)
    {
        using ScalingModel model = Create(algorithm, c.Source, c.Target);
        Check(model.GetLeft(SampleType.Float32), c.Source.Height, c.Target.Height, model.KernelWidthY);
        Check(model.GetRight(SampleType.Float32), c.Source.Width, c.Target.Width, model.KernelWidthX);

        static void Check(CoefficientMatrix m, int n, int outputs, double width)
        {
            double scale = (double)n / outputs;
            for (int o = 0; o < outputs; o++)
            {
                double centre = (o + 0.5) * scale;
                ReadOnlySpan<int> taps = m.GetSourceIndices(o);
                Assert.That(taps.Length, Is.GreaterThan(0), $"output {o} reads nothing");
                foreach (int s in taps)
                {
                    Assert.That(Math.Abs(s + 0.5 - centre), Is.LessThanOrEqualTo((width / 2) + 1e-9), $"output {o} reads {s}");
                }
            }
        }
    }

    [TestCase(ScalingAlgorithm.Box)]
    [TestCase(ScalingAlgorithm.Bilinear)]
    [TestCase(ScalingAlgorithm.Hamming)]
    public void Eight_bit_output_is_within_one_of_the_real_product_for_non_negative_kernels(ScalingAlgorithm algorithm)
    {
        // Two roundings of at most 1/2 each, the first one carried through weights summing to ~1.
        foreach (ConformanceCases.SizeCase c in Cases.Take(40))
        {
            using ScalingModel model = Create(algorithm, c.Source, c.Target);
            byte[] pixels = ConformanceCases.RandomBytes(c.Source, c.Channels, c.Seed);
            byte[] scaled = model.Scale(pixels, c.Channels);
            double[] exact = MatrixProduct.Apply(model.GetLeft(SampleType.UInt8), model.GetRight(SampleType.UInt8),
                pixels.Select(p => (float)p).ToArray(), c.Source.Width, c.Channels);
            double worst = scaled.Select((v, i) => Math.Abs(v - exact[i])).Max();
            Assert.That(worst, Is.LessThanOrEqualTo(1.0 + 1e-6), c.ToString());
        }
    }

    [Test]
    public void Float_output_equals_the_real_product_up_to_float32_rounding()
    {
        foreach (ScalingAlgorithm algorithm in Algorithms)
        {
            foreach (ConformanceCases.SizeCase c in Cases.Take(30))
            {
                using ScalingModel model = Create(algorithm, c.Source, c.Target);
                float[] pixels = ConformanceCases.RandomFloats(c.Source, c.Channels, c.Seed, 255f);
                float[] scaled = model.Scale(pixels, c.Channels);
                double[] exact = MatrixProduct.Apply(model.GetLeft(SampleType.Float32), model.GetRight(SampleType.Float32), pixels, c.Source.Width, c.Channels);
                // Intermediate and output stored as float32 (2^-24 relative each) on data of
                // magnitude <= 255, amplified by sum |w| < 2 of the negative-lobe kernels.
                double worst = scaled.Select((v, i) => Math.Abs(v - exact[i])).Max();
                Assert.That(worst, Is.LessThanOrEqualTo(1e-4), $"{algorithm} {c}");
            }
        }
    }

    [Test]
    public void Kernel_width_is_twice_the_support_widened_by_the_downscale_ratio()
    {
        using ScalingModel bicubic = Create(ScalingAlgorithm.Bicubic, new(100, 25), new(25, 100));
        using ScalingModel lanczos = Create(ScalingAlgorithm.Lanczos, new(90, 7), new(30, 2));
        using ScalingModel nearest = Create(ScalingAlgorithm.Nearest, new(90, 7), new(30, 2));
        Assert.Multiple(() =>
        {
            Assert.That(bicubic.KernelWidthX, Is.EqualTo(16.0)); // 2 · 2 · 4
            Assert.That(bicubic.KernelWidthY, Is.EqualTo(4.0)); // up-scaling: not widened
            Assert.That(lanczos.KernelWidthX, Is.EqualTo(18.0)); // 2 · 3 · 3
            Assert.That(lanczos.KernelWidthY, Is.EqualTo(21.0)); // 2 · 3 · 3.5
            Assert.That(nearest.KernelWidthX, Is.EqualTo(1.0));
        });
    }

    [Test]
    public void Bilinear_ratio_two_weights_are_one_and_three_eighths()
    {
        using ScalingModel model = Create(ScalingAlgorithm.Bilinear, new(16, 4), new(8, 4));
        CoefficientMatrix r = model.GetRight(SampleType.UInt8);
        Assert.Multiple(() =>
        {
            Assert.That(r.GetSourceIndices(3).ToArray(), Is.EqualTo(new[] { 5, 6, 7, 8 }));
            Assert.That(r.GetWeights(3).ToArray(), Is.EqualTo(new[] { 0.125, 0.375, 0.375, 0.125 }));
            Assert.That(r.GetSourceIndices(0).ToArray(), Is.EqualTo(new[] { 0, 1, 2 })); // truncated window
        });
    }

    [Test]
    public void Identity_size_is_a_copy_and_an_unchanged_axis_has_identity_weights()
    {
        var size = new ImageSize(13, 9);
        byte[] pixels = ConformanceCases.RandomBytes(size, 3, 5);
        using ScalingModel same = Create(ScalingAlgorithm.Lanczos, size, size);
        using ScalingModel widthOnly = Create(ScalingAlgorithm.Lanczos, size, new(5, 9));
        Assert.Multiple(() =>
        {
            Assert.That(same.Scale(pixels, 3), Is.EqualTo(pixels));
            CoefficientMatrix left = widthOnly.GetLeft(SampleType.Float32);
            for (int i = 0; i < 9; i++)
            {
                Assert.That(left.GetSourceIndices(i).ToArray(), Is.EqualTo(new[] { i }));
                Assert.That(left.GetWeights(i).ToArray(), Is.EqualTo(new[] { 1.0 }));
            }
        });
    }

    [Test]
    public void Nearest_follows_pillows_running_sum_at_ties()
    {
        // floor(7.5 · 64 / 15) = 32, but Pillow's accumulated coordinate lands just below 32.
        using ScalingModel model = Create(ScalingAlgorithm.Nearest, new(64, 1), new(15, 1));
        Assert.That(model.GetRight(SampleType.UInt8).GetSourceIndices(7).ToArray(), Is.EqualTo(new[] { 31 }));
    }

    [Test]
    public void A_one_pixel_axis_scaled_up_is_constant()
    {
        byte[] pixels = [10, 200, 30, 250, 0];
        foreach (ScalingAlgorithm algorithm in Algorithms)
        {
            using ScalingModel model = Create(algorithm, new(1, 5), new(4, 5));
            byte[] scaled = model.Scale(pixels, 1);
            for (int y = 0; y < 5; y++)
            {
                Assert.That(scaled.Skip(4 * y).Take(4), Is.All.EqualTo(pixels[y]), $"{algorithm} row {y}");
            }
        }
    }
}
