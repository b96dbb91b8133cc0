namespace ScaleDefense.Cli.Eval;

/// <summary>One scaler the evaluation attacks and defends, named <c>library:algorithm</c> on the command line.</summary>
internal sealed record EvalScaler(ScalingLibrary Library, ScalingAlgorithm Algorithm)
{
    /// <summary>The paper's vulnerable scalers, a robust one (Pillow bicubic), area, and TensorFlow 1's float-only bilinear.</summary>
    public const string Defaults = "opencv:nearest,opencv:bilinear,opencv:bicubic,pillow:bicubic,opencv:area,tensorflow1:bilinear";

    /// <summary>Our canonical spelling, e.g. <c>opencv:bilinear</c>; the key of CSV rows.</summary>
    public string Name => $"{Choices.Name(Library)}:{Choices.Name(Algorithm)}";

    /// <summary>Parses a comma-separated list; each item is <c>library:algorithm</c> with the CLI's names.</summary>
    public static IReadOnlyList<EvalScaler> ParseList(string text)
    {
        var scalers = new List<EvalScaler>();
        foreach (string item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            EvalScaler scaler = Parse(item);
            if (!scalers.Contains(scaler))
            {
                scalers.Add(scaler);
            }
        }
        return scalers.Count > 0 ? scalers : throw new CliException("--scalers is empty (expected e.g. opencv:bilinear,pillow:bicubic)");
    }

    public static EvalScaler Parse(string item)
    {
        string[] parts = item.Split(':');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new CliException($"unknown scaler '{item}' (expected library:algorithm, e.g. opencv:bilinear)");
        }
        var scaler = new EvalScaler(Choices.Library(parts[0]), Choices.Algorithm(parts[1]));
        return ScalerCatalog.Find(scaler.Library, scaler.Algorithm) is not null ? scaler
            : throw new CliException($"unknown scaler '{item}': {Choices.Name(scaler.Library)} has no algorithm {Choices.Name(scaler.Algorithm)} (see: scaledefense scalers)");
    }
}
