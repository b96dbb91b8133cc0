using OpenCvSharp;
using ScaleDefense.Cli.Imaging;

namespace ScaleDefense.Tests;

/// <summary>The header reader agrees with OpenCV's decoder on real files of every format, and never throws on damaged ones.</summary>
[TestFixture]
public class ImageHeadersTests
{
    private static readonly string[] Extensions = [".png", ".jpg", ".webp", ".bmp", ".tiff", ".ppm", ".pgm", ".hdr"];

    private static byte[] Encoded(string extension, int width, int height)
    {
        bool grey = extension == ".pgm";
        using var image = new Mat(height, width, grey ? MatType.CV_8UC1 : MatType.CV_8UC3);
        Cv2.Randu(image, new Scalar(0, 0, 0), new Scalar(255, 255, 255));
        if (extension == ".hdr")
        {
            using var floats = new Mat();
            image.ConvertTo(floats, MatType.CV_32FC3, 1.0 / 255);
            Cv2.ImEncode(extension, floats, out byte[] hdr);
            return hdr;
        }
        Cv2.ImEncode(extension, image, out byte[] bytes);
        return bytes;
    }

    [Test]
    public void Declared_sizes_match_what_opencv_decodes([ValueSource(nameof(Extensions))] string extension, [Values(1, 37, 300)] int width)
    {
        byte[] file = Encoded(extension, width, 23);
        ImageHeader? header = ImageHeaders.Read(file);
        Assert.That(header, Is.Not.Null, extension);
        Assert.Multiple(() =>
        {
            Assert.That(header!.Size, Is.EqualTo(new ImageSize(width, 23)));
            Assert.That(header.Truncated, Is.False);
        });
    }

    [Test]
    public void Damaged_headers_never_throw([ValueSource(nameof(Extensions))] string extension)
    {
        byte[] file = Encoded(extension, 40, 30);
        var random = new Random(7);
        for (int length = 0; length < Math.Min(file.Length, 400); length++)
        {
            Assert.DoesNotThrow(() => ImageHeaders.Read(file.AsSpan(0, length)));
        }
        for (int trial = 0; trial < 2000; trial++)
        {
            byte[] damaged = (byte[])file.Clone();
            for (int k = 0; k < 4; k++)
            {
                damaged[random.Next(Math.Min(damaged.Length, 64))] = (byte)random.Next(256);
            }
            Assert.DoesNotThrow(() => ImageHeaders.Read(damaged));
        }
    }

    [TestCase(".png")]
    [TestCase(".jpg")]
    [TestCase(".webp")]
    [TestCase(".bmp")]
    [TestCase(".ppm")]
    public void Cut_files_are_truncated(string extension)
    {
        byte[] file = Encoded(extension, 64, 64);
        Assert.That(ImageHeaders.Read(file.AsSpan(0, file.Length * 3 / 4))?.Truncated, Is.True);
    }
}
