using System.CommandLine;

namespace ScaleDefense.Cli.Commands;

/// <summary>
/// The options of every command that names a scaler — --library, --algorithm, --antialias, --no-ipp — with
/// one description and one way of reading them.
/// </summary>
internal sealed class ScalerOptions
{
    /// <param name="libraryRequired">True where no library is the obvious one (analyze); elsewhere the library defaults to opencv.</param>
    public ScalerOptions(bool libraryRequired)
    {
        Library = new Option<string>("--library") { Description = $"The library whose scaler to reproduce: {string.Join(", ", Choices.LibraryNames)}.", Required = libraryRequired };
        if (!libraryRequired)
        {
            Library.DefaultValueFactory = _ => Choices.Name(ScalingLibrary.OpenCV);
        }
    }

    public Option<string> Library { get; }

    public Option<string> Algorithm { get; } = new("--algorithm")
    {
        Description = $"The scaler's algorithm: {string.Join(", ", Choices.AlgorithmNames)} (or the library's own name, e.g. INTER_LINEAR).",
        Required = true,
    };

    public Option<bool> Antialias { get; } = new("--antialias") { Description = "Turn on the library's antialias switch (TensorFlow 2; PyTorch bilinear/bicubic)." };

    public Option<bool> NoIpp { get; } = new("--no-ipp")
    {
        Description = "OpenCV without Intel IPP (a build without IPP, or IPP switched off). Default: OpenCV as OpenCvSharp and the opencv-python wheels ship it, whose INTER_CUBIC runs through IPP.",
    };

    public ScalingLibrary LibraryOf(ParseResult result) => Choices.Library(result.GetValue(Library)!);

    public ScalingAlgorithm AlgorithmOf(ParseResult result) => Choices.Algorithm(result.GetValue(Algorithm)!);

    /// <summary>The antialias switch, the OpenCV build and --max-pixels as scaling options (default backend).</summary>
    public ScalingOptions ScalingOf(ParseResult result) => new()
    {
        Antialias = result.GetValue(Antialias),
        OpenCvBuild = result.GetValue(NoIpp) ? OpenCvBuild.Plain : OpenCvBuild.Ipp,
        Limits = CliLimits.Of(result),
    };

    public ScalingModel CreateModel(ParseResult result, ImageSize source, ImageSize target) =>
        ScalingModel.Create(LibraryOf(result), AlgorithmOf(result), source, target, ScalingOf(result));
}
