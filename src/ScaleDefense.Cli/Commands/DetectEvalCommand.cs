using System.CommandLine;
using ScaleDefense.Cli.Eval;

namespace ScaleDefense.Cli.Commands;

/// <summary>
/// <c>scaledefense eval-detect --images DIR --out DIR [--scalers L:A,...] [--pairs N] [--seed N] [--size WxH] [--thresholds F] [--adaptive] [--peaks]</c>:
/// the detectors against benign photos, attacks and JPEG-recompressed attacks (see DetectionEvaluation).
/// </summary>
internal static class DetectEvalCommand
{
    public static Command Create(TextWriter output)
    {
        var images = new Option<string>("--images") { Description = "Folder of photos (keep it apart from the photos the thresholds were set on).", Required = true };
        var outDir = new Option<string>("--out") { Description = "Folder for scores.csv, summary.md and the ROC charts.", Required = true };
        var scalers = new Option<string>("--scalers") { Description = "Comma-separated library:algorithm list.", DefaultValueFactory = _ => "opencv:nearest,opencv:bilinear,opencv:bicubic,opencv:area,pillow:bilinear" };
        var pairs = new Option<int>("--pairs") { Description = "Source/target pairs per scaler, at ratios drawn from [2, 10).", DefaultValueFactory = _ => 40 };
        var seed = new Option<int>("--seed") { Description = "Seed of the pairs, ratios, crops and the random filter.", DefaultValueFactory = _ => 7 };
        var size = new Option<string>("--size") { Description = "Target size WIDTHxHEIGHT.", DefaultValueFactory = _ => "48x48" };
        var thresholds = new Option<string?>("--thresholds") { Description = "A thresholds file (default: the shipped table)." };
        var jpeg = new Option<int>("--jpeg-quality") { Description = "Quality of the JPEG re-compression attack (1..100).", DefaultValueFactory = _ => 90 };
        var adaptive = new Option<bool>("--adaptive") { Description = "Also run the adaptive attack against the median filter (§5.5) on the strong-attack scalers and score it (slower)." };
        var peaks = new Option<bool>("--peaks") { Description = "Also run an adaptive attack against the peak-spectrum detector: the attack's change notch-filtered at the grid's aliasing frequencies." };
        var command = new Command("eval-detect", "Evaluate the attack detectors: ROC, AUC and TPR at 1% FPR per detector and scaler, the verdict's FPR/TPR, and a JPEG re-compression attack against them.")
        {
            images, outDir, scalers, pairs, seed, size, thresholds, jpeg, adaptive, peaks,
        };
        command.SetAction(result =>
        {
            int count = result.GetValue(pairs);
            int quality = result.GetValue(jpeg);
            if (count is < 1 or > 10000)
            {
                throw new CliException($"--pairs must be in 1..10000, got {count}");
            }
            if (quality is < 1 or > 100)
            {
                throw new CliException($"--jpeg-quality must be in 1..100, got {quality}");
            }
            string? file = result.GetValue(thresholds);
            var settings = new DetectionEvaluation.Settings(result.GetValue(images)!, result.GetValue(outDir)!, EvalScaler.ParseList(result.GetValue(scalers)!),
                count, result.GetValue(seed), Choices.Size(result.GetValue(size)!), file is null ? DetectionThresholds.Shipped : DetectionThresholds.Load(file), quality, result.GetValue(adaptive), result.GetValue(peaks));
            return DetectionEvaluation.Run(settings, output);
        });
        return command;
    }
}
