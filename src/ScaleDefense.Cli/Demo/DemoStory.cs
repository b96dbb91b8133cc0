using OpenCvSharp;
using ScaleDefense.Cli.Imaging;

namespace ScaleDefense.Cli.Demo;

/// <summary>One picture with the story of a scenario: source, attack image, what the scaler makes of it, and the defended result.</summary>
internal static class DemoStory
{
    private const int Height = 256;

    public static void Write(string path, PackedImage source, DemoOutcome outcome, ImageSize targetSize)
    {
        int channels = source.Channels;
        using Mat s = Panel(source, "source S");
        using Mat a = Panel(PackedImage.Of(outcome.Attack), "attack A");
        using Mat scaled = Panel(PackedImage.Of(outcome.ScaledAttack, targetSize, channels), "scale(A)");
        using Mat defended = Panel(PackedImage.Of(outcome.DefendedMedian, targetSize, channels), "median, then scale");
        using Mat story = new();
        Cv2.HConcat([s, a, scaled, defended], story);
        ImageFiles.Write(path, story);
    }

    // Each image in colour at the same height (scaled images enlarged without smoothing), with a caption.
    private static Mat Panel(PackedImage image, string caption)
    {
        using Mat pixels = image.ToMat();
        using Mat colour = ChannelConversion.To(pixels, 3);
        int width = (int)Math.Round((double)image.Size.Width / image.Size.Height * Height);
        var panel = new Mat();
        Cv2.Resize(colour, panel, new Size(width, Height), 0, 0, image.Size.Height < Height ? InterpolationFlags.Nearest : InterpolationFlags.Area);
        Cv2.CopyMakeBorder(panel, panel, 0, 28, 4, 4, BorderTypes.Constant, Scalar.White);
        Cv2.PutText(panel, caption, new Point(8, Height + 20), HersheyFonts.HersheySimplex, 0.55, Scalar.Black, 1, LineTypes.AntiAlias);
        return panel;
    }
}
