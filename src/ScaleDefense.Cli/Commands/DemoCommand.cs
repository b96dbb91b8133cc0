using System.CommandLine;
using System.Diagnostics;
using OpenCvSharp;
using ScaleDefense.OpenCvSharp;

namespace ScaleDefense.Cli.Commands;

/// <summary>
/// <c>scaledefense demo</c>: scales the bundled photos with the exact models (native and managed)
/// and with OpenCV itself, writes the images, and shows that all three agree byte for byte.
/// </summary>
internal static class DemoCommand
{
    private static readonly ScalingAlgorithm[] Algorithms = [ScalingAlgorithm.Nearest, ScalingAlgorithm.Bilinear];

    public static Command Create(TextWriter output)
    {
        var outDir = new Option<string>("--out") { Description = "Folder for the images.", DefaultValueFactory = _ => Path.Combine("artifacts", "demo") };
        var samples = new Option<string?>("--samples") { Description = "Folder of photos (default: the bundled samples/images)." };
        var size = new Option<string>("--size") { Description = "Target size WIDTHxHEIGHT.", DefaultValueFactory = _ => "224x224" };
        var command = new Command("demo", "Show the exact OpenCV models agreeing with OpenCV on the bundled photos.") { outDir, samples, size };
        command.SetAction(result => Run(output, result.GetValue(outDir)!, result.GetValue(samples), Choices.Size(result.GetValue(size)!)));
        return command;
    }

    private static int Run(TextWriter output, string outDir, string? samplesDir, ImageSize target)
    {
        string folder = samplesDir ?? FindBundledSamples();
        string[] files = SampleFiles.List(folder);
        Directory.CreateDirectory(outDir);
        output.WriteLine($"Scaling {files.Length} photos from {folder} to {target}; images go to {outDir}");
        output.WriteLine();
        output.WriteLine($"{"image",-16} {"source",-9} {"algorithm",-9} {"native = OpenCV",-16} {"managed = native",-17} {"native ms",9} {"OpenCV ms",9}");
        int mismatches = 0;
        foreach (string file in files)
        {
            using Mat image = ImageFiles.Read(file);
            string name = Path.GetFileNameWithoutExtension(file);
            var source = new ImageSize(image.Cols, image.Rows);
            foreach (ScalingAlgorithm algorithm in Algorithms)
            {
                using var native = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, source, target);
                using var managed = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, source, target, ScalingBackend.Managed);
                var clock = Stopwatch.StartNew();
                using Mat ours = native.Scale(image);
                double nativeMs = clock.Elapsed.TotalMilliseconds;
                using Mat baseline = managed.Scale(image);
                using Mat reference = new();
                clock.Restart();
                Cv2.Resize(image, reference, new Size(target.Width, target.Height), 0, 0,
                           algorithm == ScalingAlgorithm.Nearest ? InterpolationFlags.Nearest : InterpolationFlags.Linear);
                double opencvMs = clock.Elapsed.TotalMilliseconds;
                bool nativeEqual = SameBytes(ours, reference);
                bool managedEqual = SameBytes(baseline, ours);
                mismatches += (nativeEqual ? 0 : 1) + (managedEqual ? 0 : 1);
                string tag = algorithm.ToString().ToLowerInvariant();
                ImageFiles.Write(Path.Combine(outDir, $"{name}-{tag}-model.png"), ours);
                ImageFiles.Write(Path.Combine(outDir, $"{name}-{tag}-opencv.png"), reference);
                output.WriteLine($"{name,-16} {source,-9} {tag,-9} {Verdict(nativeEqual),-16} {Verdict(managedEqual),-17} {nativeMs,9:F2} {opencvMs,9:F2}");
            }
        }
        output.WriteLine();
        output.WriteLine(mismatches == 0
            ? "All outputs are byte-identical: the models reproduce cv::resize exactly."
            : $"{mismatches} comparisons differ: the models do not reproduce this OpenCV build.");
        return mismatches == 0 ? CliApp.Ok : CliApp.Failed;
    }

    private static string Verdict(bool equal) => equal ? "identical" : "DIFFERENT";

    private static bool SameBytes(Mat a, Mat b)
    {
        using Mat difference = new();
        Cv2.Absdiff(a, b, difference);
        return Cv2.CountNonZero(difference.Reshape(1)) == 0;
    }

    private static string FindBundledSamples()
    {
        foreach (string candidate in new[] { Path.Combine("samples", "images"), Path.Combine(AppContext.BaseDirectory, "samples", "images") })
        {
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new CliException("no samples/images folder found here or next to the executable; pass --samples <folder>");
    }
}
