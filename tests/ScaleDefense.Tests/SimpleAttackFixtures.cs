using OpenCvSharp;
using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>Sources, targets and the real cv::resize for the direct, area and adaptive attack tests.</summary>
internal static class SimpleAttackFixtures
{
    /// <summary>A source photo and a target made from another photo (area-resized, as the paper makes its targets).</summary>
    public sealed record Case(SamplePhotos.Photo Source, byte[] Target, ImageSize TargetSize)
    {
        public int Channels => Source.Layout.Channels;

        public ImageLayout TargetLayout => new(TargetSize.Width, TargetSize.Height, Channels);
    }

    public static Case Make(string sourceName, string targetName, ImageSize targetSize)
    {
        SamplePhotos.Photo source = SamplePhotos.Load(sourceName);
        SamplePhotos.Photo target = SamplePhotos.Load(targetName);
        byte[] pixels = SamplePhotos.AreaResize(target, targetSize);
        if (target.Layout.Channels != source.Layout.Channels)
        {
            pixels = SameChannels(pixels, target.Layout.Channels, source.Layout.Channels);
        }
        return new Case(source, pixels, targetSize);
    }

    /// <summary>Grey ↔ colour by taking the first channel or repeating it: the target only needs different content.</summary>
    private static byte[] SameChannels(byte[] pixels, int from, int to)
    {
        int count = pixels.Length / from;
        var result = new byte[count * to];
        for (int i = 0; i < count; i++)
        {
            for (int c = 0; c < to; c++)
            {
                result[i * to + c] = pixels[i * from];
            }
        }
        return result;
    }

    /// <summary>The real cv::resize (OpenCvSharp) of a packed 8-bit image.</summary>
    public static byte[] CvResize(byte[] pixels, ImageSize source, int channels, ImageSize target, InterpolationFlags flags)
    {
        using Mat src = OpenCvReference.ToMat(pixels, source, MatType.CV_8UC(channels), channels);
        using var dst = new Mat();
        Cv2.Resize(src, dst, new Size(target.Width, target.Height), 0, 0, flags);
        return OpenCvReference.FromMat<byte>(dst, channels);
    }

    /// <summary>The top-left <paramref name="size"/> of a photo (to get exact ratios).</summary>
    public static SamplePhotos.Photo Crop(SamplePhotos.Photo photo, ImageSize size)
    {
        int c = photo.Layout.Channels;
        var pixels = new byte[size.Width * size.Height * c];
        for (int y = 0; y < size.Height; y++)
        {
            photo.Pixels.AsSpan(y * photo.Layout.RowStride, size.Width * c).CopyTo(pixels.AsSpan(y * size.Width * c));
        }
        return new SamplePhotos.Photo(photo.Name, pixels, new ImageLayout(size.Width, size.Height, c));
    }

    /// <summary>Share of samples within <paramref name="tolerance"/> grey levels of the reference.</summary>
    public static double ShareWithin(byte[] a, byte[] b, int tolerance)
    {
        int within = 0;
        for (int i = 0; i < a.Length; i++)
        {
            within += Math.Abs(a[i] - b[i]) <= tolerance ? 1 : 0;
        }
        return (double)within / a.Length;
    }

    /// <summary>Rebuilds P with the selective filter, then scales: what a defended pipeline outputs.</summary>
    public static byte[] DefendAndScale(ScalingModel model, byte[] image, int channels, Reconstruction method, FilterWindow window, ulong? seed = null)
    {
        byte[] copy = (byte[])image.Clone();
        var layout = new ImageLayout(model.Source.Width, model.Source.Height, channels);
        model.Reconstruct(copy, layout, method, new ReconstructionOptions { Window = window, Seed = seed });
        return model.Scale(copy, channels);
    }
}
