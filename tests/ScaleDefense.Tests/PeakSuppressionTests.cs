using OpenCvSharp;
using ScaleDefense.Cli;
using ScaleDefense.Cli.Eval;
using ScaleDefense.Cli.Imaging;
using ScaleDefense.Detection;

namespace ScaleDefense.Tests;

/// <summary>The adaptive attack against the peak-spectrum detector, and eval-detect --peaks end to end.</summary>
[TestFixture]
public class PeakSuppressionTests
{
    private static PackedImage Photo(string name, ImageSize size)
    {
        SamplePhotos.Photo photo = SamplePhotos.Load(name);
        return PackedImage.Of(SamplePhotos.AreaResize(photo, size), size, photo.Layout.Channels);
    }

    [TestCase(ScalingAlgorithm.Nearest)]
    [TestCase(ScalingAlgorithm.Bilinear)]
    public void Notching_the_change_lowers_the_peak_score_and_costs_the_attack_its_target(ScalingAlgorithm algorithm)
    {
        var size = new ImageSize(200, 200);
        var target = new ImageSize(40, 40);
        PackedImage source = Photo("coffee", size), goal = Photo("chelsea", target);
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, size, target);
        PackedImage attack = PackedImage.Of(AttackPlanner.Attack(model, source, goal, 1.0));
        PackedImage suppressed = PeakSuppression.Apply(attack, source, target, 2);
        double before = PeakSpectrum.Score(attack.Pixels, attack.Layout, target);
        double after = PeakSpectrum.Score(suppressed.Pixels, suppressed.Layout, target);
        double clean = PeakSpectrum.Score(source.Pixels, source.Layout, target);
        Assert.Multiple(() =>
        {
            Assert.That(after, Is.LessThan(before), "the peaks are what the notch removes");
            Assert.That(after - clean, Is.LessThan((before - clean) / 2), "at least half the excess over the photo goes");
            Assert.That(ImageMetrics.Psnr(suppressed.Pixels, source.Pixels), Is.GreaterThan(ImageMetrics.Psnr(attack.Pixels, source.Pixels)), "less change, not more");
            Assert.That(ImageMetrics.Psnr(model.Scale(suppressed.Pixels, 3), goal.Pixels), Is.LessThan(ImageMetrics.Psnr(model.Scale(attack.Pixels, 3), goal.Pixels)),
                        "the low frequencies of the target go with the peaks");
        });
    }

    [Test]
    public void Without_a_change_nothing_moves_and_a_thin_notch_barely_touches_a_photo_difference()
    {
        // A notch of half-width 0 removes only the bins m·target themselves: little of a difference between two photos.
        var size = new ImageSize(120, 90);
        PackedImage source = Photo("rocket", size), attack = Photo("astronaut", size);
        PackedImage same = PeakSuppression.Apply(attack, attack, new ImageSize(30, 30), 1);
        Assert.That(same.Pixels, Is.EqualTo(attack.Pixels), "no change, nothing to filter");
        PackedImage filtered = PeakSuppression.Apply(attack, source, new ImageSize(30, 30), 0);
        Assert.That(ImageMetrics.Psnr(filtered.Pixels, attack.Pixels), Is.GreaterThan(25));
    }

    [Test]
    public void Eval_detect_with_peaks_reports_the_suppressed_attacks()
    {
        string folder = Directory.CreateTempSubdirectory("sd-evaldetect-").FullName;
        try
        {
            string images = Path.Combine(folder, "images"), output = Path.Combine(folder, "out");
            Directory.CreateDirectory(images);
            foreach (string name in new[] { "chelsea", "coffee", "astronaut" })
            {
                using Mat photo = Cv2.ImRead(Path.Combine(RepositoryPaths.Root, "samples", "images", name + ".png"), ImreadModes.Color);
                using Mat small = new();
                Cv2.Resize(photo, small, new Size(240, 240), 0, 0, InterpolationFlags.Area);
                Cv2.ImWrite(Path.Combine(images, name + ".png"), small);
            }
            var (code, stdout, error) = CliRunner.Run("eval-detect", "--images", images, "--out", output, "--scalers", "opencv:nearest,opencv:area",
                                                      "--pairs", "3", "--size", "24x24", "--peaks");
            Assert.That(code, Is.Zero, error);
            string[] csv = File.ReadAllLines(Path.Combine(output, "scores.csv"));
            Assert.That(csv.Count(l => l.StartsWith("opencv:nearest,", StringComparison.Ordinal) && l.Contains(",peaks,", StringComparison.Ordinal)), Is.EqualTo(3));
            Assert.That(csv.Count(l => l.StartsWith("opencv:area,", StringComparison.Ordinal) && l.Contains(",peaks,", StringComparison.Ordinal)), Is.Zero, "a robust scaler has no peaks to hide");
            Assert.That(stdout, Does.Contain("peaks suppressed: flagged").And.Contain("| opencv:nearest | peaks |"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
