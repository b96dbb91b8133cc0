using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// The OpenCV model beyond byte equality: INTER_CUBIC under Intel IPP (what OpenCvSharp runs by
/// default), L·X·R against float32 cv::resize, the matrices and kernel widths, large images.
/// </summary>
[TestFixture]
[NonParallelizable] // toggles OpenCV's process-wide optimisation (IPP) switch
public class OpenCvAlgorithmsModelTests
{
    // Same generator, other seed than the byte-exact suite: 200 more size pairs.
    private static readonly IReadOnlyList<ConformanceCases.SizeCase> Cases = ConformanceCases.Generate(200, seed: 6138);

    private static IEnumerable<TestCaseData> AllCases() =>
        from c in Cases
        from a in OpenCvAlgorithmReference.Algorithms
        select new TestCaseData(c, a).SetArgDisplayNames(c.ToString(), a.ToString());

    /// <summary>
    /// 8-bit INTER_CUBIC with IPP on (OpenCvSharp's default) over 200 more size pairs: the Ipp build
    /// is byte-exact here (larger runs found ±1 on ~5e-7 of the 4-channel samples, near-ties of an
    /// order we did not pin down; docs/scalers/opencv.md); the Plain build, OpenCV's own kernel, is
    /// off on a few percent.
    /// </summary>
    [Test]
    public void Byte_cubic_of_the_ipp_build_matches_cv_resize_with_ipp_on()
    {
        long pixels = 0, offIpp = 0, offPlain = 0;
        double maxIpp = 0;
        foreach (ConformanceCases.SizeCase c in Cases.Where(c => OpenCvAlgorithmReference.IppTakes(c, ScalingAlgorithm.Bicubic)))
        {
            byte[] source = ConformanceCases.RandomBytes(c.Source, c.Channels, c.Seed);
            byte[] expected = OpenCvAlgorithmReference.Resize(source, c, ScalingAlgorithm.Bicubic, ipp: true);
            using ScalingModel ipp = OpenCvAlgorithmReference.Model(c, ScalingAlgorithm.Bicubic, OpenCvBuild.Ipp);
            using ScalingModel plain = OpenCvAlgorithmReference.Model(c, ScalingAlgorithm.Bicubic, OpenCvBuild.Plain);
            (double max, int off) = OpenCvAlgorithmReference.Compare(ipp.Scale(source, c.Channels), expected);
            maxIpp = Math.Max(maxIpp, max);
            offIpp += off;
            offPlain += OpenCvAlgorithmReference.Compare(plain.Scale(source, c.Channels), expected).Off;
            pixels += expected.Length;
        }
        TestContext.Out.WriteLine($"IPP on, {pixels} samples: Ipp build {offIpp} off (max {maxIpp}), Plain build {offPlain} off ({(double)offPlain / pixels:P2})");
        Assert.Multiple(() =>
        {
            Assert.That(pixels, Is.GreaterThan(100_000), "enough samples measured");
            Assert.That(maxIpp, Is.LessThanOrEqualTo(1));
            Assert.That(offIpp, Is.Zero);
            Assert.That((double)offPlain / pixels, Is.GreaterThan(0.01), "the builds differ, so the comparison can fail");
        });
    }

    // IPP takes sources of at least 4×4 (smaller ones run OpenCV's kernel), 1, 3 and 4 channels
    // (2 channels run OpenCV's kernel); the Ipp build follows the same split.
    [TestCase(3, 9, 7, 5, 1)]
    [TestCase(9, 3, 5, 7, 3)]
    [TestCase(4, 4, 9, 7, 1)]
    [TestCase(4, 5, 2, 11, 4)]
    [TestCase(5, 4, 13, 2, 3)]
    [TestCase(3, 3, 8, 8, 4)]
    [TestCase(40, 30, 17, 11, 2)]
    [TestCase(4, 4, 1, 1, 3)]
    public void Ipp_build_follows_ipp_limits_on_size_and_channels(int sw, int sh, int tw, int th, int channels)
    {
        var c = new ConformanceCases.SizeCase(new(sw, sh), new(tw, th), channels, sw * 31 + tw);
        byte[] source = ConformanceCases.RandomBytes(c.Source, channels, c.Seed);
        byte[] expected = OpenCvAlgorithmReference.Resize(source, c, ScalingAlgorithm.Bicubic, ipp: true);
        using ScalingModel ipp = OpenCvAlgorithmReference.Model(c, ScalingAlgorithm.Bicubic, OpenCvBuild.Ipp);
        Assert.That(ipp.Scale(source, channels), Is.EqualTo(expected));
    }

