namespace ScaleDefense.Cli;

/// <summary>
/// Parses the command line's names for libraries and algorithms (our names and each library's
/// own spelling, case-insensitive), with messages that list what is valid.
/// </summary>
internal static class Choices
{
    private static readonly Dictionary<string, ScalingLibrary> Libraries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["opencv"] = ScalingLibrary.OpenCV,
        ["cv2"] = ScalingLibrary.OpenCV,
        ["pillow"] = ScalingLibrary.Pillow,
        ["pil"] = ScalingLibrary.Pillow,
        ["tensorflow"] = ScalingLibrary.TensorFlow,
        ["tf"] = ScalingLibrary.TensorFlow,
        ["tensorflow2"] = ScalingLibrary.TensorFlow,
        ["tensorflow1"] = ScalingLibrary.TensorFlow1,
        ["tf1"] = ScalingLibrary.TensorFlow1,
        ["pytorch"] = ScalingLibrary.PyTorch,
        ["torch"] = ScalingLibrary.PyTorch,
    };

    // Our names first; then OpenCV's INTER_*, Pillow's Resampling names, TF's ResizeMethod names.
    private static readonly Dictionary<string, ScalingAlgorithm> Algorithms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nearest"] = ScalingAlgorithm.Nearest,
        ["nearest-exact"] = ScalingAlgorithm.NearestExact,
        ["bilinear"] = ScalingAlgorithm.Bilinear,
        ["bicubic"] = ScalingAlgorithm.Bicubic,
        ["area"] = ScalingAlgorithm.Area,
        ["box"] = ScalingAlgorithm.Box,
        ["hamming"] = ScalingAlgorithm.Hamming,
        ["lanczos"] = ScalingAlgorithm.Lanczos,
        ["lanczos3"] = ScalingAlgorithm.Lanczos3,
        ["lanczos5"] = ScalingAlgorithm.Lanczos5,
        ["gaussian"] = ScalingAlgorithm.Gaussian,
        ["mitchellcubic"] = ScalingAlgorithm.MitchellCubic,
        ["INTER_NEAREST"] = ScalingAlgorithm.Nearest,
        ["INTER_NEAREST_EXACT"] = ScalingAlgorithm.NearestExact,
        ["INTER_LINEAR"] = ScalingAlgorithm.Bilinear,
        ["INTER_CUBIC"] = ScalingAlgorithm.Bicubic,
        ["INTER_AREA"] = ScalingAlgorithm.Area,
        ["INTER_LANCZOS4"] = ScalingAlgorithm.Lanczos,
        ["NEAREST_EXACT"] = ScalingAlgorithm.NearestExact,
        ["linear"] = ScalingAlgorithm.Bilinear,
        ["cubic"] = ScalingAlgorithm.Bicubic,
        ["antialias"] = ScalingAlgorithm.Lanczos,
        ["NEAREST_NEIGHBOR"] = ScalingAlgorithm.Nearest,
        ["mitchell"] = ScalingAlgorithm.MitchellCubic,
    };

    public static IEnumerable<string> AlgorithmNames => Algorithms.Keys.Take(12);

    public static IEnumerable<string> LibraryNames => ["opencv", "pillow", "tensorflow", "tensorflow1", "pytorch"];

    public static ScalingLibrary Library(string name) =>
        Libraries.TryGetValue(name, out ScalingLibrary value) ? value
            : throw new CliException($"unknown library '{name}' (supported: {string.Join(", ", LibraryNames)})");

    public static ScalingAlgorithm Algorithm(string name) =>
        Algorithms.TryGetValue(name, out ScalingAlgorithm value) ? value
            : throw new CliException($"unknown algorithm '{name}' (supported: {string.Join(", ", AlgorithmNames)}, or the library's own name such as INTER_LINEAR)");

    public static string Name(ScalingAlgorithm algorithm) => Algorithms.First(pair => pair.Value == algorithm).Key;

    public static string Name(ScalingLibrary library) => Libraries.First(pair => pair.Value == library).Key;

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
