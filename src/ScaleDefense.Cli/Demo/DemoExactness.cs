using OpenCvSharp;
using ScaleDefense.Cli.Imaging;
using ScaleDefense.OpenCvSharp;

namespace ScaleDefense.Cli.Demo;

/// <summary>The demo's last act: the exact models (native and managed) against OpenCV's own resize on every photo of the folder.</summary>
internal static class DemoExactness
{
    /// <summary>One line per photo and algorithm, and how many differ by any byte.</summary>
    public static (List<string> Lines, int Mismatches) Check(string[] files)
    {
        var lines = new List<string>();
        int mismatches = 0;
        var target = new ImageSize(224, 224);
        foreach (string file in files)
        {
            using Mat image = ImageFiles.Read(file, ResourceLimits.Default);
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

    private static bool SameBytes(Mat a, Mat b)
    {
        using Mat difference = new();
        Cv2.Absdiff(a, b, difference);
        using Mat samples = difference.Reshape(1);
        return Cv2.CountNonZero(samples) == 0;
    }
}
