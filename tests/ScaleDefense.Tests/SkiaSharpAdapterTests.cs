using System.Runtime.InteropServices;
using ScaleDefense.SkiaSharp;
using SkiaSharp;

namespace ScaleDefense.Tests;

/// <summary>ScaleDefense.SkiaSharp: SecureResize on SKBitmap/SKPixmap and models from SKSamplingOptions.</summary>
[TestFixture]
public class SkiaSharpAdapterTests
{
    private static readonly ImageSize Source = new(97, 61);
    private static readonly ImageSize Target = new(20, 13);

    [TestCase(SKColorType.Rgba8888)]
    [TestCase(SKColorType.Bgra8888)]
    public void Without_reconstruction_SecureResize_is_SKBitmap_Resize_byte_for_byte(SKColorType colorType)
    {
        var sampling = new SKSamplingOptions(SKCubicResampler.Mitchell);
        using SKBitmap bitmap = Bitmap(colorType, padding: 12);
        using SecureScaler scaler = sampling.CreateSecureScaler(Target, new SecureScalerOptions { Reconstruction = Reconstruction.None });
        using SKBitmap secured = bitmap.SecureResize(scaler, out Reconstruction applied);
        using SKBitmap resized = bitmap.Resize(new SKImageInfo(Target.Width, Target.Height, colorType, SKAlphaType.Premul), sampling);
        Assert.Multiple(() =>
        {
            Assert.That(applied, Is.EqualTo(Reconstruction.None));
            Assert.That(secured.ColorType, Is.EqualTo(colorType));
            Assert.That(secured.Bytes, Is.EqualTo(resized.Bytes));
        });
    }

    [Test]
    public void With_reconstruction_the_pixmap_overload_equals_the_span_API_and_leaves_the_source_alone()
    {
        var sampling = new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None);
        using SKBitmap bitmap = Bitmap(SKColorType.Rgba8888, padding: 0);
        byte[] before = bitmap.Bytes;
        using SecureScaler scaler = sampling.CreateSecureScaler(Target, new SecureScalerOptions { Filter = new ReconstructionOptions { Seed = 3 } });
        using var destination = new SKBitmap(new SKImageInfo(Target.Width, Target.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using SKPixmap from = bitmap.PeekPixels();
        using SKPixmap to = destination.PeekPixels();
        Reconstruction applied = from.SecureResize(scaler, to);
        var expected = new byte[Target.Width * Target.Height * 4];
        scaler.Resize(before, new ImageLayout(Source.Width, Source.Height, 4), expected, new ImageLayout(Target.Width, Target.Height, 4));
        Assert.Multiple(() =>
        {
            Assert.That(applied, Is.EqualTo(Reconstruction.Median), "SkiaSharp linear at these ratios reads few pixels");
            Assert.That(destination.Bytes, Is.EqualTo(expected));
            Assert.That(bitmap.Bytes, Is.EqualTo(before));
        });
    }

    [Test]
    public void Models_from_sampling_options_carry_the_algorithm_and_the_cubic()
    {
        using SKBitmap bitmap = Bitmap(SKColorType.Rgba8888, padding: 0);
        using ScalingModel catmullRom = bitmap.CreateModel(Target, new SKSamplingOptions(SKCubicResampler.CatmullRom));
        using ScalingModel nearest = new SKSamplingOptions(SKFilterMode.Nearest).CreateModel(Source, Target, ScalingBackend.Managed);
        Assert.Multiple(() =>
        {
            Assert.That(catmullRom.Library, Is.EqualTo(ScalingLibrary.SkiaSharp));
            Assert.That(catmullRom.Algorithm, Is.EqualTo(ScalingAlgorithm.Bicubic));
            Assert.That(catmullRom.Cubic, Is.EqualTo(CubicResampler.CatmullRom));
            Assert.That(nearest.Algorithm, Is.EqualTo(ScalingAlgorithm.Nearest));
            Assert.That(nearest.Backend, Is.EqualTo(ScalingBackend.Managed));
        });
    }

    [Test]
    public void Unsupported_images_and_samplings_are_refused_with_what_to_do()
    {
        using SecureScaler scaler = new SKSamplingOptions(SKCubicResampler.Mitchell).CreateSecureScaler(Target);
        using var gray = new SKBitmap(new SKImageInfo(Source.Width, Source.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        using SKBitmap rgba = Bitmap(SKColorType.Rgba8888, padding: 0);
        using var wrongSize = new SKBitmap(new SKImageInfo(Target.Width + 1, Target.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var wrongType = new SKBitmap(new SKImageInfo(Target.Width, Target.Height, SKColorType.Bgra8888, SKAlphaType.Premul));
        using SKPixmap source = rgba.PeekPixels();
        using SKPixmap tooWide = wrongSize.PeekPixels();
        using SKPixmap bgra = wrongType.PeekPixels();
        using var floatScaler = new SecureScaler(ScalingLibrary.PyTorch, ScalingAlgorithm.Bilinear, Target);
        Assert.Multiple(() =>
        {
            Assert.That(() => gray.SecureResize(scaler), Throws.ArgumentException.With.Message.Contains("Gray8").And.Message.Contains("Copy(SKColorType.Rgba8888)"));
            Assert.That(() => source.SecureResize(scaler, tooWide), Throws.ArgumentException.With.Message.Contains("scaler produces 20x13"));
            Assert.That(() => source.SecureResize(scaler, bgra), Throws.ArgumentException.With.Message.Contains("same colour type"));
            Assert.That(() => rgba.SecureResize(floatScaler), Throws.ArgumentException.With.Message.Contains("8-bit path"));
            Assert.That(() => new SKSamplingOptions(4).CreateModel(Source, Target), Throws.ArgumentException.With.Message.Contains("Anisotropic"));
        });
    }

    // An opaque noise bitmap of the source size; padding adds bytes to each row.
    private static SKBitmap Bitmap(SKColorType colorType, int padding)
    {
        var info = new SKImageInfo(Source.Width, Source.Height, colorType, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info, info.RowBytes + padding);
        byte[] noise = SkiaReference.OpaqueNoise(new Random(5), Source);
        for (int y = 0; y < Source.Height; y++)
        {
            Marshal.Copy(noise, y * Source.Width * 4, bitmap.GetPixels() + y * bitmap.RowBytes, Source.Width * 4);
        }
        return bitmap;
    }
}
