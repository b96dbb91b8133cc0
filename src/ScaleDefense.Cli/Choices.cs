namespace ScaleDefense.Cli;

/// <summary>Parses the command line's names for libraries and algorithms, with messages that list what is valid.</summary>
internal static class Choices
{
    private static readonly Dictionary<string, ScalingLibrary> Libraries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["opencv"] = ScalingLibrary.OpenCV,
    };

    private static readonly Dictionary<string, ScalingAlgorithm> Algorithms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nearest"] = ScalingAlgorithm.Nearest,
        ["bilinear"] = ScalingAlgorithm.Bilinear,
    };

    public static ScalingLibrary Library(string name) =>
        Libraries.TryGetValue(name, out ScalingLibrary value) ? value
            : throw new CliException($"unknown library '{name}' (supported: {string.Join(", ", Libraries.Keys)})");

    public static ScalingAlgorithm Algorithm(string name) =>
        Algorithms.TryGetValue(name, out ScalingAlgorithm value) ? value
            : throw new CliException($"unknown algorithm '{name}' (supported: {string.Join(", ", Algorithms.Keys)})");

    public static ScalingBackend Backend(string name) => name.ToLowerInvariant() switch
    {
        "native" => ScalingBackend.Native,
        "managed" => ScalingBackend.Managed,
        _ => throw new CliException($"unknown backend '{name}' (supported: native, managed)"),
    };

    public static ImageSize Size(string text)
    {
        try
        {
            return ImageSize.Parse(text);
        }
        catch (FormatException e)
        {
            throw new CliException(e.Message);
        }
    }
}
