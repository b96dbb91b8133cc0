using OpenCvSharp;

namespace ScaleDefense.Cli;

/// <summary>Moves between OpenCV Mats and packed 8-bit pixels.</summary>
internal static class MatPixels
{
    public static unsafe byte[] Packed(Mat image)
    {
        int rows = image.Rows;
        int row = image.Cols * image.Channels();
        var pixels = new byte[rows * row];
        for (int y = 0; y < rows; y++)
        {
            new ReadOnlySpan<byte>((void*)image.Ptr(y), row).CopyTo(pixels.AsSpan(y * row));
        }
        return pixels;
    }

    public static unsafe Mat ToMat(byte[] pixels, ImageSize size, int channels)
    {
        var mat = new Mat(size.Height, size.Width, MatType.CV_8UC(channels));
        int row = size.Width * channels;
        for (int y = 0; y < size.Height; y++)
        {
            pixels.AsSpan(y * row, row).CopyTo(new Span<byte>((void*)mat.Ptr(y), row));
        }
        return mat;
    }

    /// <summary>The image with <paramref name="channels"/> channels at <paramref name="size"/> (area-resized when it differs).</summary>
    public static Mat Fit(Mat image, ImageSize size, int channels)
    {
        Mat resized = new();
        if (image.Cols == size.Width && image.Rows == size.Height)
        {
            image.CopyTo(resized);
        }
        else
        {
            Cv2.Resize(image, resized, new Size(size.Width, size.Height), 0, 0, InterpolationFlags.Area);
        }
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
        if (code is not { } c)
        {
            return resized;
        }
        Mat converted = new();
        Cv2.CvtColor(resized, converted, c);
        resized.Dispose();
        return converted;
    }
}
