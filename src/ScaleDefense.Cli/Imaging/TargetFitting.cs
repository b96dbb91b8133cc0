using OpenCvSharp;

namespace ScaleDefense.Cli.Imaging;

/// <summary>Makes a target image of the size a scaler outputs and the source's channel count, as the paper makes its targets (area resize).</summary>
internal static class TargetFitting
{
    /// <summary>The whole image area-resized to <paramref name="size"/> (copied when it has that size) with <paramref name="channels"/> channels; the caller disposes it.</summary>
    public static Mat Fit(Mat image, ImageSize size, int channels)
    {
        using Mat resized = new();
        if (image.Cols == size.Width && image.Rows == size.Height)
        {
            image.CopyTo(resized);
        }
        else
        {
            Cv2.Resize(image, resized, new Size(size.Width, size.Height), 0, 0, InterpolationFlags.Area);
        }
        return ChannelConversion.To(resized, channels);
    }

    /// <summary>The image centre-cropped to the aspect ratio of <paramref name="size"/>, then <see cref="Fit"/>; the caller disposes it.</summary>
    public static Mat CropAndFit(Mat image, ImageSize size, int channels)
    {
        double aspect = (double)size.Width / size.Height;
        int w = Math.Min(image.Cols, (int)Math.Round(image.Rows * aspect));
        int h = Math.Min(image.Rows, (int)Math.Round(w / aspect));
        using Mat crop = new(image, new Rect((image.Cols - w) / 2, (image.Rows - h) / 2, w, h));
        return Fit(crop, size, channels);
    }
}
