using OpenCvSharp;

namespace ScaleDefense.Cli.Imaging;

/// <summary>Brings decoded samples to 8 bits with the scaling their type implies, or refuses what has none.</summary>
internal static class SampleDepth
{
    /// <summary>A new 8-bit Mat: 8-bit as is, 16-bit divided by 257, float in [0, 1] times 255; the caller disposes it.</summary>
    public static Mat ToBytes(Mat image, string path)
    {
        MatType depth = image.Depth();
        if (depth == MatType.CV_8U)
        {
            return image.Clone();
        }
        if (depth == MatType.CV_16U)
        {
            return Converted(image, 1.0 / 257);
        }
        if (depth == MatType.CV_32F || depth == MatType.CV_64F)
        {
            using Mat flat = image.Reshape(1);
            flat.MinMaxLoc(out double min, out double max);
            if (!double.IsFinite(min) || !double.IsFinite(max) || min < 0 || max > 1)
            {
                throw new CliException($"cannot read '{path}': its floating-point samples span {min:0.###}..{max:0.###} (high dynamic range); tone-map it to an 8-bit image first");
            }
            return Converted(image, 255);
        }
        throw new CliException($"cannot read '{path}': signed or 32-bit integer samples have no standard 8-bit scaling; convert it to an 8-bit image first");
    }

    private static Mat Converted(Mat image, double scale)
    {
        Mat converted = new();
        image.ConvertTo(converted, MatType.CV_8U, scale);
        return converted;
    }
}
