using System.CommandLine;
using OpenCvSharp;
using ScaleDefense.Cli.Imaging;
using ScaleDefense.OpenCvSharp;

namespace ScaleDefense.Cli.Commands;

/// <summary>
/// <c>scaledefense defend in out --library L --algorithm A --size WxH --filter median|random|weighted-median|auto [--seed N] [--scaled]</c>:
/// writes the reconstructed image at the source size, or with --scaled the defended scaled image.
/// </summary>
internal static class DefendCommand
{
    public static Command Create(TextWriter output)
    {
        Option<string> window = WindowOption.Create("paper (2β) or narrow (±β/2).");
        var filter = new Option<string>("--filter") { Description = "median, random, weighted-median (the heavily weighted pixels, for scalers that read every pixel) or auto (none for a robust scaler, weighted-median where every pixel is read at β < 4, median otherwise).", DefaultValueFactory = _ => "auto" };
        var seed = new Option<ulong?>("--seed") { Description = "Seed of the random filter (default: unpredictable)." };
        var scaled = new Option<bool>("--scaled") { Description = "Write the defended scaled image instead of the reconstructed source." };
        var files = new ResizeArguments("The image to defend (possibly attacked).", "Where to write the result (PNG recommended).", "The scaler's target size WIDTHxHEIGHT.");
        Command command = files.Command("defend", "Rebuild the pixels a scaler reads (selective median or random filter; weighted-median: the heavily weighted ones), then optionally scale.",
                                        filter, window, seed, scaled);
        command.SetAction(result =>
        {
            Reconstruction method = Choices.Filter(result.GetValue(filter)!);
            var filterOptions = new ReconstructionOptions { Window = WindowOption.ValueOf(result, window), Seed = result.GetValue(seed) };
            var options = new SecureScalerOptions
            {
                Reconstruction = method,
                Filter = filterOptions,
                Scaling = files.Scaler.ScalingOf(result),
            };
            using var secure = new SecureScaler(files.Scaler.LibraryOf(result), files.Scaler.AlgorithmOf(result), files.SizeOf(result), options);
            string inputPath = files.InputOf(result);
            string outputPath = files.OutputOf(result);
            using Mat image = ImageFiles.Read(inputPath, options.Scaling.Limits);
            Reconstruction applied;
            if (result.GetValue(scaled))
            {
                using Mat defended = image.SecureResize(secure, out applied);
                using Mat bytes = new();
                defended.ConvertTo(bytes, MatType.CV_8U);
                ImageFiles.Write(outputPath, bytes);
            }
            else
            {
                applied = secure.PlanFor(new ImageSize(image.Cols, image.Rows));
                using Mat rebuilt = Reconstruct(secure.ModelFor(new ImageSize(image.Cols, image.Rows)), image, applied, filterOptions, out long count);
                ImageFiles.Write(outputPath, rebuilt);
                output.WriteLine($"rebuilt {count} pixels");
            }
            output.WriteLine($"{inputPath} -> {outputPath}: reconstruction {Choices.Name(applied)}" +
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
}