    // Data in [0, 255]; OpenCV's own float kernels (IPP off). The gap is float32 rounding of the
    // 4- or 8-tap sums (~1e-5 at 255), except AREA's fast path, which sums the block exactly.
    [TestCaseSource(nameof(AllCases))]
    public void Matrix_product_matches_float_cv_resize_within_1e_4(ConformanceCases.SizeCase c, ScalingAlgorithm algorithm)
    {
        float[] pixels = ConformanceCases.RandomFloats(c.Source, c.Channels, c.Seed, 255f);
        float[] expected = OpenCvAlgorithmReference.Resize(pixels, c, algorithm, ipp: false);
        using ScalingModel model = OpenCvAlgorithmReference.Model(c, algorithm, OpenCvBuild.Plain);
        double[] product = MatrixProduct.Apply(model.GetLeft(SampleType.Float32), model.GetRight(SampleType.Float32), pixels, c.Source.Width, c.Channels);
        Assert.That(MaxAbsoluteDifference(product, expected), Is.LessThanOrEqualTo(1e-4));
    }

    // OpenCvSharp's default (IPP on) against the default model (OpenCvBuild.Ipp), whose L and R
    // carry IPP's cubic weights where IPP takes the call.
    [TestCaseSource(nameof(AllCases))]
    public void Matrix_product_matches_default_float_cv_resize_on_unit_range_data(ConformanceCases.SizeCase c, ScalingAlgorithm algorithm)
    {
        float[] pixels = ConformanceCases.RandomFloats(c.Source, c.Channels, c.Seed, 1f);
        float[] expected = OpenCvAlgorithmReference.Resize(pixels, c, algorithm, ipp: true);
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, c.Source, c.Target);
        double[] product = MatrixProduct.Apply(model.GetLeft(SampleType.Float32), model.GetRight(SampleType.Float32), pixels, c.Source.Width, c.Channels);
        Assert.That(MaxAbsoluteDifference(product, expected), Is.LessThanOrEqualTo(1e-4));
    }

    [TestCaseSource(nameof(AllCases))]
    public void Native_and_managed_matrices_and_widths_are_identical(ConformanceCases.SizeCase c, ScalingAlgorithm algorithm)
    {
        foreach (OpenCvBuild build in new[] { OpenCvBuild.Plain, OpenCvBuild.Ipp })
        {
            AssertSameMatrices(c, algorithm, build);
        }
    }

    private static void AssertSameMatrices(ConformanceCases.SizeCase c, ScalingAlgorithm algorithm, OpenCvBuild build)
    {
        using ScalingModel native = OpenCvAlgorithmReference.Model(c, algorithm, build, ScalingBackend.Native);
        using ScalingModel managed = OpenCvAlgorithmReference.Model(c, algorithm, build, ScalingBackend.Managed);
        Assert.Multiple(() =>
        {
            foreach (SampleType type in new[] { SampleType.UInt8, SampleType.Float32 })
            {
                Assert.That(managed.GetLeft(type).ToArray(), Is.EqualTo(native.GetLeft(type).ToArray()), $"L {type}");
                Assert.That(managed.GetRight(type).ToArray(), Is.EqualTo(native.GetRight(type).ToArray()), $"R {type}");
            }
            Assert.That(managed.KernelWidthX, Is.EqualTo(native.KernelWidthX));
            Assert.That(managed.KernelWidthY, Is.EqualTo(native.KernelWidthY));
        });
    }

    [TestCase(ScalingAlgorithm.NearestExact, 90, 30, 1.0)]
    [TestCase(ScalingAlgorithm.Bicubic, 90, 30, 4.0)]
    [TestCase(ScalingAlgorithm.Bicubic, 30, 90, 4.0)]
    [TestCase(ScalingAlgorithm.Lanczos, 90, 30, 8.0)]
    [TestCase(ScalingAlgorithm.Area, 90, 30, 3.0)]
    [TestCase(ScalingAlgorithm.Area, 100, 40, 2.5)]
    [TestCase(ScalingAlgorithm.Area, 30, 90, 2.0)] // area mode: the linear kernel
    public void Kernel_width_follows_the_kernel_and_the_area_ratio(ScalingAlgorithm algorithm, int source, int target, double width)
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, new(source, 50), new(target, 50));
        Assert.That(model.KernelWidthX, Is.EqualTo(width));
    }

    [Test]
    public void Area_with_one_upscaled_axis_uses_linear_area_mode_on_both_axes()
    {
        // 100×80 → 50×160: x halves but is not a block mean of 2 any more: area-mode f = 0.5 on 2d, 2d+1.
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Area, new(100, 80), new(50, 160));
        Assert.Multiple(() =>
        {
            Assert.That(model.KernelWidthX, Is.EqualTo(2.0));
            Assert.That(model.Right.GetSourceIndices(7).ToArray(), Is.EqualTo(new[] { 14, 15 }));
            Assert.That(model.Right.GetWeights(7).ToArray(), Is.EqualTo(new[] { 0.5, 0.5 }));
        });
    }

    [Test]
    public void Byte_matrices_are_the_11_bit_weights_without_renormalisation()
    {
        foreach (ScalingAlgorithm algorithm in new[] { ScalingAlgorithm.Bicubic, ScalingAlgorithm.Lanczos })
        {
            using var model = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, new(97, 89), new(31, 40), new ScalingOptions { OpenCvBuild = OpenCvBuild.Plain });
            for (int r = 0; r < model.Left.OutputCount; r++)
            {
                double sum = 0;
                foreach (double w in model.Left.GetWeights(r))
                {
                    Assert.That(w * 2048, Is.EqualTo(Math.Round(w * 2048)), "a multiple of 1/2048");
                    sum += w;
                }
                Assert.That(sum * 2048, Is.InRange(2046, 2050), $"{algorithm} row {r}");
            }
        }
    }

    // The Ipp build's L and R are IPP's float32 cubic weights for both sample types (its 8-bit path
    // computes in float32 too), and they differ from OpenCV's 11-bit ones.
    [Test]
    public void Ipp_build_matrices_are_float32_cubic_weights()
    {
        using var ipp = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, new(97, 89), new(31, 40));
        using var plain = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, new(97, 89), new(31, 40), new ScalingOptions { OpenCvBuild = OpenCvBuild.Plain });
        Assert.Multiple(() =>
        {
            Assert.That(ipp.OpenCvBuild, Is.EqualTo(OpenCvBuild.Ipp), "the default");
            Assert.That(ipp.Left.ToArray(), Is.EqualTo(ipp.GetLeft(SampleType.Float32).ToArray()));
            Assert.That(ipp.Left.ToArray(), Is.Not.EqualTo(plain.Left.ToArray()));
            foreach (double w in ipp.Left.GetWeights(3))
            {
                Assert.That((double)(float)w, Is.EqualTo(w), "a float32 weight");
            }
        });
    }

    // Photo sizes (the float32 coordinate loses fractional bits as x grows) and two channels.
    [TestCase(2048, 1536, 224, 224, 3)]
    [TestCase(3001, 1999, 7, 5, 1)]
    [TestCase(300, 200, 999, 601, 4)]
    [TestCase(8000, 50, 333, 50, 1)]
    [TestCase(65, 47, 21, 9, 2)]
    [TestCase(64, 48, 16, 12, 2)]
    public void Large_and_two_channel_images_are_exact(int sw, int sh, int tw, int th, int channels)
    {
        var c = new ConformanceCases.SizeCase(new(sw, sh), new(tw, th), channels, sw * 17 + th);
        byte[] bytes = ConformanceCases.RandomBytes(c.Source, channels, c.Seed);
        float[] floats = ConformanceCases.RandomFloats(c.Source, channels, c.Seed, 255f);
        foreach (ScalingAlgorithm algorithm in OpenCvAlgorithmReference.Algorithms)
        {
            using ScalingModel native = OpenCvAlgorithmReference.Model(c, algorithm, OpenCvBuild.Plain, ScalingBackend.Native);
            using ScalingModel managed = OpenCvAlgorithmReference.Model(c, algorithm, OpenCvBuild.Plain, ScalingBackend.Managed);
            using ScalingModel ipp = OpenCvAlgorithmReference.Model(c, algorithm, OpenCvBuild.Ipp, ScalingBackend.Native);
            using ScalingModel ippManaged = OpenCvAlgorithmReference.Model(c, algorithm, OpenCvBuild.Ipp, ScalingBackend.Managed);
            byte[] ippBytes = ipp.Scale(bytes, channels);
            byte[] nativeBytes = native.Scale(bytes, channels);
            float[] nativeFloats = native.Scale(floats, channels);
            Assert.Multiple(() =>
            {
                Assert.That(nativeBytes, Is.EqualTo(OpenCvAlgorithmReference.Resize(bytes, c, algorithm, ipp: false)), $"{algorithm} 8-bit");
                Assert.That(nativeFloats, Is.EqualTo(OpenCvAlgorithmReference.Resize(floats, c, algorithm, ipp: false)), $"{algorithm} float32");
                Assert.That(managed.Scale(bytes, channels), Is.EqualTo(nativeBytes), $"{algorithm} 8-bit managed");
                Assert.That(managed.Scale(floats, channels), Is.EqualTo(nativeFloats), $"{algorithm} float32 managed");
                Assert.That(ippManaged.Scale(bytes, channels), Is.EqualTo(ippBytes), $"{algorithm} 8-bit Ipp build managed");
                // Photo sizes: the ~5e-7 near-tie misses of 4 channels may show up; ±1 on a few samples.
                (double max, int off) = OpenCvAlgorithmReference.Compare(ippBytes, OpenCvAlgorithmReference.Resize(bytes, c, algorithm, ipp: true));
                Assert.That(max, Is.LessThanOrEqualTo(1), $"{algorithm} 8-bit Ipp build vs IPP on");
                Assert.That(off, Is.LessThanOrEqualTo(Math.Max(2, ippBytes.Length / 500_000)), $"{algorithm} 8-bit Ipp build vs IPP on: samples off");
            });
        }
    }

    private static double MaxAbsoluteDifference(double[] a, float[] b)
    {
        Assert.That(a, Has.Length.EqualTo(b.Length));
        double max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }
        return max;
    }
}
