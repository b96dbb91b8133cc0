namespace ScaleDefense.Cli.Eval;

/// <summary>The command line of <c>scaledefense eval</c>, validated.</summary>
internal sealed record EvalSettings(string Images, string Out, int Pairs, int Seed, IReadOnlyList<EvalScaler> Scalers, bool ResNet18)
{
    public const int DefaultPairs = 4;
    public const int DefaultSeed = 2020;

    public static EvalSettings Create(string images, string outDir, int pairs, int seed, string scalers, string? model)
    {
        if (pairs < 1)
        {
            throw new CliException($"--pairs must be at least 1 (got {pairs})");
        }
        bool resNet18 = Choices.UsesResNet18(model);
        if (!Directory.Exists(images))
        {
            throw new CliException($"folder '{images}' does not exist");
        }
        return new EvalSettings(images, outDir, pairs, seed, EvalScaler.ParseList(scalers), resNet18);
    }

    public string Describe(int cases) =>
        $"{cases} cases ({Pairs} random source/target pairs per ratio bucket, seed {Seed}) from {Images}; scalers: {string.Join(", ", Scalers.Select(s => s.Name))}{(ResNet18 ? "; O1 and recovery also judged by ResNet-18 features" : "")}";
}
