using System.CommandLine;
using System.Globalization;
using OpenCvSharp;
using ScaleDefense.Cli.Imaging;

namespace ScaleDefense.Cli.Commands;

/// <summary>
/// <c>scaledefense calibrate --images DIR --library L --algorithm A --size WxH [--fpr 0.01] [--seed N] --out thresholds.json</c>:
/// sets detector thresholds on benign images, for <c>detect --thresholds</c> and the API.
/// </summary>
internal static class CalibrateCommand
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp"];

    public static Command Create(TextWriter output)
    {
        var images = new Option<string>("--images") { Description = "A folder of benign images (png, jpg, bmp, tif, webp; not searched recursively).", Required = true };
        var scaler = new ScalerOptions(libraryRequired: false);
        var size = new Option<string>("--size") { Description = "The scaler's target size WIDTHxHEIGHT.", Required = true };
        var fpr = new Option<double>("--fpr") { Description = "False-positive rate of the verdict on these images, in (0, 1).", DefaultValueFactory = _ => 0.01 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the crops and the random filter (same seed, same table).", DefaultValueFactory = _ => 1 };
        var crops = new Option<int>("--crops") { Description = "Random crops per image, each at a random ratio.", DefaultValueFactory = _ => 6 };
        var outPath = new Option<string>("--out") { Description = "Where to write the thresholds (JSON).", Required = true };
        var command = new Command("calibrate", "Set the detectors' thresholds on your own benign images at a stated false-positive rate.")
        {
            images, scaler.Library, scaler.Algorithm, size, scaler.Antialias, fpr, seed, crops, outPath,
        };
        command.SetAction(result =>
        {
            string folder = result.GetValue(images)!;
            if (!Directory.Exists(folder))
            {
                throw new CliException($"cannot read '{folder}': no such folder");
            }
            ImageSize target = Choices.Size(result.GetValue(size)!);
            ScalingOptions scaling = scaler.ScalingOf(result);
            var files = Directory.EnumerateFiles(folder)
                .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Order(StringComparer.Ordinal)
                .ToList();
            var benign = new List<CalibrationImage>();
            foreach (string file in files)
            {
                using Mat mat = ImageFiles.Read(file, scaling.Limits);
                if (mat.Cols >= target.Width && mat.Rows >= target.Height)
                {
                    PackedImage packed = PackedImage.FromMat(mat);
                    benign.Add(new CalibrationImage(packed.Pixels, packed.Layout));
                }
            }
            if (benign.Count == 0)
            {
                throw new CliException($"no image in '{folder}' is at least {target.Width}x{target.Height}");
            }
            var options = new CalibrationOptions
            {
                FalsePositiveRate = result.GetValue(fpr),
                Seed = result.GetValue(seed),
                CropsPerImage = result.GetValue(crops),
                Antialias = scaling.Antialias,
                ImagesDescription = $"{benign.Count} images from {Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)))}",
                Command = "scaledefense " + string.Join(' ', result.Tokens.Select(t => t.Value)),
            };
            DetectionThresholds table = ThresholdCalibration.Calibrate(benign, scaler.LibraryOf(result), scaler.AlgorithmOf(result), target, options);
            string path = result.GetValue(outPath)!;
            File.WriteAllText(path, table.ToJson() + Environment.NewLine);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{benign.Count} images x {options.CropsPerImage} crops -> {table.Entries.Count} ratio bands -> {path}"));
            foreach (ThresholdEntry entry in table.Entries)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  beta [{entry.MinRatio}, {entry.MaxRatio}) on {entry.BenignCount} crops: ") +
                    string.Join(", ", entry.Thresholds.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:0.####}"))));
            }
            return CliApp.Ok;
        });
        return command;
    }
}
