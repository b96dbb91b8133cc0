using System.Globalization;
using System.Text;
using OpenCvSharp;
using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// The figures of docs/detection.md's weighted-median section: the benign cost of
/// <see cref="Reconstruction.WeightedMedian"/> (PSNR of the defended output against the plain scale) on the
/// bundled and the held-back photos, and its effect on the strong attack against OpenCV bicubic at β 2.7 and 4.
/// Explicit (minutes); writes artifacts/detection/weighted-median.md. Held-back photos: tools/detection/benign_photos.sh.
/// </summary>
[TestFixture]
[Explicit("measurement for the docs, minutes")]
public class WeightedMedianMeasurement
{
    private static readonly ImageSize Target = new(96, 96);
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    private static (ScalingLibrary Library, ScalingAlgorithm Algorithm, double Beta)[] Scalers { get; } =
    [
        (ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, 1.5), (ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, 2),
        (ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, 2.7), (ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, 3.3),
        (ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, 4), (ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, 6),
        (ScalingLibrary.OpenCV, ScalingAlgorithm.Lanczos, 2), (ScalingLibrary.OpenCV, ScalingAlgorithm.Lanczos, 2.7),
        (ScalingLibrary.OpenCV, ScalingAlgorithm.Lanczos, 4), (ScalingLibrary.OpenCV, ScalingAlgorithm.Lanczos, 6),
        (ScalingLibrary.TensorFlow, ScalingAlgorithm.Gaussian, 2), (ScalingLibrary.TensorFlow, ScalingAlgorithm.Gaussian, 2.7),
        (ScalingLibrary.TensorFlow, ScalingAlgorithm.Gaussian, 4), (ScalingLibrary.TensorFlow, ScalingAlgorithm.MitchellCubic, 2),
        (ScalingLibrary.TensorFlow, ScalingAlgorithm.MitchellCubic, 2.7), (ScalingLibrary.TensorFlow, ScalingAlgorithm.MitchellCubic, 4),
    ];

    private static List<(string Name, Mat Photo)> Photos(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f => (Path.GetFileNameWithoutExtension(f), Cv2.ImRead(f, ImreadModes.Color)))
                .Where(p => !p.Item2.Empty()).ToList()
            : [];

    private static byte[] AreaResize(Mat photo, ImageSize size)
    {
        using Mat dst = new();
        Cv2.Resize(photo, dst, new Size(size.Width, size.Height), 0, 0, InterpolationFlags.Area);
        return OpenCvReference.FromMat<byte>(dst, 3);
    }

    private static byte[] Scaled(ScalingModel model, byte[] pixels, ImageLayout layout) =>
        Array.ConvertAll(model.ScaleToFloat(pixels, layout), v => (byte)Math.Clamp(MathF.Round(v), 0, 255));

    [Test]
    public void Write_the_weighted_median_figures()
    {
        var bundled = Photos(Path.Combine(RepositoryPaths.Root, "samples", "images"));
        var heldBack = Photos(Path.Combine(RepositoryPaths.Root, "artifacts", "benign", "heldback"));
        var text = new StringBuilder();
        text.AppendLine(C, $"Benign cost: PSNR(scale(weighted-median(S)), scale(S)), target {Target}, each photo area-resized to the source size; bundled {bundled.Count}, held-back {heldBack.Count} photos.");
        text.AppendLine();
        text.AppendLine("| scaler | β | heavy rows × columns | bundled: min / median PSNR | held-back: min / median PSNR | below 20 dB |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach ((ScalingLibrary library, ScalingAlgorithm algorithm, double beta) in Scalers)
        {
            int side = (int)Math.Round(Target.Width * beta);
            var size = new ImageSize(side, side);
            var layout = new ImageLayout(side, side, 3);
            using var model = ScalingModel.Create(library, algorithm, size, Target);
            ConsideredPixels heavy = model.HeavyPixels;
            List<double> Cost(List<(string Name, Mat Photo)> photos) => photos.Select(p =>
            {
                byte[] source = AreaResize(p.Photo, size);
                var rebuilt = new byte[source.Length];
                model.Reconstruct(source, layout, rebuilt, layout, Reconstruction.WeightedMedian);
                return ImageMetrics.Psnr(Scaled(model, rebuilt, layout), Scaled(model, source, layout));
            }).Order().ToList();
            List<double> a = Cost(bundled), b = Cost(heldBack);
            string Range(List<double> v) => v.Count == 0 ? "—" : string.Create(C, $"{v[0]:F1} / {v[v.Count / 2]:F1}");
            text.AppendLine(C, $"| {library} {algorithm} | {beta} | {heavy.Rows.Length}×{heavy.Columns.Length} of {side}×{side}{(model.Considered.CoversImage ? " (r = 1)" : "")} | {Range(a)} | {Range(b)} | {a.Concat(b).Count(v => v < 20)}/{a.Count + b.Count} |");
        }
        text.AppendLine();
        text.AppendLine("Strong attack on OpenCV bicubic (target 48×48, photos area-resized), scaled output after each defense: PSNR to scale(S) / to T.");
        text.AppendLine();
        text.AppendLine("| β | source → target | PSNR(A, S) | plain: to T | median (rebuilds nothing): to scale(S) / to T | weighted median: to scale(S) / to T |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|");
        var all = bundled.Concat(heldBack).ToList();
        var small = new ImageSize(48, 48);
        foreach (int side in new[] { 130, 192 })
        {
            var size = new ImageSize(side, side);
            var layout = new ImageLayout(side, side, 3);
            using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, size, small, ScalingBackend.Native);
            for (int i = 0; i < all.Count; i += 2)
            {
                (string sName, Mat sPhoto) = all[i];
                (string tName, Mat tPhoto) = all[(i + 3) % all.Count];
                byte[] source = AreaResize(sPhoto, size), goal = AreaResize(tPhoto, small);
                AttackResult attack = new StrongScalingAttack(model).Run(source, layout, goal, new ImageLayout(48, 48, 3)).Attack;
                byte[] scaledSource = model.Scale(source, 3);
                string After(Reconstruction method)
                {
                    var rebuilt = new byte[source.Length];
                    model.Reconstruct(attack.Image, attack.Layout, rebuilt, layout, method);
                    byte[] scaled = model.Scale(rebuilt, 3);
                    return string.Create(C, $"{ImageMetrics.Psnr(scaled, scaledSource):F1} / {ImageMetrics.Psnr(scaled, goal):F1}");
                }
                text.AppendLine(C, $"| {side / 48.0:0.##} | {sName} → {tName} | {attack.Verification.PsnrAttackToSource:F1} | {ImageMetrics.Psnr(model.Scale(attack.Image, 3), goal):F1} | {After(Reconstruction.Median)} | {After(Reconstruction.WeightedMedian)} |");
            }
        }
        string outDir = Path.Combine(RepositoryPaths.Root, "artifacts", "detection");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "weighted-median.md"), text.ToString());
        TestContext.Out.Write(text.ToString());
        foreach ((string _, Mat photo) in all)
        {
            photo.Dispose();
        }
    }
}
