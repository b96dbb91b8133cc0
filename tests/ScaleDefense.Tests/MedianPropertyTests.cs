using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// The median filter on random shapes: sizes, ratios (down and up), algorithms, windows, channel
/// counts, row padding and thread counts drawn from a fixed seed, the native column-histogram
/// kernels against the brute force and the managed baseline — every byte, every case.
/// </summary>
[TestFixture]
public class MedianPropertyTests
{
    // Not area: it reads every pixel, so P is the whole image and nothing is filtered.
    private static readonly ScalingAlgorithm[] Algorithms = [ScalingAlgorithm.Nearest, ScalingAlgorithm.Bilinear, ScalingAlgorithm.Bicubic];

    private static IEnumerable<TestCaseData> RandomShapes()
    {
        var random = new Random(20261202);
        for (int i = 0; i < 24; i++)
        {
            int sw = random.Next(2, 140), sh = random.Next(2, 110);
            int tw = Math.Max(1, sw / random.Next(1, 16)), th = Math.Max(1, sh / random.Next(1, 16));
            yield return new TestCaseData(i, sw, sh, tw, th, random.Next(1, 5), random.Next(0, 7),
                Algorithms[random.Next(Algorithms.Length)], random.Next(2) == 0 ? FilterWindow.Paper : FilterWindow.Narrow, random.Next(1, 4));
        }
    }

    [TestCaseSource(nameof(RandomShapes))]
    public void Native_median_equals_the_brute_force_and_the_managed_baseline(int seed, int sw, int sh, int tw, int th, int channels, int padding,
        ScalingAlgorithm algorithm, FilterWindow window, int threads)
    {
        var packed = new ImageLayout(sw, sh, channels);
        var padded = new ImageLayout(sw, sh, channels, sw * channels + padding);
        byte[] image = ConformanceCases.RandomBytes(packed.Size, channels, seed);
        byte[] paddedImage = new byte[(int)padded.RequiredLength];
        for (int y = 0; y < sh; y++)
        {
            image.AsSpan(y * sw * channels, sw * channels).CopyTo(paddedImage.AsSpan(y * padded.RowStride));
        }
        var options = new ReconstructionOptions { Window = window, Threads = threads };
        using var native = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, packed.Size, new(tw, th));
        using var managed = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, packed.Size, new(tw, th), ScalingBackend.Managed);
        var fromNative = new byte[(int)padded.RequiredLength];
        var fromManaged = new byte[image.Length];
        long count = native.Reconstruct(paddedImage, padded, fromNative, padded, Reconstruction.Median, options);
        managed.Reconstruct(image, packed, fromManaged, packed, Reconstruction.Median, options);
        byte[] expected = BruteForce.Median(image, packed, native.Analyze(), window, out long expectedCount);
        byte[] nativePacked = new byte[image.Length];
        for (int y = 0; y < sh; y++)
        {
            fromNative.AsSpan(y * padded.RowStride, sw * channels).CopyTo(nativePacked.AsSpan(y * sw * channels));
        }
        Assert.Multiple(() =>
        {
            Assert.That(nativePacked, Is.EqualTo(expected), "native vs brute force");
            Assert.That(fromManaged, Is.EqualTo(expected), "managed vs brute force");
            Assert.That(count, Is.EqualTo(expectedCount));
        });
    }
}
