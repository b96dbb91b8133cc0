using OpenCvSharp;
using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// The float32 path and the real-valued model L·X·R against cv::resize on CV_32F input.
/// OpenCvSharp's build sends 32F bilinear to Intel IPP, which positions taps from the double
/// coordinate instead of OpenCV's float32 one (docs/scalers/opencv.md); our Scale models
/// OpenCV's own kernel, so the bit-exact checks switch IPP off.
/// </summary>
[TestFixture]
[NonParallelizable] // toggles OpenCV's process-wide optimisation switch
public class OpenCvFloatTests
{
    private static readonly IReadOnlyList<ConformanceCases.SizeCase> Cases = ConformanceCases.Generate(120, seed: 777);

    private static IEnumerable<TestCaseData> AllCases() => ConformanceCases.WithAlgorithms(Cases);

    [TearDown]
    public void RestoreOptimisations() => Cv2.SetUseOptimized(true);

    [TestCaseSource(nameof(AllCases))]
    public void Float_scale_is_bit_identical_to_opencv_own_kernel(ConformanceCases.SizeCase c, ScalingAlgorithm algorithm)
    {
        Cv2.SetUseOptimized(false);
        float[] pixels = ConformanceCases.RandomFloats(c.Source, c.Channels, c.Seed, 255f);
        float[] expected = OpenCvReference.Resize(pixels, c.Source, c.Channels, c.Target, algorithm);
        using var native = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, c.Source, c.Target);
        using var managed = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, c.Source, c.Target, ScalingBackend.Managed);
        Assert.Multiple(() =>
        {
            Assert.That(native.Scale(pixels, c.Channels), Is.EqualTo(expected), "native");
            Assert.That(managed.Scale(pixels, c.Channels), Is.EqualTo(expected), "managed");
        });
    }

    // Tolerance 1e-4 absolute on 0..255 data: float32 rounding of a two-tap sum is ~2e-5 at 255.
    [TestCaseSource(nameof(AllCases))]
    public void Matrix_product_matches_cv_resize_within_1e_4(ConformanceCases.SizeCase c, ScalingAlgorithm algorithm)
    {
        Cv2.SetUseOptimized(false);
        float[] pixels = ConformanceCases.RandomFloats(c.Source, c.Channels, c.Seed, 255f);
        float[] expected = OpenCvReference.Resize(pixels, c.Source, c.Channels, c.Target, algorithm);
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, c.Source, c.Target);
        double[] product = MatrixProduct.Apply(model.GetLeft(SampleType.Float32), model.GetRight(SampleType.Float32), pixels, c.Source.Width, c.Channels);
        Assert.That(MaxAbsoluteDifference(product, expected), Is.LessThanOrEqualTo(1e-4));
    }

    // With IPP on (OpenCvSharp's default) the tap positions differ by up to ulp(x)/2 of the
    // coordinate; on [0, 1] data that stays under 1e-4.
    [TestCaseSource(nameof(AllCases))]
    public void Matrix_product_matches_default_cv_resize_on_unit_range_data(ConformanceCases.SizeCase c, ScalingAlgorithm algorithm)
    {
        float[] pixels = ConformanceCases.RandomFloats(c.Source, c.Channels, c.Seed, 1f);
        float[] expected = OpenCvReference.Resize(pixels, c.Source, c.Channels, c.Target, algorithm);
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, c.Source, c.Target);
        double[] product = MatrixProduct.Apply(model.GetLeft(SampleType.Float32), model.GetRight(SampleType.Float32), pixels, c.Source.Width, c.Channels);
        Assert.That(MaxAbsoluteDifference(product, expected), Is.LessThanOrEqualTo(1e-4));
    }

    [Test]
    public void Byte_matrices_are_the_fixed_point_weights()
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, new(100, 100), new(30, 30));
        for (int r = 0; r < model.Left.OutputCount; r++)
        {
            foreach (double w in model.Left.GetWeights(r))
            {
                Assert.That(w * 2048, Is.EqualTo(Math.Round(w * 2048)), "a multiple of 1/2048");
            }
        }
        Assert.That(model.Left.Rows, Is.EqualTo(30));
        Assert.That(model.Left.Columns, Is.EqualTo(100));
        Assert.That(model.Right.Rows, Is.EqualTo(100));
        Assert.That(model.Right.Columns, Is.EqualTo(30));
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
