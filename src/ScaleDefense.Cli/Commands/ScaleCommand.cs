using System.CommandLine;
using OpenCvSharp;
using ScaleDefense.Cli.Imaging;
using ScaleDefense.OpenCvSharp;

namespace ScaleDefense.Cli.Commands;

/// <summary><c>scaledefense scale in out --library opencv --algorithm bilinear --size 224x224</c></summary>
internal static class ScaleCommand
{
    public static Command Create(TextWriter output)
    {
        var files = new ResizeArguments("Image to scale (any format OpenCV reads).", "Where to write the scaled image (PNG recommended).", "Target size WIDTHxHEIGHT, e.g. 224x224.");
        var backend = new Option<string>("--backend") { Description = "auto (default: native where the library loads), native or managed.", DefaultValueFactory = _ => "auto" };
        Command command = files.Command("scale", "Scale an image exactly as the chosen library would.", backend);
        command.SetAction(result =>
        {
            ScalingLibrary library = files.Scaler.LibraryOf(result);
            ScalingAlgorithm algorithm = files.Scaler.AlgorithmOf(result);
            ImageSize targetSize = files.SizeOf(result);
            ScalingOptions options = files.Scaler.ScalingOf(result) with { Backend = Choices.Backend(result.GetValue(backend)!) };
            string inputPath = files.InputOf(result);
            string outputPath = files.OutputOf(result);

            using Mat image = ImageFiles.Read(inputPath, options.Limits);
            using var model = ScalingModel.Create(library, algorithm, new ImageSize(image.Cols, image.Rows), targetSize, options);
            using Mat scaled = ScaleForFile(model, image);
            ImageFiles.Write(outputPath, scaled);
            output.WriteLine($"{inputPath} ({model.Source}) -> {outputPath} ({targetSize}) with {library} {Choices.Name(algorithm)}" +
                             (model.Supports(SampleType.UInt8) ? "" : " (float output, rounded to 8 bits for the file)"));
            return CliApp.Ok;
        });
        return command;
    }

    // Float-only libraries (TensorFlow, PyTorch) scale the 0..255 values as float32; the file
    // gets them rounded and saturated to 8 bits.
    private static Mat ScaleForFile(ScalingModel model, Mat image)
    {
        if (model.Supports(SampleType.UInt8))
        {
            return model.Scale(image);
        }
        using Mat floats = new();
        image.ConvertTo(floats, MatType.CV_32F);
        using Mat scaled = model.Scale(floats);
        Mat bytes = new();
        scaled.ConvertTo(bytes, MatType.CV_8U);
        return bytes;
    }
}
