using OpenCvSharp;
using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// The native 8-bit OpenCV kernels (an AVX2 build where the CPU has it, else the portable one;
/// native/tests/opencv_u8_kernels_test.cpp compares the two builds) against cv::resize on random
/// sizes wider than the conformance cases, so that the vector loops run many steps: up and down,
/// 1 to 4 channels, padded rows on both sides, and the managed twin on the same input.
/// </summary>
[TestFixture]
public class OpenCvSimdPropertyTests
{
    private static readonly ScalingAlgorithm[] Algorithms =
        [ScalingAlgorithm.Nearest, ScalingAlgorithm.Bilinear, ScalingAlgorithm.Bicubic, ScalingAlgorithm.Area];

    public sealed record StridedCase(ImageSize Source, ImageSize Target, int Channels, int SourcePadding, int TargetPadding, int Seed)
    {
        public override string ToString() => $"{Source}->{Target}x{Channels} pad {SourcePadding}/{TargetPadding}";
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        var random = new Random(1313);
        for (int i = 0; i < 36; i++)
        {
            int channels = 1 + (i % 4);
            var source = new ImageSize(random.Next(1, i % 3 == 0 ? 700 : 160), random.Next(1, 90));
            int Pick(int n) => random.Next(2) == 0 ? random.Next(1, n + 1) : random.Next(n, 3 * n + 6);  // down or up
            var target = new ImageSize(Pick(source.Width), Pick(source.Height));
            var c = new StridedCase(source, target, channels, random.Next(2) * random.Next(1, 10), random.Next(2) * random.Next(1, 10), random.Next());
            foreach (ScalingAlgorithm algorithm in Algorithms)
            {
                yield return new TestCaseData(c, algorithm).SetArgDisplayNames(c.ToString(), algorithm.ToString());
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Native_strided_output_equals_cv_resize_and_the_managed_twin(StridedCase c, ScalingAlgorithm algorithm)
    {
        byte[] pixels = ConformanceCases.RandomBytes(c.Source, c.Channels, c.Seed);
        byte[] expected = CvResize(pixels, c, algorithm);
        var options = new ScalingOptions { OpenCvBuild = OpenCvBuild.Ipp };
        using var native = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, c.Source, c.Target, options with { Backend = ScalingBackend.Native });
        using var managed = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, c.Source, c.Target, options with { Backend = ScalingBackend.Managed });

        var sourceLayout = new ImageLayout(c.Source.Width, c.Source.Height, c.Channels, c.Source.Width * c.Channels + c.SourcePadding);
        var targetLayout = new ImageLayout(c.Target.Width, c.Target.Height, c.Channels, c.Target.Width * c.Channels + c.TargetPadding);
        byte[] strided = Pad(pixels, c.Source.Width * c.Channels, sourceLayout);
        var output = new byte[targetLayout.RequiredLength];
        Array.Fill(output, (byte)0xA5);
        native.Scale(strided, sourceLayout, output, targetLayout);

        int row = c.Target.Width * c.Channels;
        Assert.Multiple(() =>
        {
            Assert.That(Unpad(output, row, targetLayout), Is.EqualTo(expected), "native (strided) vs cv::resize");
            Assert.That(managed.Scale(pixels, c.Channels), Is.EqualTo(expected), "managed vs cv::resize");
            for (int y = 0; y + 1 < c.Target.Height; y++)
            {
                Assert.That(output.AsSpan(y * targetLayout.RowStride + row, c.TargetPadding).ToArray(), Has.All.EqualTo((byte)0xA5), $"padding of row {y}");
            }
        });
    }

    private static byte[] CvResize(byte[] pixels, StridedCase c, ScalingAlgorithm algorithm)
    {
        using Mat src = OpenCvReference.ToMat(pixels, c.Source, MatType.CV_8UC(c.Channels), c.Channels);
        using var dst = new Mat();
        Cv2.Resize(src, dst, new Size(c.Target.Width, c.Target.Height), 0, 0, OpenCvAlgorithmReference.ToFlags(algorithm));
        return OpenCvReference.FromMat<byte>(dst, c.Channels);
    }

    private static byte[] Pad(byte[] pixels, int row, ImageLayout layout)
    {
        // Exactly RequiredLength, random padding: the last row ends the buffer (the over-reading guards run)
        // and a kernel that read padding as pixels would differ.
        var padded = new byte[layout.RequiredLength];
        new Random(row).NextBytes(padded);
        for (int y = 0; y < layout.Height; y++)
        {
            pixels.AsSpan(y * row, row).CopyTo(padded.AsSpan(y * layout.RowStride));
        }
        return padded;
    }

    private static byte[] Unpad(byte[] output, int row, ImageLayout layout)
    {
        var result = new byte[row * layout.Height];
        for (int y = 0; y < layout.Height; y++)
        {
            output.AsSpan(y * layout.RowStride, row).CopyTo(result.AsSpan(y * row));
        }
        return result;
    }
}
