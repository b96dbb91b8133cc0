using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// NEAREST_EXACT, CUBIC, AREA and LANCZOS4 against the real cv::resize (OpenCvSharp4 4.13):
/// 8-bit byte for byte and float32 bit for bit against OpenCV's own kernels (IPP off), the same
/// with IPP on wherever IPP does not take the call, and native == managed.
/// </summary>
[TestFixture]
[NonParallelizable] // toggles OpenCV's process-wide optimisation (IPP) switch
public class OpenCvAlgorithmsConformanceTests
{
    private static readonly IReadOnlyList<ConformanceCases.SizeCase> Cases = ConformanceCases.Generate(200, seed: 4130);

    private static IEnumerable<TestCaseData> AllCases() =>
        from c in Cases
        from a in OpenCvAlgorithmReference.Algorithms
        select new TestCaseData(c, a).SetArgDisplayNames(c.ToString(), a.ToString());

    [Test]
    public void At_least_200_cases_per_algorithm_cover_the_required_shapes()
    {
        Assert.That(Cases, Has.Count.GreaterThanOrEqualTo(200));
        Assert.That(Cases.Select(c => c.Channels).Distinct(), Is.EquivalentTo(new[] { 1, 3, 4 }));
        Assert.That(Cases.Any(c => c.Source.Width == 1 || c.Target.Height == 1), "1-pixel side");
        Assert.That(Cases.Any(c => c.Source.Width == 3 * c.Target.Width && c.Source.Height == 3 * c.Target.Height), "odd integer ratio");
        Assert.That(Cases.Any(c => c.Source.Width == 4 * c.Target.Width && c.Source.Height == 4 * c.Target.Height), "even integer ratio");
        Assert.That(Cases.Any(c => c.Target.Width > c.Source.Width && c.Target.Height < c.Source.Height), "asymmetric up/down");
    }

    [TestCaseSource(nameof(AllCases))]
    public void Byte_output_equals_opencv_own_kernel_for_both_backends(ConformanceCases.SizeCase c, ScalingAlgorithm algorithm)
    {
        byte[] pixels = ConformanceCases.RandomBytes(c.Source, c.Channels, c.Seed);
        byte[] expected = OpenCvAlgorithmReference.Resize(pixels, c, algorithm, ipp: false);
        (byte[] native, byte[] managed) = ScaleBoth(pixels, c, algorithm);
        Assert.Multiple(() =>
        {
            Assert.That(native, Is.EqualTo(expected), "native vs cv::resize (IPP off)");
            Assert.That(managed, Is.EqualTo(native), "managed vs native");
            if (!OpenCvAlgorithmReference.IppTakes(c, algorithm))
            {
                Assert.That(OpenCvAlgorithmReference.Resize(pixels, c, algorithm, ipp: true), Is.EqualTo(expected), "cv::resize with IPP on");
            }
        });
    }

    [TestCaseSource(nameof(AllCases))]
    public void Float_output_is_bit_identical_to_opencv_own_kernel_for_both_backends(ConformanceCases.SizeCase c, ScalingAlgorithm algorithm)
    {
        float[] pixels = ConformanceCases.RandomFloats(c.Source, c.Channels, c.Seed, 255f);
        float[] expected = OpenCvAlgorithmReference.Resize(pixels, c, algorithm, ipp: false);
        (float[] native, float[] managed) = ScaleBoth(pixels, c, algorithm);
        Assert.Multiple(() =>
        {
            Assert.That(native, Is.EqualTo(expected), "native vs cv::resize (IPP off)");
            Assert.That(managed, Is.EqualTo(native), "managed vs native");
            if (!OpenCvAlgorithmReference.IppTakes(c, algorithm))
            {
                Assert.That(OpenCvAlgorithmReference.Resize(pixels, c, algorithm, ipp: true), Is.EqualTo(expected), "cv::resize with IPP on");
            }
        });
    }

    private static (T[] Native, T[] Managed) ScaleBoth<T>(T[] pixels, ConformanceCases.SizeCase c, ScalingAlgorithm algorithm) where T : unmanaged
    {
        using var native = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, c.Source, c.Target, ScalingBackend.Native);
        using var managed = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, c.Source, c.Target, ScalingBackend.Managed);
        return (Scale(native, pixels, c.Channels), Scale(managed, pixels, c.Channels));
    }

    private static T[] Scale<T>(ScalingModel model, T[] pixels, int channels) where T : unmanaged => pixels switch
    {
        byte[] bytes => (T[])(object)model.Scale(bytes, channels),
        float[] floats => (T[])(object)model.Scale(floats, channels),
        _ => throw new ArgumentException("byte or float pixels", nameof(pixels)),
    };
}
