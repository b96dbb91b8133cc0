using System.CommandLine;
using OpenCvSharp;
using ScaleDefense.Cli.Imaging;

namespace ScaleDefense.Cli.Commands;

/// <summary>
/// <c>scaledefense detect image --library L --algorithm A --size WxH [--json] [--thresholds F] [--seed N]</c>:
/// one line per detector and the verdict; exit 0 when clean, 3 when suspicious.
/// </summary>
internal static class DetectCommand
{
    /// <summary>The exit code of a suspicious image (0 is clean, 1 an error, 2 a malformed command line).</summary>
    public const int Suspicious = 3;

    public static Command Create(TextWriter output)
    {
        var image = new Argument<string>("image") { Description = "The image to judge." };
        var scaler = new ScalerOptions(libraryRequired: false);
        var size = new Option<string>("--size") { Description = "The scaler's target size WIDTHxHEIGHT.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var thresholds = new Option<string?>("--thresholds") { Description = "A thresholds file from `scaledefense calibrate` (default: the shipped table)." };
        var seed = new Option<ulong?>("--seed") { Description = "Seed of the random filter detector (default: unpredictable)." };
        var command = new Command("detect", "Tell whether an image is an image-scaling attack against a scaler (exit 0 clean, 3 suspicious).")
        {
            image, scaler.Library, scaler.Algorithm, size, scaler.Antialias, json, thresholds, seed,
        };
        command.SetAction(result =>
        {
            string? file = result.GetValue(thresholds);
            var detector = new AttackDetector(new AttackDetectorOptions
            {
                Thresholds = file is null ? null : DetectionThresholds.Load(file),
                Filter = new ReconstructionOptions { Seed = result.GetValue(seed) },
            });
            ScalingOptions scaling = scaler.ScalingOf(result);
            using Mat mat = ImageFiles.Read(result.GetValue(image)!, scaling.Limits);
            PackedImage packed = PackedImage.FromMat(mat);
            using ScalingModel model = scaler.CreateModel(result, packed.Size, Choices.Size(result.GetValue(size)!));
            DetectionReport report = detector.Detect(model, packed.Pixels, packed.Layout);
            output.WriteLine(result.GetValue(json) ? report.ToJson() : report.ToString());
            return report.Verdict == DetectionVerdict.Suspicious ? Suspicious : CliApp.Ok;
        });
        return command;
    }
}
