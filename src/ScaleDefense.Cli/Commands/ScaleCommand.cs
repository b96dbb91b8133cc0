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
        var library = new Option<string>("--library") { Description = "Library to reproduce: opencv, pillow, tensorflow, tensorflow1, pytorch.", DefaultValueFactory = _ => "opencv" };
        var algorithm = new Option<string>("--algorithm") { Description = "nearest, nearest-exact, bilinear, bicubic, area, box, hamming, lanczos, lanczos3, lanczos5, gaussian, mitchellcubic (or the library's own name, e.g. INTER_LINEAR).", Required = true };
        var antialias = new Option<bool>("--antialias") { Description = "Turn on the library's antialias switch (TensorFlow 2; PyTorch bilinear/bicubic)." };
        var size = new Option<string>("--size") { Description = "Target size WIDTHxHEIGHT, e.g. 224x224.", Required = true };
        var backend = new Option<string>("--backend") { Description = "native (default) or managed.", DefaultValueFactory = _ => "native" };
        var command = new Command("scale", "Scale an image exactly as the chosen library would.")
        {
            input, target, library, algorithm, size, backend, antialias,
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
            var options = new ScalingOptions { Backend = back, Antialias = result.GetValue(antialias) };
            using var model = ScalingModel.Create(lib, alg, new ImageSize(image.Cols, image.Rows), targetSize, options);
            using Mat scaled = ScaleForFile(model, image);
            ImageFiles.Write(outputPath, scaled);
            output.WriteLine($"{inputPath} ({model.Source}) -> {outputPath} ({targetSize}) with {lib} {Choices.Name(alg)}" +
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
