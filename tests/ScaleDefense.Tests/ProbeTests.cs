using OpenCvSharp;
using SkiaSharp;

namespace ScaleDefense.Tests;

/// <summary>Black-box probing: recovering L and R of a scaler from its outputs alone.</summary>
[TestFixture]
[NonParallelizable] // toggles OpenCV's process-wide optimisation switch
public class ProbeTests
{
    [TearDown]
    public void RestoreOptimisations() => Cv2.SetUseOptimized(true);

    private static FloatScaler OpenCvFloat(InterpolationFlags flags) => (source, sourceLayout, destination, destinationLayout) =>
    {
        float[] input = source.ToArray();
        using Mat src = OpenCvReference.ToMat(input, sourceLayout.Size, MatType.CV_32FC1, 1);
        using Mat dst = new();
        Cv2.Resize(src, dst, new Size(destinationLayout.Width, destinationLayout.Height), 0, 0, flags);
        OpenCvReference.FromMat<float>(dst, 1).CopyTo(destination);
    };

    private static ByteScaler OpenCvByte(InterpolationFlags flags) => (source, sourceLayout, destination, destinationLayout) =>
    {
        byte[] input = source.ToArray();
        using Mat src = OpenCvReference.ToMat(input, sourceLayout.Size, MatType.CV_8UC1, 1);
        using Mat dst = new();
        Cv2.Resize(src, dst, new Size(destinationLayout.Width, destinationLayout.Height), 0, 0, flags);
        OpenCvReference.FromMat<byte>(dst, 1).CopyTo(destination);
    };

