using System.CommandLine;
using OpenCvSharp;
using ScaleDefense.OpenCvSharp;

namespace ScaleDefense.Cli.Commands;

/// <summary>
/// <c>scaledefense defend in out --library L --algorithm A --size WxH --filter median|random|auto [--seed N] [--scaled]</c>:
/// writes the reconstructed image at the source size, or with --scaled the defended scaled image.
/// </summary>
internal static class DefendCommand
{
    public static Command Create(TextWriter output)
    {
        var input = new Argument<string>("input") { Description = "The image to defend (possibly attacked)." };
        var target = new Argument<string>("output") { Description = "Where to write the result (PNG recommended)." };
        var library = new Option<string>("--library") { Description = "opencv, pillow, tensorflow, tensorflow1, pytorch.", DefaultValueFactory = _ => "opencv" };
        var algorithm = new Option<string>("--algorithm") { Description = "The scaler's algorithm.", Required = true };
        var size = new Option<string>("--size") { Description = "The scaler's target size WIDTHxHEIGHT.", Required = true };
        var filter = new Option<string>("--filter") { Description = "median, random or auto (median unless the scaler is robust).", DefaultValueFactory = _ => "auto" };
        var window = new Option<string>("--window") { Description = "paper (2β, default) or narrow (±β/2).", DefaultValueFactory = _ => "paper" };
        var seed = new Option<ulong?>("--seed") { Description = "Seed of the random filter (default: unpredictable)." };
        var scaled = new Option<bool>("--scaled") { Description = "Write the defended scaled image instead of the reconstructed source." };
        var antialias = new Option<bool>("--antialias") { Description = "The library's antialias switch." };
        var command = new Command("defend", "Rebuild the pixels a scaler reads (selective median or random filter), then optionally scale.")
        {
            input, target, library, algorithm, size, filter, window, seed, scaled, antialias,
        };
        command.SetAction(result =>
        {
            Reconstruction method = Filter(result.GetValue(filter)!);
            var filterOptions = new ReconstructionOptions { Window = Window(result.GetValue(window)!), Seed = result.GetValue(seed) };
            var options = new SecureScalerOptions
            {
                Reconstruction = method,
                Filter = filterOptions,
                Scaling = new ScalingOptions { Antialias = result.GetValue(antialias) },
            };
            using var scaler = new SecureScaler(Choices.Library(result.GetValue(library)!), Choices.Algorithm(result.GetValue(algorithm)!),
                                                Choices.Size(result.GetValue(size)!), options);
            string inputPath = result.GetValue(input)!;
            string outputPath = result.GetValue(target)!;
            using Mat image = ImageFiles.Read(inputPath);
            Reconstruction applied;
            if (result.GetValue(scaled))
            {
                using Mat defended = image.SecureResize(scaler, out applied);
                using Mat bytes = new();
                defended.ConvertTo(bytes, MatType.CV_8U);
                ImageFiles.Write(outputPath, bytes);
            }
            else
            {
                applied = scaler.PlanFor(new ImageSize(image.Cols, image.Rows));
                using Mat rebuilt = Reconstruct(scaler.ModelFor(new ImageSize(image.Cols, image.Rows)), image, applied, filterOptions, out long count);
                ImageFiles.Write(outputPath, rebuilt);
                output.WriteLine($"rebuilt {count} pixels");
            }
            output.WriteLine($"{inputPath} -> {outputPath}: reconstruction {applied.ToString().ToLowerInvariant()}" +
                             (method == Reconstruction.Auto ? " (auto)" : ""));
            return CliApp.Ok;
        });
        return command;
    }

    private static unsafe Mat Reconstruct(ScalingModel model, Mat image, Reconstruction applied, ReconstructionOptions options, out long count)
    {
        Mat rebuilt = image.Clone();
        int channels = rebuilt.Channels();
        var layout = new ImageLayout(rebuilt.Cols, rebuilt.Rows, channels, (int)rebuilt.Step());
        count = model.Reconstruct(new Span<byte>((void*)rebuilt.Data, (int)layout.RequiredLength), layout, applied, options);
        return rebuilt;
    }

    private static Reconstruction Filter(string name) => name.ToLowerInvariant() switch
    {
        "median" => Reconstruction.Median,
        "random" => Reconstruction.Random,
        "auto" => Reconstruction.Auto,
        "none" => Reconstruction.None,
        _ => throw new CliException($"unknown filter '{name}' (supported: median, random, auto, none)"),
    };

    private static FilterWindow Window(string name) => name.ToLowerInvariant() switch
    {
        "paper" => FilterWindow.Paper,
        "narrow" => FilterWindow.Narrow,
        _ => throw new CliException($"unknown window '{name}' (supported: paper, narrow)"),
    };
}
