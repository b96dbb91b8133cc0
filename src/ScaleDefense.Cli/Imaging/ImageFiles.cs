using OpenCvSharp;

namespace ScaleDefense.Cli.Imaging;

/// <summary>Reads and writes image files through OpenCV, as interleaved 8-bit pixels.</summary>
internal static class ImageFiles
{
    /// <summary>Reads any format OpenCV decodes; keeps 1, 3 or 4 channels as stored (BGR order).</summary>
    public static Mat Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"cannot read '{path}': no such file");
        }
        Mat image = Cv2.ImRead(path, ImreadModes.Unchanged);
        if (image.Empty())
        {
            image.Dispose();
            throw new CliException($"cannot read '{path}': not an image OpenCV can decode");
        }
        if (image.Depth() != MatType.CV_8U)
        {
            Mat converted = new();
            image.ConvertTo(converted, MatType.CV_8U, image.Depth() == MatType.CV_16U ? 1.0 / 257 : 1.0);
            image.Dispose();
            image = converted;
        }
        return image;
    }

    /// <summary>Writes an image; the format follows the extension (PNG recommended: lossless).</summary>
    public static void Write(string path, Mat image)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        bool written;
        try
        {
            written = Cv2.ImWrite(path, image);
        }
        catch (OpenCVException e)
        {
            throw new CliException($"cannot write '{path}': {e.Message}");
        }
        if (!written)
        {
            throw new CliException($"cannot write '{path}': unsupported extension or unwritable location");
        }
    }
}
