using OpenCvSharp;

namespace ScaleDefense.Cli.Imaging;

/// <summary>Converts between grey, BGR and BGRA (1, 3 and 4 channels), as the attacks need source and target alike.</summary>
internal static class ChannelConversion
{
    /// <summary>A new Mat with <paramref name="channels"/> channels (a copy when it has them already); the caller disposes it.</summary>
    public static Mat To(Mat image, int channels)
    {
        Mat converted = new();
        if (Code(image.Channels(), channels) is { } code)
        {
            Cv2.CvtColor(image, converted, code);
        }
        else
        {
            image.CopyTo(converted);
        }
        return converted;
    }

    private static ColorConversionCodes? Code(int from, int to) => (from, to) switch
    {
        (1, 3) => ColorConversionCodes.GRAY2BGR,
        (1, 4) => ColorConversionCodes.GRAY2BGRA,
        (3, 1) => ColorConversionCodes.BGR2GRAY,
        (4, 1) => ColorConversionCodes.BGRA2GRAY,
        (4, 3) => ColorConversionCodes.BGRA2BGR,
        (3, 4) => ColorConversionCodes.BGR2BGRA,
        _ => null,
    };
}
