using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OpenCvSharp;

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
        var library = new Option<string>("--library") { Description = "opencv, pillow, tensorflow, tensorflow1, pytorch.", DefaultValueFactory = _ => "opencv" };
        var algorithm = new Option<string>("--algorithm") { Description = "The scaler's algorithm.", Required = true };
        var size = new Option<string?>("--size") { Description = "Target size WIDTHxHEIGHT (default: the target image's size)." };
        var epsilon = new Option<double>("--epsilon") { Description = "Allowed deviation of scale(A) from T, in grey levels.", DefaultValueFactory = _ => 1.0 };
        var against = new Option<string?>("--against") { Description = "Adapt the attack to a defense: median or random." };
        var maxChange = new Option<double>("--max-change") { Description = "With --against: the share δ of each window the adaptive attack may change (0..1].", DefaultValueFactory = _ => 0.5 };
        var window = new Option<string>("--window") { Description = "With --against: the defense's window, paper or narrow.", DefaultValueFactory = _ => "paper" };
        var antialias = new Option<bool>("--antialias") { Description = "The library's antialias switch." };
        var json = new Option<bool>("--json") { Description = "Print the verification as JSON." };
        var command = new Command("attack", "Craft an image-scaling attack against a scaler and verify it through the exact model.")
        {
            source, target, attackPath, library, algorithm, size, epsilon, against, maxChange, window, antialias, json,
        };
        command.SetAction(result =>
        {
            double eps = result.GetValue(epsilon);
            if (!(eps > 0))
            {
                throw new CliException($"--epsilon must be positive, got {eps.ToString(CultureInfo.InvariantCulture)}");
            }
            using Mat sourceImage = ImageFiles.Read(result.GetValue(source)!);
            int channels = sourceImage.Channels();
            using Mat targetPhoto = ImageFiles.Read(result.GetValue(target)!);
            ImageSize targetSize = result.GetValue(size) is { } text ? Choices.Size(text) : new ImageSize(targetPhoto.Cols, targetPhoto.Rows);
            var sourceSize = new ImageSize(sourceImage.Cols, sourceImage.Rows);
            if (targetSize.Width > sourceSize.Width || targetSize.Height > sourceSize.Height)
            {
                throw new CliException($"the target size {targetSize} is larger than the source {sourceSize}: scaling attacks need a downscale");
            }
            using var model = ScalingModel.Create(Choices.Library(result.GetValue(library)!), Choices.Algorithm(result.GetValue(algorithm)!),
                                                  sourceSize, targetSize, new ScalingOptions { Antialias = result.GetValue(antialias) });
            byte[] s = MatPixels.Packed(sourceImage);
            byte[] t = MatPixels.Packed(MatPixels.Fit(targetPhoto, targetSize, channels));
            AttackResult attack = AttackPlanner.Attack(model, s, channels, t, eps);
            if (result.GetValue(against) is { } defense)
            {
                FilterWindow kind = result.GetValue(window)!.ToLowerInvariant() switch
                {
                    "paper" => FilterWindow.Paper,
                    "narrow" => FilterWindow.Narrow,
                    string other => throw new CliException($"unknown window '{other}' (supported: paper, narrow)"),
                };
                var options = new AdaptiveAttackOptions { MaxChange = result.GetValue(maxChange), Window = kind };
                var sourceLayout = new ImageLayout(sourceSize.Width, sourceSize.Height, channels);
                var targetLayout = new ImageLayout(targetSize.Width, targetSize.Height, channels);
                attack = defense.ToLowerInvariant() switch
                {
                    "median" => ScalingAttacks.AdaptiveMedian(model, s, sourceLayout, t, targetLayout, attack.Image, attack.Layout, options),
                    "random" => ScalingAttacks.AdaptiveRandom(model, s, sourceLayout, t, targetLayout, attack.Image, attack.Layout, options),
                    string other => throw new CliException($"unknown defense '{other}' (supported: median, random)"),
                };
            }
            string outputPath = result.GetValue(attackPath)!;
            using (Mat image = MatPixels.ToMat(attack.Image, sourceSize, channels))
            {
                ImageFiles.Write(outputPath, image);
            }
            AttackVerification v = attack.Verification;
            if (result.GetValue(json))
            {
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
                    columnsNeedingMoreEpsilon = v.EpsilonPerColumn.Count(e => e > eps),
                }, JsonOptions));
            }
            else
            {
                output.WriteLine($"attack        {attack.Method} against {model}");
                output.WriteLine($"written to    {outputPath}");
                output.WriteLine($"scale(A) vs T max |diff| {v.MaxDifferenceToTarget:F2}, mean {v.MeanDifferenceToTarget:F3}, PSNR {Db(v.PsnrScaledToTarget)} dB");
                output.WriteLine($"A vs S        PSNR {Db(v.PsnrAttackToSource)} dB ({(v.IsInvisible ? "invisible" : v.PsnrAttackToSource < AttackVerification.VisibleBelowDb ? "visibly altered" : "partly visible")})");
                output.WriteLine($"runtime       {v.Runtime.TotalMilliseconds:F1} ms");
                if (v.EpsilonPerColumn.Count > 0)
                {
                    output.WriteLine($"epsilon       {v.EpsilonPerColumn.Count(e => e > eps)} of {v.EpsilonPerColumn.Count} columns needed more than {eps}; largest {v.EpsilonPerColumn.Max():F0}");
                }
            }
            return CliApp.Ok;
        });
        return command;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static string Db(double value) => double.IsPositiveInfinity(value) ? "inf" : value.ToString("F1", CultureInfo.InvariantCulture);
}
