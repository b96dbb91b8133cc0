using OpenCvSharp;

namespace ScaleDefense.Cli.Demo;

/// <summary>One picture with the story of a scenario: source, attack image, what the scaler makes of it, and the defended result.</summary>
internal static class DemoStory
{
    private const int Height = 256;

    public static void Write(string path, byte[] source, DemoOutcome outcome, ImageSize sourceSize, ImageSize targetSize, int channels)
    {
        using Mat s = Panel(source, sourceSize, channels, "source S");
        using Mat a = Panel(outcome.Attack!.Image, sourceSize, channels, "attack A");
        using Mat scaled = Panel(outcome.ScaledAttack!, targetSize, channels, "scale(A)");
        using Mat defended = Panel(outcome.DefendedMedian!, targetSize, channels, "median, then scale");
        using Mat story = new();
        Cv2.HConcat([s, a, scaled, defended], story);
        ImageFiles.Write(path, story);
    }

    // Each image at the same height (scaled images enlarged without smoothing), with a caption.
    private static Mat Panel(byte[] pixels, ImageSize size, int channels, string caption)
    {
        using Mat image = MatPixels.ToMat(pixels, size, channels);
        using Mat colour = new();
        if (channels == 1)
        {
            Cv2.CvtColor(image, colour, ColorConversionCodes.GRAY2BGR);
        }
        else if (channels == 4)
        {
            Cv2.CvtColor(image, colour, ColorConversionCodes.BGRA2BGR);
        }
        else
        {
            image.CopyTo(colour);
        }
        int width = (int)Math.Round((double)size.Width / size.Height * Height);
        var panel = new Mat();
        Cv2.Resize(colour, panel, new Size(width, Height), 0, 0, size.Height < Height ? InterpolationFlags.Nearest : InterpolationFlags.Area);
        Cv2.CopyMakeBorder(panel, panel, 0, 28, 4, 4, BorderTypes.Constant, Scalar.White);
        Cv2.PutText(panel, caption, new Point(8, Height + 20), HersheyFonts.HersheySimplex, 0.55, Scalar.Black, 1, LineTypes.AntiAlias);
        return panel;
    }
}
