using System.CommandLine;
using System.Diagnostics;
using OpenCvSharp;
using ScaleDefense.Cli.Demo;
using ScaleDefense.Cli.Imaging;

namespace ScaleDefense.Cli.Commands;

/// <summary>
/// <c>scaledefense demo</c>: the whole story on the bundled photos — analysis, attack, defense —
/// as PNGs, a self-contained HTML report and a console table; then a check that the exact models
/// agree with OpenCV byte for byte.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter output)
    {
        var outDir = new Option<string>("--out") { Description = "Folder for the report and images.", DefaultValueFactory = _ => Path.Combine("artifacts", "demo") };
        var samples = new Option<string?>("--samples") { Description = "Folder of photos (default: the bundled samples/images)." };
        var source = new Option<string>("--source") { Description = "Name of the source photo in the folder.", DefaultValueFactory = _ => "astronaut" };
        var target = new Option<string>("--target") { Description = "Name of the target photo in the folder.", DefaultValueFactory = _ => "chelsea" };
        var size = new Option<string>("--size") { Description = "Target size WIDTHxHEIGHT.", DefaultValueFactory = _ => "100x100" };
        var command = new Command("demo", "Attack and defend the bundled photos, and check the models against OpenCV.") { outDir, samples, source, target, size };
        command.SetAction(result => Run(output, result.GetValue(outDir)!, result.GetValue(samples), result.GetValue(source)!, result.GetValue(target)!,
                                        Choices.Size(result.GetValue(size)!)));
        return command;
    }

    private static int Run(TextWriter output, string outDir, string? samplesDir, string sourceName, string targetName, ImageSize targetSize)
    {
        var clock = Stopwatch.StartNew();
        string folder = samplesDir ?? FindBundledSamples();
        string[] files = SampleFiles.List(folder);
        Directory.CreateDirectory(outDir);
        PackedImage source, target;
        using (Mat sourcePhoto = ImageFiles.Read(Pick(files, sourceName), ResourceLimits.Default))
        using (Mat targetPhoto = ImageFiles.Read(Pick(files, targetName), ResourceLimits.Default))
        using (Mat targetImage = TargetFitting.CropAndFit(targetPhoto, targetSize, sourcePhoto.Channels()))
        {
            source = PackedImage.FromMat(sourcePhoto);
            target = PackedImage.FromMat(targetImage);
        }

        output.WriteLine($"Attack: make {sourceName} ({source.Size}) scale to {targetName} ({targetSize}); then defend.");
        IReadOnlyList<DemoOutcome> outcomes = DemoRunner.Run(source, target, output);

        var images = new Dictionary<string, byte[]> { ["source"] = source.ToPng(), ["target"] = target.ToPng() };
        foreach (DemoOutcome o in outcomes)
        {
            images[$"{o.Scenario.Slug}-attack"] = PackedImage.Of(o.Attack).ToPng();
            images[$"{o.Scenario.Slug}-scaled-attack"] = Scaled(o.ScaledAttack).ToPng();
            images[$"{o.Scenario.Slug}-median"] = Scaled(o.DefendedMedian).ToPng();
            images[$"{o.Scenario.Slug}-random"] = Scaled(o.DefendedRandom).ToPng();
        }
        PackedImage Scaled(byte[] pixels) => PackedImage.Of(pixels, targetSize, source.Channels);
        foreach ((string key, byte[] png) in images)
        {
            File.WriteAllBytes(Path.Combine(outDir, key + ".png"), png);
        }
        foreach (DemoOutcome o in outcomes)
        {
            DemoStory.Write(Path.Combine(outDir, $"{o.Scenario.Slug}-story.png"), source, o, targetSize);
        }

        output.WriteLine();
        output.WriteLine($"{"scaler",-16} {"verdict",-16} {"PSNR(A,S)",9} {"PSNR(sA,T)",10} {"median→S/T",12} {"random→S/T",12} {"median ms",9} {"random ms",9}");
        foreach (DemoOutcome o in outcomes)
        {
            output.WriteLine($"{o.Scenario.Title,-16} {o.Report.Verdict,-16} {Numbers.DbAscii(o.Attack.Verification.PsnrAttackToSource),9} {Numbers.DbAscii(o.Attack.Verification.PsnrScaledToTarget),10} " +
                             $"{Numbers.DbAscii(o.MedianToSourceDb) + "/" + Numbers.DbAscii(o.MedianToTargetDb),12} {Numbers.DbAscii(o.RandomToSourceDb) + "/" + Numbers.DbAscii(o.RandomToTargetDb),12} " +
                             $"{Numbers.Fixed(o.MedianTime.TotalMilliseconds, 1),9} {Numbers.Fixed(o.RandomTime.TotalMilliseconds, 1),9}");
        }

        output.WriteLine();
        output.WriteLine("Exact models vs OpenCV on the bundled photos:");
        (List<string> exactness, int mismatches) = DemoExactness.Check(files);
        foreach (string line in exactness)
        {
            output.WriteLine("  " + line);
        }

        string report = Path.Combine(outDir, "report.html");
        File.WriteAllText(report, DemoReport.Html(outcomes, images, exactness, sourceName, targetName, source.Size, targetSize));
        output.WriteLine();
        output.WriteLine($"Report: {report}  ({Numbers.Fixed(clock.Elapsed.TotalSeconds, 1)} s)");
        return mismatches == 0 ? CliApp.Ok : CliApp.Failed;
    }

    private static string Pick(string[] files, string name) =>
        files.FirstOrDefault(f => Path.GetFileNameWithoutExtension(f).Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new CliException($"no photo named '{name}' among: {string.Join(", ", files.Select(Path.GetFileNameWithoutExtension))}");

    private static string FindBundledSamples()
    {
        foreach (string candidate in new[] { Path.Combine("samples", "images"), Path.Combine(AppContext.BaseDirectory, "samples", "images") })
        {
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new CliException("no samples/images folder found here or next to the executable; pass --samples <folder>");
    }
}
