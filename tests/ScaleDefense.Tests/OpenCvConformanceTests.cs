using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>Our OpenCV model against the real cv::resize (OpenCvSharp4 4.13), byte for byte.</summary>
[TestFixture]
public class OpenCvConformanceTests
{
    private static readonly IReadOnlyList<ConformanceCases.SizeCase> Cases = ConformanceCases.Generate(240, seed: 20201);

    private static IEnumerable<TestCaseData> AllCases() => ConformanceCases.WithAlgorithms(Cases);

    [Test]
    public void At_least_200_cases_cover_the_required_shapes()
    {
        Assert.That(Cases, Has.Count.GreaterThanOrEqualTo(200));
        Assert.That(Cases.Any(c => c.Source.Width == 1 || c.Target.Width == 1), "1-pixel-wide case");
        Assert.That(Cases.Any(c => c.Source.Height == 1 || c.Target.Height == 1), "1-pixel-tall case");
        Assert.That(Cases.Select(c => c.Channels).Distinct(), Is.EquivalentTo(new[] { 1, 3, 4 }));
        Assert.That(Cases.Any(c => c.Source.Width == 3 * c.Target.Width && c.Source.Height == 3 * c.Target.Height), "odd integer ratio");
        Assert.That(Cases.Any(c => c.Target.Width > c.Source.Width), "upscale");
    }

    [TestCaseSource(nameof(AllCases))]
    public void Byte_output_equals_cv_resize_for_both_backends(ConformanceCases.SizeCase c, ScalingAlgorithm algorithm)
    {
        byte[] pixels = ConformanceCases.RandomBytes(c.Source, c.Channels, c.Seed);
        byte[] expected = OpenCvReference.Resize(pixels, c.Source, c.Channels, c.Target, algorithm);
        using var native = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, c.Source, c.Target, ScalingBackend.Native);
        using var managed = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, c.Source, c.Target, ScalingBackend.Managed);
        byte[] fromNative = native.Scale(pixels, c.Channels);
        byte[] fromManaged = managed.Scale(pixels, c.Channels);
        Assert.Multiple(() =>
        {
            Assert.That(fromNative, Is.EqualTo(expected), "native vs cv::resize");
            Assert.That(fromManaged, Is.EqualTo(fromNative), "managed vs native");
        });
    }

    // IPP declines 8-bit nearest and bilinear: cv::resize with IPP off gives the same bytes, and so
    // does the Plain build.
    [TestCaseSource(nameof(AllCases))]
    [NonParallelizable] // toggles OpenCV's process-wide optimisation (IPP) switch
    public void Byte_output_is_the_same_with_ipp_off_and_for_the_plain_build(ConformanceCases.SizeCase c, ScalingAlgorithm algorithm)
    {
        byte[] pixels = ConformanceCases.RandomBytes(c.Source, c.Channels, c.Seed);
        byte[] expected = OpenCvReference.Resize(pixels, c.Source, c.Channels, c.Target, algorithm);
        using ScalingModel plain = OpenCvAlgorithmReference.Model(c, algorithm, OpenCvBuild.Plain);
        Assert.Multiple(() =>
        {
            Assert.That(OpenCvAlgorithmReference.Resize(pixels, c, algorithm, ipp: false), Is.EqualTo(expected), "cv::resize with IPP off");
            Assert.That(plain.Scale(pixels, c.Channels), Is.EqualTo(expected), "Plain build");
        });
    }

    // Large images: the float32-rounded coordinate of OpenCV's tables loses fractional bits as
    // x grows, so exactness at photo sizes is checked separately. Two channels exercise the
    // round-half-to-even branch of the ratio-2 area path.
    [TestCase(2048, 1536, 224, 224, 3)]
    [TestCase(4032, 3024, 299, 299, 3)]
    [TestCase(3000, 2000, 1500, 1000, 2)]
    [TestCase(3001, 1999, 7, 5, 1)]
    [TestCase(300, 200, 1999, 1001, 4)]
    [TestCase(8000, 50, 333, 50, 1)]
    [TestCase(64, 48, 32, 24, 2)]
    [TestCase(65, 47, 21, 9, 2)]
    public void Large_and_two_channel_images_are_byte_exact(int sw, int sh, int tw, int th, int channels)
    {
        var c = new ConformanceCases.SizeCase(new(sw, sh), new(tw, th), channels, sw * 31 + th);
        foreach (ScalingAlgorithm algorithm in new[] { ScalingAlgorithm.Nearest, ScalingAlgorithm.Bilinear })
        {
            Byte_output_equals_cv_resize_for_both_backends(c, algorithm);
        }
    }
}
