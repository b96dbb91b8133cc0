using System.Runtime.InteropServices;
using SkiaSharp;

namespace ScaleDefense.Tests;

/// <summary>The real SkiaSharp 3.119 resize of packed 8-bit pixels, through the routes users take.</summary>
internal static class SkiaReference
{
    public enum Route { BitmapResize, PixmapScalePixels, CanvasDrawImage }

    /// <summary>SKSamplingOptions for a model's algorithm, mipmap mode and cubic.</summary>
    public static SKSamplingOptions Sampling(ScalingAlgorithm algorithm, MipmapMode mipmaps = MipmapMode.None, CubicResampler? cubic = null) =>
        algorithm switch
        {
            ScalingAlgorithm.Bicubic => new SKSamplingOptions(new SKCubicResampler((cubic ?? CubicResampler.Mitchell).B, (cubic ?? CubicResampler.Mitchell).C)),
            ScalingAlgorithm.Bilinear => new SKSamplingOptions(SKFilterMode.Linear, (SKMipmapMode)(int)mipmaps),
            _ => new SKSamplingOptions(SKFilterMode.Nearest, (SKMipmapMode)(int)mipmaps),
        };

    /// <summary>Resizes unpadded 4-channel pixels of <paramref name="colorType"/> (premultiplied; opaque in these tests).</summary>
    public static byte[] Resize(byte[] pixels, ImageSize source, ImageSize target, SKSamplingOptions sampling,
                                Route route = Route.BitmapResize, SKColorType colorType = SKColorType.Rgba8888)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(source.Width, source.Height, colorType, SKAlphaType.Premul));
        Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        var info = new SKImageInfo(target.Width, target.Height, colorType, SKAlphaType.Premul);
        var output = new byte[target.Width * target.Height * 4];
        switch (route)
        {
            case Route.BitmapResize:
                using (SKBitmap resized = bitmap.Resize(info, sampling))
                {
                    Marshal.Copy(resized.GetPixels(), output, 0, output.Length);
                }
                break;
            case Route.PixmapScalePixels:
                using (var destination = new SKBitmap(info))
                using (SKPixmap from = bitmap.PeekPixels())
                using (SKPixmap to = destination.PeekPixels())
                {
                    Assert.That(from.ScalePixels(to, sampling), "SKPixmap.ScalePixels");
                    Marshal.Copy(destination.GetPixels(), output, 0, output.Length);
                }
                break;
            default:
                using (var destination = new SKBitmap(info))
                using (var canvas = new SKCanvas(destination))
                using (SKImage image = SKImage.FromBitmap(bitmap))
                {
                    canvas.DrawImage(image, new SKRect(0, 0, target.Width, target.Height), sampling);
                    canvas.Flush();
                    Marshal.Copy(destination.GetPixels(), output, 0, output.Length);
                }
                break;
        }
        return output;
    }

    /// <summary>Random RGB with opaque alpha (the case the routes treat alike for premultiplied and unpremultiplied pixels).</summary>
    public static byte[] OpaqueNoise(Random random, ImageSize size)
    {
        var pixels = new byte[size.Width * size.Height * 4];
        random.NextBytes(pixels);
        for (int i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }
        return pixels;
    }
}
