using OpenCvSharp;

namespace ScaleDefense.Cli.Imaging;

/// <summary>
/// Reads and writes image files through OpenCV, as interleaved 8-bit pixels. Reading checks the
/// header first — size within the limits, file complete — and only then decodes, from the bytes
/// already read (so the file checked is the file decoded).
/// </summary>
internal static class ImageFiles
{
    /// <summary>Formats whose compression would change the pixels an attack sets.</summary>
    private static readonly string[] LossyExtensions = [".jpg", ".jpeg", ".jpe", ".jp2", ".webp", ".avif"];

    /// <summary>Reads a file; keeps 1, 3 or 4 channels as stored (BGR order); 16-bit and [0, 1] float samples are scaled to 8 bits.</summary>
    public static Mat Read(string path, ResourceLimits limits)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"cannot read '{path}': no such file");
        }
        byte[] file = ReadAtMost(path, limits.MaxBytes);
        ImageHeader header = ImageHeaders.Read(file)
            ?? throw new CliException($"cannot read '{path}': not an image in a format whose size can be checked before decoding ({ImageHeaders.SupportedFormats})");
        limits.Require(header.Size, header.Channels, header.BytesPerSample, $"'{path}' ({header.Format})");
        if (header.Truncated)
        {
            throw new CliException($"cannot read '{path}': the {header.Format} file is truncated (it ends before the image does)");
        }
        Mat image = Decode(file, path);
        try
        {
            return SampleDepth.ToBytes(image, path);
        }
        finally
        {
            image.Dispose();
        }
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

    /// <summary>Refuses an output that would overwrite one of the inputs, unless asked to.</summary>
    public static void RequireDistinct(string output, bool overwrite, params string[] inputs)
    {
        string full = Path.GetFullPath(output);
        if (!overwrite && inputs.Any(input => string.Equals(Path.GetFullPath(input), full, StringComparison.Ordinal)))
        {
            throw new CliException($"the output '{output}' is also an input; choose another file, or pass --overwrite to replace it");
        }
    }

    /// <summary>Refuses a lossy format for an image whose exact pixels matter (an attack).</summary>
    public static void RequireLossless(string output)
    {
        string extension = Path.GetExtension(output).ToLowerInvariant();
        if (LossyExtensions.Contains(extension))
        {
            throw new CliException($"cannot write the attack to '{output}': {extension} compression changes the pixels the attack sets; use .png, .bmp, .tif or .ppm");
        }
    }

    // The whole file, refused past maxBytes without reading further: the length on disk is not trusted
    // (a device or pipe such as /dev/zero reports 0 and never ends; a file may grow while read). A
    // first chunk without a known signature ends the read at once; Read then refuses it.
    private static byte[] ReadAtMost(string path, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length == 0 && !ImageHeaders.IsKnownFormat(chunk.AsSpan(0, read)))
            {
                break; // not an image: refused by the header check without reading the rest
            }
            if (buffer.Length + read > maxBytes)
            {
                throw new CliException($"cannot read '{path}': the file is larger than the limit of {maxBytes >> 20} MiB");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static Mat Decode(byte[] file, string path)
    {
        Mat image;
        try
        {
            image = Cv2.ImDecode(file, ImreadModes.Unchanged);
        }
        catch (OpenCVException e)
        {
            throw new CliException($"cannot read '{path}': {e.Message}");
        }
        if (image.Empty())
        {
            image.Dispose();
            throw new CliException($"cannot read '{path}': not an image OpenCV can decode");
        }
        return image;
    }
}
