namespace ScaleDefense.Cli.Imaging;

/// <summary>Lists the image files of a folder, with a clear error when there are none.</summary>
internal static class SampleFiles
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp" };

    public static string[] List(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new CliException($"folder '{folder}' does not exist");
        }
        string[] files = Directory.EnumerateFiles(folder).Where(f => Extensions.Contains(Path.GetExtension(f))).Order(StringComparer.Ordinal).ToArray();
        return files.Length > 0 ? files : throw new CliException($"folder '{folder}' holds no images ({string.Join(", ", Extensions)})");
    }
}
