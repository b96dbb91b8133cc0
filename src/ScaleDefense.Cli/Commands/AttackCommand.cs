using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OpenCvSharp;
using ScaleDefense.Cli.Imaging;

namespace ScaleDefense.Cli.Commands;

/// <summary>
/// <c>scaledefense attack source target output --library L --algorithm A [--size WxH] [--epsilon E]
/// [--against median|random --max-change δ] [--json]</c>: crafts an attack image against a scaler
/// (to red-team a pipeline) and prints how well it works.
/// </summary>
internal static class AttackCommand
{
    public static Command Create(TextWriter output)
    {
        var source = new Argument<string>("source") { Description = "The image the attack must look like." };
        var target = new Argument<string>("target") { Description = "The image the scaler must produce (area-resized to the target size when needed)." };
        var attackPath = new Argument<string>("output") { Description = "Where to write the attack image (PNG: lossless, or the attack is lost)." };
        var scaler = new ScalerOptions(libraryRequired: false);
        var size = new Option<string?>("--size") { Description = "Target size WIDTHxHEIGHT (default: the target image's size)." };
        var epsilon = new Option<double>("--epsilon") { Description = "Allowed deviation of scale(A) from T, in grey levels.", DefaultValueFactory = _ => 1.0 };
        var against = new Option<string?>("--against") { Description = "Adapt the attack to a defense: median or random." };
        var maxChange = new Option<double>("--max-change") { Description = "With --against: the share δ of each window the adaptive attack may change (0..1].", DefaultValueFactory = _ => 0.5 };
        Option<string> window = WindowOption.Create("With --against: the defense's window, paper or narrow.");
        var maxWindowPixels = new Option<long>("--max-window-pixels")
        {
            Description = "With --against: the work budget, window pixels examined; the attack stops there and says so.",
            DefaultValueFactory = _ => AdaptiveAttackOptions.DefaultMaxWindowPixels,
        };
        var json = new Option<bool>("--json") { Description = "Print the verification as JSON." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Allow the output to be one of the inputs (replaced)." };
        var command = new Command("attack", "Craft an image-scaling attack against a scaler and verify it through the exact model.")
        {
            source, target, attackPath, scaler.Library, scaler.Algorithm, size, epsilon, against, maxChange, window, maxWindowPixels, scaler.Antialias, scaler.NoIpp, json, overwrite,
        };
        command.SetAction(result =>
        {
            double eps = result.GetValue(epsilon);
            if (!(eps > 0))
            {
                throw new CliException($"--epsilon must be positive, got {eps.ToString(CultureInfo.InvariantCulture)}");
            }
            string outputPath = result.GetValue(attackPath)!;
            ImageFiles.RequireLossless(outputPath);
            ImageFiles.RequireDistinct(outputPath, result.GetValue(overwrite), result.GetValue(source)!, result.GetValue(target)!);
            (PackedImage s, PackedImage t) = ReadImages(result.GetValue(source)!, result.GetValue(target)!, result.GetValue(size), CliLimits.Of(result));
            using ScalingModel model = scaler.CreateModel(result, s.Size, t.Size);
            AttackResult attack = AttackPlanner.Attack(model, s, t, eps);
            if (result.GetValue(against) is { } defense)
            {
                long budget = result.GetValue(maxWindowPixels);
                if (budget <= 0)
                {
                    throw new CliException($"--max-window-pixels must be positive, got {budget.ToString(CultureInfo.InvariantCulture)}");
                }
                var options = new AdaptiveAttackOptions { MaxChange = result.GetValue(maxChange), Window = WindowOption.ValueOf(result, window), MaxWindowPixels = budget };
                attack = AttackPlanner.Adapt(model, Choices.Defense(defense), s, t, attack, options);
            }
            using (Mat image = PackedImage.Of(attack).ToMat())
            {
                ImageFiles.Write(outputPath, image);
            }
            if (result.GetValue(json))
            {
                WriteJson(output, attack, outputPath, eps);
            }
            else
            {
                WriteText(output, attack, model, outputPath, eps);
            }
            return CliApp.Ok;
        });
        return command;
    }

    // The source as it is; the target fitted to --size (default: its own size) with the source's channels.
    private static (PackedImage Source, PackedImage Target) ReadImages(string sourcePath, string targetPath, string? size, ResourceLimits limits)
    {
        using Mat sourceImage = ImageFiles.Read(sourcePath, limits);
        using Mat targetPhoto = ImageFiles.Read(targetPath, limits);
        ImageSize targetSize = size is not null ? Choices.Size(size) : new ImageSize(targetPhoto.Cols, targetPhoto.Rows);
        var sourceSize = new ImageSize(sourceImage.Cols, sourceImage.Rows);
        if (targetSize.Width > sourceSize.Width || targetSize.Height > sourceSize.Height)
        {
            throw new CliException($"the target size {targetSize} is larger than the source {sourceSize}: scaling attacks need a downscale");
        }
        using Mat fitted = TargetFitting.Fit(targetPhoto, targetSize, sourceImage.Channels());
        return (PackedImage.FromMat(sourceImage), PackedImage.FromMat(fitted));
    }

    private static void WriteJson(TextWriter output, AttackResult attack, string outputPath, double epsilon)
    {
        AttackVerification v = attack.Verification;
        output.WriteLine(JsonSerializer.Serialize(new
        {
            method = attack.Method,
            output = outputPath,
            maxDifferenceToTarget = v.MaxDifferenceToTarget,
            meanDifferenceToTarget = v.MeanDifferenceToTarget,
            psnrScaledToTarget = Finite(v.PsnrScaledToTarget),
            psnrAttackToSource = Finite(v.PsnrAttackToSource),
            runtimeSeconds = v.Runtime.TotalSeconds,
            epsilonMax = v.EpsilonPerColumn.Count > 0 ? v.EpsilonPerColumn.Max() : (double?)null,
            columnsNeedingMoreEpsilon = v.EpsilonPerColumn.Count(e => e > epsilon),
            budget = attack.Budget is { } b ? new { limit = b.Limit, windowsDone = b.WindowsDone, windowsPerPass = b.WindowsPerPass } : null,
        }, JsonOptions));
    }

    private static void WriteText(TextWriter output, AttackResult attack, ScalingModel model, string outputPath, double epsilon)
    {
        AttackVerification v = attack.Verification;
        string look = v.IsInvisible ? "invisible" : v.PsnrAttackToSource < AttackVerification.VisibleBelowDb ? "visibly altered" : "partly visible";
        output.WriteLine($"attack        {attack.Method} against {model}");
        output.WriteLine($"written to    {outputPath}");
        output.WriteLine($"scale(A) vs T max |diff| {Numbers.Fixed(v.MaxDifferenceToTarget, 2)}, mean {Numbers.Fixed(v.MeanDifferenceToTarget, 3)}, PSNR {Numbers.DbAscii(v.PsnrScaledToTarget)} dB");
        output.WriteLine($"A vs S        PSNR {Numbers.DbAscii(v.PsnrAttackToSource)} dB ({look})");
        output.WriteLine($"runtime       {Numbers.Fixed(v.Runtime.TotalMilliseconds, 1)} ms");
        if (attack.Budget is { } budget)
        {
            output.WriteLine($"budget        {budget} (raise --max-window-pixels to go further)");
        }
        if (v.EpsilonPerColumn.Count > 0)
        {
            output.WriteLine($"epsilon       {v.EpsilonPerColumn.Count(e => e > epsilon)} of {v.EpsilonPerColumn.Count} columns needed more than {epsilon.ToString(CultureInfo.InvariantCulture)}; largest {Numbers.Fixed(v.EpsilonPerColumn.Max(), 0)}");
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
