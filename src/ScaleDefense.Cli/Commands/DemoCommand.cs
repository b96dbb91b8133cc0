using System.CommandLine;
using System.Diagnostics;
using OpenCvSharp;
using ScaleDefense.Cli.Demo;
using ScaleDefense.OpenCvSharp;

namespace ScaleDefense.Cli.Commands;

/// <summary>
/// <c>scaledefense demo</c>: the whole story on the bundled photos — analysis, attack, defense —
/// as PNGs, a self-contained HTML report and a console table; then a check that the exact models
/// agree with OpenCV byte for byte.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter output)
    {
        var outDir = new Option<string>("--out") { Description = "Folder for the report and images.", DefaultValueFactory = _ => Path.Combine("artifacts", "demo") };
        var samples = new Option<string?>("--samples") { Description = "Folder of photos (default: the bundled samples/images)." };
        var source = new Option<string>("--source") { Description = "Name of the source photo in the folder.", DefaultValueFactory = _ => "astronaut" };
        var target = new Option<string>("--target") { Description = "Name of the target photo in the folder.", DefaultValueFactory = _ => "chelsea" };
        var size = new Option<string>("--size") { Description = "Target size WIDTHxHEIGHT.", DefaultValueFactory = _ => "100x100" };
        var command = new Command("demo", "Attack and defend the bundled photos, and check the models against OpenCV.") { outDir, samples, source, target, size };
        command.SetAction(result => Run(output, result.GetValue(outDir)!, result.GetValue(samples), result.GetValue(source)!, result.GetValue(target)!,
                                        Choices.Size(result.GetValue(size)!)));
        return command;
    }

    private static int Run(TextWriter output, string outDir, string? samplesDir, string sourceName, string targetName, ImageSize targetSize)
    {
        var clock = Stopwatch.StartNew();
        string folder = samplesDir ?? FindBundledSamples();
        string[] files = SampleFiles.List(folder);
        Directory.CreateDirectory(outDir);
        using Mat sourceImage = ImageFiles.Read(Pick(files, sourceName));
        using Mat targetPhoto = ImageFiles.Read(Pick(files, targetName));
        int channels = sourceImage.Channels();
        using Mat targetImage = TargetFrom(targetPhoto, targetSize, channels);
        var sourceSize = new ImageSize(sourceImage.Cols, sourceImage.Rows);
        byte[] source = Packed(sourceImage);
        byte[] target = Packed(targetImage);

        output.WriteLine($"Attack: make {sourceName} ({sourceSize}) scale to {targetName} ({targetSize}); then defend.");
        IReadOnlyList<DemoOutcome> outcomes = DemoRunner.Run(source, target, sourceSize, targetSize, channels, output);

        var images = new Dictionary<string, byte[]>
        {
            ["source"] = DemoRunner.Png(source, sourceSize, channels),
            ["target"] = DemoRunner.Png(target, targetSize, channels),
        };
        foreach (DemoOutcome o in outcomes)
        {
            Add(images, $"{o.Scenario.Slug}-attack", o.Attack?.Image, sourceSize, channels);
            Add(images, $"{o.Scenario.Slug}-scaled-attack", o.ScaledAttack, targetSize, channels);
            Add(images, $"{o.Scenario.Slug}-median", o.DefendedMedian, targetSize, channels);
            Add(images, $"{o.Scenario.Slug}-random", o.DefendedRandom, targetSize, channels);
        }
        foreach ((string key, byte[] png) in images)
        {
            File.WriteAllBytes(Path.Combine(outDir, key + ".png"), png);
        }
        foreach (DemoOutcome o in outcomes.Where(o => o.Attack is not null && o.ScaledAttack is not null && o.DefendedMedian is not null))
        {
            DemoStory.Write(Path.Combine(outDir, $"{o.Scenario.Slug}-story.png"), source, o, sourceSize, targetSize, channels);
        }

        output.WriteLine();
        output.WriteLine($"{"scaler",-16} {"verdict",-16} {"PSNR(A,S)",9} {"PSNR(sA,T)",10} {"median→S/T",12} {"random→S/T",12} {"median ms",9} {"random ms",9}");
        foreach (DemoOutcome o in outcomes)
        {
            output.WriteLine($"{o.Scenario.Title,-16} {o.Report.Verdict,-16} {Db(o.Attack?.Verification.PsnrAttackToSource),9} {Db(o.Attack?.Verification.PsnrScaledToTarget),10} " +
                             $"{Db(o.MedianToSourceDb) + "/" + Db(o.MedianToTargetDb),12} {Db(o.RandomToSourceDb) + "/" + Db(o.RandomToTargetDb),12} " +
                             $"{o.MedianTime.TotalMilliseconds,9:F1} {o.RandomTime.TotalMilliseconds,9:F1}");
        }
        foreach (DemoOutcome o in outcomes.Where(o => o.Attack is null))
        {
            output.WriteLine($"  {o.Scenario.Title}: no attack shown — {o.AttackNote}");
        }

        output.WriteLine();
        output.WriteLine("Exact models vs OpenCV on the bundled photos:");
        (List<string> exactness, int mismatches) = CheckExactness(files);
        foreach (string line in exactness)
        {
            output.WriteLine("  " + line);
        }

        string report = Path.Combine(outDir, "report.html");
        File.WriteAllText(report, DemoReport.Html(outcomes, images, exactness, sourceName, targetName, sourceSize, targetSize));
        output.WriteLine();
        output.WriteLine($"Report: {report}  ({clock.Elapsed.TotalSeconds:F1} s)");
        return mismatches == 0 ? CliApp.Ok : CliApp.Failed;
    }

    private static (List<string> Lines, int Mismatches) CheckExactness(string[] files)
    {
        var lines = new List<string>();
        int mismatches = 0;
        var target = new ImageSize(224, 224);
        foreach (string file in files)
        {
            using Mat image = ImageFiles.Read(file);
            var size = new ImageSize(image.Cols, image.Rows);
            foreach ((ScalingAlgorithm algorithm, InterpolationFlags flags) in new[] { (ScalingAlgorithm.Nearest, InterpolationFlags.Nearest), (ScalingAlgorithm.Bilinear, InterpolationFlags.Linear), (ScalingAlgorithm.Area, InterpolationFlags.Area), (ScalingAlgorithm.Lanczos, InterpolationFlags.Lanczos4) })
            {
                using var native = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, size, target);
                using var managed = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, size, target, ScalingBackend.Managed);
                using Mat ours = native.Scale(image);
                using Mat baseline = managed.Scale(image);
                using Mat reference = new();
                Cv2.Resize(image, reference, new Size(target.Width, target.Height), 0, 0, flags);
                bool same = SameBytes(ours, reference) && SameBytes(baseline, ours);
                mismatches += same ? 0 : 1;
                lines.Add($"{Path.GetFileName(file)} {size} -> {target} {algorithm}: {(same ? "native = managed = cv::resize, byte for byte" : "DIFFERENT")}");
            }
        }
        return (lines, mismatches);
    }

    private static string Db(double? value) => value is null ? "-" : double.IsPositiveInfinity(value.Value) ? "inf" : value.Value.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);

    private static void Add(Dictionary<string, byte[]> images, string key, byte[]? pixels, ImageSize size, int channels)
    {
        if (pixels is not null)
        {
            images[key] = DemoRunner.Png(pixels, size, channels);
        }
    }

    private static string Pick(string[] files, string name) =>
        files.FirstOrDefault(f => Path.GetFileNameWithoutExtension(f).Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new CliException($"no photo named '{name}' among: {string.Join(", ", files.Select(Path.GetFileNameWithoutExtension))}");

    // The target photo, centre-cropped to the target's aspect ratio and area-resized, with the source's channel count.
    private static Mat TargetFrom(Mat photo, ImageSize size, int channels)
    {
        double aspect = (double)size.Width / size.Height;
        int w = Math.Min(photo.Cols, (int)Math.Round(photo.Rows * aspect));
        int h = Math.Min(photo.Rows, (int)Math.Round(w / aspect));
        using Mat crop = new(photo, new Rect((photo.Cols - w) / 2, (photo.Rows - h) / 2, w, h));
        using Mat resized = new();
        Cv2.Resize(crop, resized, new Size(size.Width, size.Height), 0, 0, InterpolationFlags.Area);
        Mat converted = new();
        ColorConversionCodes? code = (resized.Channels(), channels) switch
        {
            (1, 3) => ColorConversionCodes.GRAY2BGR,
            (3, 1) => ColorConversionCodes.BGR2GRAY,
            (4, 3) => ColorConversionCodes.BGRA2BGR,
            (3, 4) => ColorConversionCodes.BGR2BGRA,
            _ => null,
        };
        if (code is { } c)
        {
            Cv2.CvtColor(resized, converted, c);
        }
        else
        {
            resized.CopyTo(converted);
        }
        return converted;
    }

    private static byte[] Packed(Mat image)
    {
        int channels = image.Channels();
        int rows = image.Rows;
        int row = image.Cols * channels;
        var pixels = new byte[rows * row];
        unsafe
        {
            for (int y = 0; y < rows; y++)
            {
                new ReadOnlySpan<byte>((void*)image.Ptr(y), row).CopyTo(pixels.AsSpan(y * row));
            }
        }
        return pixels;
    }

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
