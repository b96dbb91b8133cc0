using System.Diagnostics;
using System.Globalization;
using ScaleDefense.Cli.Imaging;

namespace ScaleDefense.Cli.Eval;

/// <summary>
/// Runs the plan: skips the (case, scaler) combinations results.csv already holds, measures the
/// rest with progress lines, appends each one as it finishes, and then writes the tables, charts
/// and report from everything in the file that belongs to this plan.
/// </summary>
internal static class EvalSession
{
    public const string ExamplesFolder = "examples";

    public static int Run(EvalSettings settings, IEvalAttacks attacks, TextWriter output, TextWriter error)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<Photo> photos = EvalImages.ReadableIn(settings.Images, error);
        IReadOnlyList<EvalCase> cases = EvalProtocol.Plan(photos, settings.Pairs, settings.Seed);
        Directory.CreateDirectory(settings.Out);
        var csv = new ResultsCsv(settings.Out);
        List<EvalRow> rows = csv.LoadCompleted();
        var done = rows.Where(r => r.Measurement == EvalMeasurement.Complete).Select(r => (r.Case, r.Scaler)).ToHashSet();
        RequireSamePlan(rows, cases, csv.FilePath);
        if (settings.ResNet18)
        {
            RequireModelRows(rows, cases, csv.FilePath);
        }

        int total = cases.Count * settings.Scalers.Count;
        int already = cases.Sum(c => settings.Scalers.Count(s => done.Contains((c.Index, s.Name))));
        output.WriteLine($"eval: {settings.Describe(cases.Count)}");
        if (already > 0)
        {
            output.WriteLine($"resuming: {already} of {total} (case, scaler) combinations are already in {csv.FilePath}");
        }
        foreach (EvalCase c in cases.Where(c => c.SourceUpscaled))
        {
            output.WriteLine($"note: case {c.Index}: {c.Source.Name} ({c.Source.Size}) is too small for β in {c.Bucket.Label}; upscaled (bicubic) to {c.SourceSize}");
        }

        using ResNet18Features? features = settings.ResNet18 ? ResNet18Features.Load() : null;
        var runner = new EvalRunner(attacks, settings.Seed, features);
        HashSet<int> exampleCases = ExampleCases(cases);
        int step = already;
        foreach (EvalCase c in cases)
        {
            List<EvalScaler> todo = settings.Scalers.Where(s => !done.Contains((c.Index, s.Name))).ToList();
            if (todo.Count == 0)
            {
                continue;
            }
            PackedImage source = EvalImages.Source(c);
            PackedImage target = EvalImages.Target(c, source.Channels);
            foreach (EvalScaler scaler in todo)
            {
                step++;
                output.Write($"[{step}/{total}] case {c.Index} β {c.Beta.ToString("F2", CultureInfo.InvariantCulture)} {c.Bucket.Label} {c.Source.Name}→{c.Target.Name} {c.SourceSize}→{c.TargetSize} {scaler.Name} ... ");
                var caseClock = Stopwatch.StartNew();
                List<EvalRow> measured = runner.Run(c, scaler, source, target, out EvalRunner.Example example);
                csv.Append(measured);
                rows.AddRange(measured);
                if (exampleCases.Contains(c.Index))
                {
                    WriteExample(settings.Out, scaler, example);
                }
                output.WriteLine($"{Outcome(measured)} ({caseClock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s)");
            }
        }