    // OpenCV's own float kernels (IPP off) use exactly the float matrices of our model.
    [TestCase(ScalingAlgorithm.Nearest, 57, 43, 13, 9)]
    [TestCase(ScalingAlgorithm.Bilinear, 57, 43, 13, 9)]
    [TestCase(ScalingAlgorithm.Bilinear, 30, 30, 10, 10)]
    [TestCase(ScalingAlgorithm.Bilinear, 20, 12, 31, 17)]
    [TestCase(ScalingAlgorithm.NearestExact, 57, 43, 13, 9)]
    [TestCase(ScalingAlgorithm.Bicubic, 57, 43, 13, 9)]
    [TestCase(ScalingAlgorithm.Bicubic, 30, 20, 45, 33)]
    [TestCase(ScalingAlgorithm.Area, 57, 43, 13, 9)]
    [TestCase(ScalingAlgorithm.Area, 40, 30, 10, 10)]
    [TestCase(ScalingAlgorithm.Lanczos, 57, 43, 13, 9)]
    public void Float_probe_of_cv_resize_equals_the_analytic_model_within_1e_6(ScalingAlgorithm algorithm, int sw, int sh, int tw, int th)
    {
        var source = new ImageSize(sw, sh);
        var target = new ImageSize(tw, th);
        // IPP off against the Plain build, IPP on (OpenCvSharp's default) against the Ipp build,
        // whose matrices carry IPP's cubic weights (float32 bilinear under IPP is not modelled).
        OpenCvBuild[] builds = algorithm == ScalingAlgorithm.Bilinear ? [OpenCvBuild.Plain] : [OpenCvBuild.Plain, OpenCvBuild.Ipp];
        foreach (OpenCvBuild build in builds)
        {
            Cv2.SetUseOptimized(build == OpenCvBuild.Ipp);
            ProbedScaler probed = ScalingModel.Probe(source, target, OpenCvFloat(OpenCvAlgorithmReference.ToFlags(algorithm)));
            using var model = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, source, target, new ScalingOptions { OpenCvBuild = build });
            AssertClose(probed.Left, model.GetLeft(SampleType.Float32), 1e-6);
            AssertClose(probed.Right, model.GetRight(SampleType.Float32), 1e-6);
            Assert.That(probed.PredictionError, Is.LessThan(1e-3));
            // One call per residue class of the comb, a pilot per axis and the check: never more than one per index.
            TestContext.Out.WriteLine($"{probed.ScalerCalls} calls, spacing {probed.RowSpacing}/{probed.ColumnSpacing}, error {probed.PredictionError}");
            Assert.That(probed.ScalerCalls, Is.LessThanOrEqualTo(sw + sh + 8));
        }
    }

    [Test]
    public void Byte_probe_of_cv_resize_recovers_the_fixed_point_weights_within_1e_3()
    {
        var source = new ImageSize(47, 35);
        var target = new ImageSize(11, 8);
        ProbedScaler probed = ScalingModel.Probe(source, target, OpenCvByte(InterpolationFlags.Linear));
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, source, target);
        AssertClose(probed.Left, model.Left, 1e-3);
        AssertClose(probed.Right, model.Right, 1e-3);
        Assert.That(probed.PredictionError, Is.LessThanOrEqualTo(1), "8-bit rounding only");
    }

    // The README's case: 1000×750 → 224×224 of a local kernel through the live library, in a couple of
    // hundred calls (ProbeBenchmarks times it) instead of 8·(w + h) + 9 = 14009.
    [Test]
    public void Byte_probe_of_live_cv_linear_at_1000x750_shares_calls_and_keeps_1e_3()
    {
        var source = new ImageSize(1000, 750);
        var target = new ImageSize(224, 224);
        ProbedScaler probed = ScalingModel.Probe(source, target, OpenCvByte(InterpolationFlags.Linear));
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, source, target);
        TestContext.Out.WriteLine($"{probed.ScalerCalls} calls, spacing {probed.RowSpacing}/{probed.ColumnSpacing}, prediction error {probed.PredictionError}");
        Assert.Multiple(() =>
        {
            AssertClose(probed.Left, model.Left, 1e-3);
            AssertClose(probed.Right, model.Right, 1e-3);
            Assert.That(probed.PredictionError, Is.LessThanOrEqualTo(1));
            Assert.That(probed.ScalerCalls, Is.LessThan(250));
        });
    }

    // OpenCV's plain (IPP off) 8-bit bicubic is a = -0.75 Keys with its negative lobes, live; the
    // probe must see the lobes through the rounding, to 1e-3 of the fixed-point weights our model uses.
    [TestCase(301, 227, 96, 64)]
    [TestCase(90, 70, 150, 110)]
    public void Byte_probe_of_live_cv_bicubic_recovers_negative_lobes_within_1e_3(int sw, int sh, int tw, int th)
    {
        Cv2.SetUseOptimized(false);
        var source = new ImageSize(sw, sh);
        var target = new ImageSize(tw, th);
        ProbedScaler probed = ScalingModel.Probe(source, target, OpenCvByte(InterpolationFlags.Cubic));
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, source, target);
        Assert.Multiple(() =>
        {
            AssertClose(probed.Left, model.Left, 1e-3);
            AssertClose(probed.Right, model.Right, 1e-3);
            Assert.That(probed.PredictionError, Is.LessThanOrEqualTo(1));
        });
    }

    [Test]
    public void SkiaSharp_bilinear_is_probed_analysed_and_predicted()
    {
        var source = new ImageSize(64, 48);
        var target = new ImageSize(16, 12);
        ProbedScaler probed = ScalingModel.Probe(source, target, SkiaResize(new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None)));
        VulnerabilityReport report = probed.Analyze();
        Assert.Multiple(() =>
        {
            // Skia samples at pixel centres: ratio 4 puts output d at 4d + 1.5, between pixels 4d+1 and 4d+2.
            Assert.That(probed.Left.GetSourceIndices(3).ToArray(), Is.EqualTo(new[] { 13, 14 }));
            Assert.That(probed.Left.GetWeights(3)[0], Is.EqualTo(0.5).Within(0.01));
            Assert.That(probed.PredictionError, Is.LessThanOrEqualTo(1.5));
            Assert.That(report.Verdict, Is.EqualTo(Verdict.Vulnerable));
            Assert.That(report.ConsideredPixelRatio, Is.EqualTo(0.25).Within(1e-9));
        });
    }

    [Test]
    public void A_non_linear_scaler_shows_a_large_prediction_error()
    {
        // Squaring the input is not of the form L·X·R: the probe must not pretend it is.
        FloatScaler squared = (source, sl, destination, dl) =>
        {
            for (int y = 0; y < dl.Height; y++)
            {
                for (int x = 0; x < dl.Width; x++)
                {
                    float v = source[y * 2 * sl.RowStride + x * 2];
                    destination[y * dl.RowStride + x] = v * v / 255f;
                }
            }
        };
        ProbedScaler probed = ScalingModel.Probe(new ImageSize(20, 20), new ImageSize(10, 10), squared);
        Assert.That(probed.PredictionError, Is.GreaterThan(10));
    }

    [Test]
    public void Bad_probe_sizes_are_rejected()
    {
        FloatScaler none = (_, _, _, _) => { };
        Assert.That(() => ScalingModel.Probe(new ImageSize(0, 5), new ImageSize(2, 2), none), Throws.ArgumentException.With.Message.Contains("positive"));
        Assert.That(() => ScalingModel.Probe(new ImageSize(5000, 5000), new ImageSize(2, 2), none), Throws.ArgumentException.With.Message.Contains("too large"));
    }

    internal static ByteScaler SkiaResize(SKSamplingOptions sampling) => (source, sourceLayout, destination, destinationLayout) =>
    {
        using var input = new SKBitmap(new SKImageInfo(sourceLayout.Width, sourceLayout.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        using var output = new SKBitmap(new SKImageInfo(destinationLayout.Width, destinationLayout.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        for (int y = 0; y < sourceLayout.Height; y++)
        {
            source.Slice(y * sourceLayout.RowStride, sourceLayout.Width).CopyTo(input.GetPixelSpan().Slice(y * input.RowBytes));
        }
        using (SKPixmap from = input.PeekPixels())
        using (SKPixmap to = output.PeekPixels())
        {
            Assert.That(from.ScalePixels(to, sampling), Is.True);
        }
        for (int y = 0; y < destinationLayout.Height; y++)
        {
            output.GetPixelSpan().Slice(y * output.RowBytes, destinationLayout.Width).CopyTo(destination.Slice(y * destinationLayout.RowStride));
        }
    };

    internal static void AssertClose(CoefficientMatrix actual, CoefficientMatrix expected, double tolerance)
    {
        double[,] a = actual.ToArray();
        double[,] e = expected.ToArray();
        Assert.That(a.GetLength(0), Is.EqualTo(e.GetLength(0)));
        Assert.That(a.GetLength(1), Is.EqualTo(e.GetLength(1)));
        double worst = 0;
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < a.GetLength(1); j++)
            {
                worst = Math.Max(worst, Math.Abs(a[i, j] - e[i, j]));
            }
        }
        TestContext.Out.WriteLine($"worst weight error {worst:E3}");
        Assert.That(worst, Is.LessThanOrEqualTo(tolerance));
    }
}
