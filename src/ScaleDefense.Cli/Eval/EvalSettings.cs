namespace ScaleDefense.Cli.Eval;

/// <summary>The command line of <c>scaledefense eval</c>, validated.</summary>
internal sealed record EvalSettings(string Images, string Out, int Pairs, int Seed, IReadOnlyList<EvalScaler> Scalers)
{
    public const int DefaultPairs = 4;
    public const int DefaultSeed = 2020;

    public static EvalSettings Create(string images, string outDir, int pairs, int seed, string scalers, string? model)
    {
        if (pairs < 1)
        {
            throw new CliException($"--pairs must be at least 1 (got {pairs})");
        }
        if (model is not null)
        {
            throw model.Equals("resnet18", StringComparison.OrdinalIgnoreCase)
                ? new CliException("--model resnet18 is not available in this build (O1 is judged in pixel space: scale(A) within ε+1 of T)")
                : new CliException($"unknown model '{model}' (supported: resnet18, which is not available in this build)");
        }
        if (!Directory.Exists(images))
        {
            throw new CliException($"folder '{images}' does not exist");
        }
        return new EvalSettings(images, outDir, pairs, seed, EvalScaler.ParseList(scalers));
    }

    public string Describe(int cases) =>
        $"{cases} cases ({Pairs} random source/target pairs per ratio bucket, seed {Seed}) from {Images}; scalers: {string.Join(", ", Scalers.Select(s => s.Name))}";
}
