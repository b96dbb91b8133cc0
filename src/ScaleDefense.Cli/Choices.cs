namespace ScaleDefense.Cli;

/// <summary>
/// Parses every named value of the command line — libraries and algorithms (our names and each
/// library's own spelling), backends, filters, windows, sizes — case-insensitively, with messages
/// that list what is valid. The first name of each value is ours, and the one printed.
/// </summary>
internal static class Choices
{
    private static readonly (ScalingLibrary Value, string[] Names)[] Libraries =
    [
        (ScalingLibrary.OpenCV, ["opencv", "cv2"]),
        (ScalingLibrary.Pillow, ["pillow", "pil"]),
        (ScalingLibrary.TensorFlow, ["tensorflow", "tf", "tensorflow2"]),
        (ScalingLibrary.TensorFlow1, ["tensorflow1", "tf1"]),
        (ScalingLibrary.PyTorch, ["pytorch", "torch"]),
        (ScalingLibrary.SkiaSharp, ["skiasharp", "skia"]),
        (ScalingLibrary.MlNet, ["mlnet", "ml.net"]),
    ];

    // Our name first; then OpenCV's INTER_*, Pillow's Resampling and TF's ResizeMethod names.
    private static readonly (ScalingAlgorithm Value, string[] Names)[] Algorithms =
    [
        (ScalingAlgorithm.Nearest, ["nearest", "INTER_NEAREST", "NEAREST_NEIGHBOR"]),
        (ScalingAlgorithm.NearestExact, ["nearest-exact", "INTER_NEAREST_EXACT", "NEAREST_EXACT"]),
        (ScalingAlgorithm.Bilinear, ["bilinear", "INTER_LINEAR", "linear"]),
        (ScalingAlgorithm.Bicubic, ["bicubic", "INTER_CUBIC", "cubic"]),
        (ScalingAlgorithm.Area, ["area", "INTER_AREA"]),
        (ScalingAlgorithm.Box, ["box"]),
        (ScalingAlgorithm.Hamming, ["hamming"]),
        (ScalingAlgorithm.Lanczos, ["lanczos", "INTER_LANCZOS4", "antialias"]),
        (ScalingAlgorithm.Lanczos3, ["lanczos3"]),
        (ScalingAlgorithm.Lanczos5, ["lanczos5"]),
        (ScalingAlgorithm.Gaussian, ["gaussian"]),
        (ScalingAlgorithm.MitchellCubic, ["mitchellcubic", "mitchell"]),
    ];

    private static readonly (ScalingBackend Value, string[] Names)[] Backends =
        [(ScalingBackend.Auto, ["auto"]), (ScalingBackend.Native, ["native"]), (ScalingBackend.Managed, ["managed"])];

    private static readonly (FilterWindow Value, string[] Names)[] Windows = [(FilterWindow.Paper, ["paper"]), (FilterWindow.Narrow, ["narrow"])];

    private static readonly (Reconstruction Value, string[] Names)[] Filters =
        [(Reconstruction.Median, ["median"]), (Reconstruction.Random, ["random"]), (Reconstruction.Auto, ["auto"]), (Reconstruction.None, ["none"]),
         (Reconstruction.WeightedMedian, ["weighted-median", "weighted"])];

    private static readonly (bool Value, string[] Names)[] FeatureModels = [(true, ["resnet18"])];

    public static IEnumerable<string> LibraryNames => Libraries.Select(entry => entry.Names[0]);

    public static IEnumerable<string> AlgorithmNames => Algorithms.Select(entry => entry.Names[0]);

    public static ScalingLibrary Library(string name) => Pick(Libraries, name, "library");

    public static ScalingAlgorithm Algorithm(string name) => Pick(Algorithms, name, "algorithm", ", or the library's own name such as INTER_LINEAR");

    public static string Name(ScalingAlgorithm algorithm) => NameOf(Algorithms, algorithm);

    public static string Name(ScalingLibrary library) => NameOf(Libraries, library);

    public static ScalingBackend Backend(string name) => Pick(Backends, name, "backend");

    /// <summary>The filter window of the defense (and of the adaptive attacks on it).</summary>
    public static FilterWindow Window(string name) => Pick(Windows, name, "window");

    /// <summary>The defend command's reconstruction: median, random, auto, none or weighted-median.</summary>
    public static Reconstruction Filter(string name) => Pick(Filters, name, "filter");

    /// <summary>The CLI's name of a reconstruction (weighted-median, not weightedmedian).</summary>
    public static string Name(Reconstruction reconstruction) => NameOf(Filters, reconstruction);

    /// <summary>A defense an adaptive attack targets: the median or the random filter.</summary>
    public static Reconstruction Defense(string name) => Pick(Filters[..2], name, "defense");

    /// <summary>The eval command's --model: true for resnet18, false when none is given (pixels only).</summary>
    public static bool UsesResNet18(string? model) => model is not null && Pick(FeatureModels, model, "model");

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

    private static T Pick<T>((T Value, string[] Names)[] table, string name, string what, string hint = "")
    {
        foreach ((T value, string[] names) in table)
        {
            if (names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        throw new CliException($"unknown {what} '{name}' (supported: {string.Join(", ", table.Select(entry => entry.Names[0]))}{hint})");
    }

    private static string NameOf<T>((T Value, string[] Names)[] table, T value) where T : struct, Enum =>
        table.First(entry => entry.Value.Equals(value)).Names[0];
}
