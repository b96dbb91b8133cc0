using System.CommandLine;
using OpenCvSharp;
using ScaleDefense.OpenCvSharp;

namespace ScaleDefense.Cli.Commands;

/// <summary><c>scaledefense scale in out --library opencv --algorithm bilinear --size 224x224</c></summary>
internal static class ScaleCommand
{
    public static Command Create(TextWriter output)
    {
        var input = new Argument<string>("input") { Description = "Image to scale (any format OpenCV reads)." };
        var target = new Argument<string>("output") { Description = "Where to write the scaled image (PNG recommended)." };
        var library = new Option<string>("--library") { Description = "Library to reproduce: opencv.", DefaultValueFactory = _ => "opencv" };
        var algorithm = new Option<string>("--algorithm") { Description = "nearest or bilinear.", Required = true };
        var size = new Option<string>("--size") { Description = "Target size WIDTHxHEIGHT, e.g. 224x224.", Required = true };
        var backend = new Option<string>("--backend") { Description = "native (default) or managed.", DefaultValueFactory = _ => "native" };
        var command = new Command("scale", "Scale an image exactly as the chosen library would.")
        {
            input, target, library, algorithm, size, backend,
        };
        command.SetAction(result =>
        {
            ScalingLibrary lib = Choices.Library(result.GetValue(library)!);
            ScalingAlgorithm alg = Choices.Algorithm(result.GetValue(algorithm)!);
            ImageSize targetSize = Choices.Size(result.GetValue(size)!);
            ScalingBackend back = Choices.Backend(result.GetValue(backend)!);
            string inputPath = result.GetValue(input)!;
            string outputPath = result.GetValue(target)!;

            using Mat image = ImageFiles.Read(inputPath);
            using var model = ScalingModel.Create(lib, alg, new ImageSize(image.Cols, image.Rows), targetSize, back);
            using Mat scaled = model.Scale(image);
            ImageFiles.Write(outputPath, scaled);
            output.WriteLine($"{inputPath} ({model.Source}) -> {outputPath} ({targetSize}) with {lib} {alg.ToString().ToLowerInvariant()}");
            return CliApp.Ok;
        });
        return command;
    }
}
