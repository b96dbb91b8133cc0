using OpenCvSharp;

namespace ScaleDefense.Cli.Eval;

/// <summary>Reading the folder (skipping what cannot be read), packing pixels, making targets, encoding PNGs.</summary>
internal static class EvalImages
{
    /// <summary>Every image of the folder that decodes; each one that does not is reported on <paramref name="error"/> and skipped.</summary>
    public static IReadOnlyList<Photo> ReadableIn(string folder, TextWriter error)
    {
        var photos = new List<Photo>();
        foreach (string file in SampleFiles.List(folder))
        {
            try
            {
                using Mat image = ImageFiles.Read(file);
                photos.Add(new Photo(file, Path.GetFileNameWithoutExtension(file), new ImageSize(image.Cols, image.Rows)));
            }
            catch (CliException e)
            {
                error.WriteLine($"warning: skipping {e.Message}");
            }
        }
        return photos;
    }

    /// <summary>The source of a case as packed pixels: the photo, or the photo upscaled with bicubic interpolation when the case says so.</summary>
    public static (byte[] Pixels, int Channels) Source(EvalCase c)
    {
        using Mat photo = ImageFiles.Read(c.Source.Path);
        if (!c.SourceUpscaled)
        {
            return (Packed(photo), photo.Channels());
        }
        using Mat upscaled = new();
        Cv2.Resize(photo, upscaled, new Size(c.SourceSize.Width, c.SourceSize.Height), 0, 0, InterpolationFlags.Cubic);
        return (Packed(upscaled), upscaled.Channels());
    }

    /// <summary>The target photo, centre-cropped to the target's aspect ratio, area-resized, with the source's channel count.</summary>
    public static byte[] Target(EvalCase c, int channels)
    {
        using Mat photo = ImageFiles.Read(c.Target.Path);
        ImageSize size = c.TargetSize;
        double aspect = (double)size.Width / size.Height;
        int w = Math.Min(photo.Cols, (int)Math.Round(photo.Rows * aspect));
        int h = Math.Min(photo.Rows, (int)Math.Round(w / aspect));
        using Mat crop = new(photo, new Rect((photo.Cols - w) / 2, (photo.Rows - h) / 2, w, h));
        using Mat resized = new();
        Cv2.Resize(crop, resized, new Size(size.Width, size.Height), 0, 0, InterpolationFlags.Area);
        ColorConversionCodes? code = (resized.Channels(), channels) switch
        {
            (1, 3) => ColorConversionCodes.GRAY2BGR,
            (1, 4) => ColorConversionCodes.GRAY2BGRA,
            (3, 1) => ColorConversionCodes.BGR2GRAY,
            (4, 1) => ColorConversionCodes.BGRA2GRAY,
            (4, 3) => ColorConversionCodes.BGRA2BGR,
            (3, 4) => ColorConversionCodes.BGR2BGRA,
            _ => null,
        };
        if (code is not { } conversion)
        {
            return Packed(resized);
        }
        using Mat converted = new();
        Cv2.CvtColor(resized, converted, conversion);
        return Packed(converted);
    }

    public static byte[] Packed(Mat image)
    {
        int row = image.Cols * image.Channels();
        int rows = image.Rows;
        var pixels = new byte[rows * row];
        unsafe
        {
            for (int y = 0; y < rows; y++)
            {
                new ReadOnlySpan<byte>((void*)image.Ptr(y), row).CopyTo(pixels.AsSpan(y * row));
            }
        }
        return pixels;
    }

    /// <summary>Encodes packed 8-bit BGR(A)/gray pixels as PNG.</summary>
    public static byte[] Png(byte[] pixels, ImageSize size, int channels)
    {
        using var mat = new Mat(size.Height, size.Width, MatType.CV_8UC(channels));
        int row = size.Width * channels;
        unsafe
        {
            for (int y = 0; y < size.Height; y++)
            {
                pixels.AsSpan(y * row, row).CopyTo(new Span<byte>((void*)mat.Ptr(y), row));
            }
        }
        Cv2.ImEncode(".png", mat, out byte[] png);
        return png;
    }
}
