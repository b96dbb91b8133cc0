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
    /// OpenCvSharp's IPP runs its own cubic (positions from the double coordinate, its own float32
    /// weights; docs/scalers/opencv.md); we model OpenCV's kernel. The reference measured ±1 on
    /// ~4% of the pixels at non-integer ratios (integer ratios mostly agree); on this mix we measured
    /// 1.7%. We require ±1 at most and under 5% of all samples.
    /// </summary>
    [Test]
    public void Byte_cubic_is_within_one_grey_level_of_the_ipp_path_on_few_pixels()
    {
        long pixels = 0, off = 0;
        int maxDiff = 0;
        foreach (ConformanceCases.SizeCase c in Cases.Where(c => OpenCvAlgorithmReference.IppTakes(c, ScalingAlgorithm.Bicubic)))
        {
            byte[] source = ConformanceCases.RandomBytes(c.Source, c.Channels, c.Seed);
            byte[] ipp = OpenCvAlgorithmReference.Resize(source, c, ScalingAlgorithm.Bicubic, ipp: true);
            using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, c.Source, c.Target);
            byte[] ours = model.Scale(source, c.Channels);
            for (int i = 0; i < ours.Length; i++)
            {
                int diff = Math.Abs(ours[i] - ipp[i]);
                maxDiff = Math.Max(maxDiff, diff);
                off += diff > 0 ? 1 : 0;
            }
            pixels += ours.Length;
        }
        double share = (double)off / pixels;
        TestContext.Out.WriteLine($"IPP cubic: {off} of {pixels} samples off ({share:P3}), max |diff| {maxDiff}");
        Assert.Multiple(() =>
        {
            Assert.That(pixels, Is.GreaterThan(100_000), "enough samples measured");
            Assert.That(maxDiff, Is.LessThanOrEqualTo(1));
            Assert.That(share, Is.LessThan(0.05));
        });
    }

    // Data in [0, 255]; OpenCV's own float kernels (IPP off). The gap is float32 rounding of the
    // 4- or 8-tap sums (~1e-5 at 255), except AREA's fast path, which sums the block exactly.
    [TestCaseSource(nameof(AllCases))]
    public void Matrix_product_matches_float_cv_resize_within_1e_4(ConformanceCases.SizeCase c, ScalingAlgorithm algorithm)
    {
        float[] pixels = ConformanceCases.RandomFloats(c.Source, c.Channels, c.Seed, 255f);
        float[] expected = OpenCvAlgorithmReference.Resize(pixels, c, algorithm, ipp: false);
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, c.Source, c.Target);
        double[] product = MatrixProduct.Apply(model.GetLeft(SampleType.Float32), model.GetRight(SampleType.Float32), pixels, c.Source.Width, c.Channels);
        Assert.That(MaxAbsoluteDifference(product, expected), Is.LessThanOrEqualTo(1e-4));
    }

    // OpenCvSharp's default (IPP on): float32 CUBIC runs IPP's cubic (double position, its own
    // weights; up to ~4e-3 from OpenCV's kernel on 0..255 data), the rest OpenCV's own kernels.
    // On data in [0, 1] the model's L·X·R stays within 1e-4 of either (measured: 1.7e-5).
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
        using var native = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, c.Source, c.Target, ScalingBackend.Native);
        using var managed = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, c.Source, c.Target, ScalingBackend.Managed);
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
            using var model = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, new(97, 89), new(31, 40));
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
            using var native = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, c.Source, c.Target, ScalingBackend.Native);
            using var managed = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, c.Source, c.Target, ScalingBackend.Managed);
            byte[] nativeBytes = native.Scale(bytes, channels);
            float[] nativeFloats = native.Scale(floats, channels);
            Assert.Multiple(() =>
            {
                Assert.That(nativeBytes, Is.EqualTo(OpenCvAlgorithmReference.Resize(bytes, c, algorithm, ipp: false)), $"{algorithm} 8-bit");
                Assert.That(nativeFloats, Is.EqualTo(OpenCvAlgorithmReference.Resize(floats, c, algorithm, ipp: false)), $"{algorithm} float32");
                Assert.That(managed.Scale(bytes, channels), Is.EqualTo(nativeBytes), $"{algorithm} 8-bit managed");
                Assert.That(managed.Scale(floats, channels), Is.EqualTo(nativeFloats), $"{algorithm} float32 managed");
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