        var planned = cases.ToDictionary(c => c.Index);
        var names = settings.Scalers.Select(s => s.Name).ToList();
        var summary = new EvalSummary(rows.Where(r => planned.ContainsKey(r.Case) && names.Contains(r.Scaler)).ToList(), names);
        WriteOutputs(settings, cases.Count, summary, attacks, output);
        output.WriteLine($"done in {clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s: {csv.FilePath}, {Path.Combine(settings.Out, MarkdownTables.FileName)}, {Path.Combine(settings.Out, EvalReport.FileName)}");
        return CliApp.Ok;
    }

    private static void WriteOutputs(EvalSettings settings, int caseCount, EvalSummary summary, IEvalAttacks attacks, TextWriter output)
    {
        IReadOnlyList<EvalTable> tables = EvalTables.Build(summary, attacks.AdaptiveDeltas);
        string heading = "ScaleDefense evaluation (paper §5.1 protocol)";
        File.WriteAllText(Path.Combine(settings.Out, MarkdownTables.FileName), MarkdownTables.Render(tables, heading));
        output.WriteLine();
        output.Write(MarkdownTables.Render(tables[0]));
        output.WriteLine();
        IReadOnlyList<(string FileName, string Caption, byte[] Png)> charts = EvalCharts.Build(summary);
        foreach ((string file, _, byte[] png) in charts)
        {
            File.WriteAllBytes(Path.Combine(settings.Out, file), png);
        }
        File.WriteAllText(Path.Combine(settings.Out, EvalReport.FileName),
            EvalReport.Html(heading, settings.Describe(caseCount), tables, charts, ReadExamples(settings)));
    }

    // The first case of the middle bucket run (β in [4,5) unless only a few buckets exist): one picture set per scaler.
    private static HashSet<int> ExampleCases(IReadOnlyList<EvalCase> cases)
    {
        RatioBucket middle = RatioBucket.Paper[RatioBucket.Paper.Count / 2];
        EvalCase? pick = cases.FirstOrDefault(c => c.Bucket == middle) ?? (cases.Count > 0 ? cases[0] : null);
        return pick is null ? [] : [pick.Index];
    }

    // The source and target are shared by every scaler of the example case; the rest is per scaler.
    private static readonly (string File, string Caption)[] SharedImages = [("source", "source S"), ("target", "target T")];

    private static readonly (string Suffix, string Caption)[] ScalerImages =
        [("attack", "attack image A"), ("scaled-attack", "scale(A)"), ("median", "scale(median(A))"), ("random", "scale(random(A))")];

    private static string Slug(string scaler) => scaler.Replace(':', '-');

    private static void WriteExample(string outDir, EvalScaler scaler, EvalRunner.Example e)
    {
        string folder = Path.Combine(outDir, ExamplesFolder);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "source.png"), e.Source.ToPng());
        File.WriteAllBytes(Path.Combine(folder, "target.png"), e.Target.ToPng());
        PackedImage?[] images = [e.Attack, e.ScaledAttack, e.Median, e.Random];
        for (int i = 0; i < images.Length; i++)
        {
            string path = Path.Combine(folder, $"{Slug(scaler.Name)}-{ScalerImages[i].Suffix}.png");
            if (images[i] is { } image)
            {
                File.WriteAllBytes(path, image.ToPng());
            }
            else
            {
                File.Delete(path);
            }
        }
    }

    private static List<(string Scaler, IReadOnlyList<(string Caption, byte[] Png)> Images)> ReadExamples(EvalSettings settings)
    {
        string folder = Path.Combine(settings.Out, ExamplesFolder);
        var examples = new List<(string, IReadOnlyList<(string, byte[])>)>();
        var shared = SharedImages.Where(x => File.Exists(Path.Combine(folder, x.File + ".png")))
                                 .Select(x => (x.Caption, File.ReadAllBytes(Path.Combine(folder, x.File + ".png")))).ToList();
        if (shared.Count > 0)
        {
            examples.Add(("the pair", shared));
        }
        foreach (EvalScaler scaler in settings.Scalers)
        {
            var images = new List<(string, byte[])>();
            foreach ((string suffix, string caption) in ScalerImages)
            {
                string path = Path.Combine(folder, $"{Slug(scaler.Name)}-{suffix}.png");
                if (File.Exists(path))
                {
                    images.Add((caption, File.ReadAllBytes(path)));
                }
            }
            if (images.Count > 0)
            {
                examples.Add((scaler.Name, images));
            }
        }
        return examples;
    }

    private static string Outcome(List<EvalRow> rows)
    {
        EvalRow? psnr = rows.FirstOrDefault(r => r.Measurement == EvalMeasurement.AttackPsnrSource);
        if (psnr is null)
        {
            return "no attack (" + rows.First(r => r.Measurement == EvalMeasurement.AttackAvailable).Note + ")";
        }
        string recovered = rows.FirstOrDefault(r => r.Measurement == EvalMeasurement.DefenseRecovered("median"))?.Value == 1 ? "median recovers" : "median does not recover";
        return $"PSNR(A,S) {Numbers.Db(psnr.Value)} dB, {recovered}";
    }

    // Rows measured without --model cannot be completed with it afterwards (they would be skipped as done).
    private static void RequireModelRows(List<EvalRow> rows, IReadOnlyList<EvalCase> cases, string path)
    {
        var planned = cases.Select(c => c.Index).ToHashSet();
        var withModel = rows.Where(r => r.Measurement.StartsWith(EvalMeasurement.ModelPrefix, StringComparison.Ordinal)).Select(r => (r.Case, r.Scaler)).ToHashSet();
        if (rows.Any(r => r.Measurement == EvalMeasurement.Complete && planned.Contains(r.Case) && !withModel.Contains((r.Case, r.Scaler))))
        {
            throw new CliException($"'{path}' holds results measured without --model resnet18; use another --out (or delete it) to measure with the model");
        }
    }

    // A results file from other settings (seed, pairs order, folder) would mix two experiments.
    private static void RequireSamePlan(List<EvalRow> rows, IReadOnlyList<EvalCase> cases, string path)
    {
        var planned = cases.ToDictionary(c => c.Index);
        EvalRow? stranger = rows.FirstOrDefault(r => planned.TryGetValue(r.Case, out EvalCase? c) && !r.Matches(c));
        if (stranger is not null)
        {
            EvalCase c = planned[stranger.Case];
            throw new CliException($"'{path}' was written with other settings (case {c.Index} there is {stranger.Source}→{stranger.Target} {stranger.TargetSize}, here {c.Source.Name}→{c.Target.Name} {c.TargetSize}); use the same --images and --seed, another --out, or delete it");
        }
    }
}
