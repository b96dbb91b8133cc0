using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// The detectors on constructed cases (an attack image scores above its source, per detector, on
/// the bundled photos), native and managed scores agreeing, the verdict's rules, and thresholds files.
/// </summary>
[TestFixture]
public class DetectionTests
{
    private static readonly ReconstructionOptions Seeded = new() { Seed = 11 };

    private static (byte[] Pixels, ImageLayout Layout) Source(string name, ImageSize size)
    {
        SamplePhotos.Photo photo = SamplePhotos.Load(name);
        return (SamplePhotos.AreaResize(photo, size), new ImageLayout(size.Width, size.Height, photo.Layout.Channels));
    }

    private static byte[] Target(string name, ImageSize size, int channels)
    {
        SamplePhotos.Photo photo = SamplePhotos.Load(name);
        Assume.That(photo.Layout.Channels, Is.EqualTo(channels));
        return SamplePhotos.AreaResize(photo, size);
    }

    private static IEnumerable<TestCaseData> AttackCases()
    {
        // Pairs of colour photos: (source, target). Bilinear at β = 4 has a sparse P; bicubic at β = 3 reads every pixel (dense P).
        string[][] pairs = [["astronaut", "chelsea"], ["chelsea", "coffee"], ["coffee", "rocket"], ["rocket", "astronaut"]];
        foreach (string[] p in pairs)
        {
            yield return new TestCaseData(ScalingAlgorithm.Bilinear, 4, p[0], p[1]).SetName($"Attack_scores_above_source(Bilinear, β=4, {p[0]}->{p[1]})");
            yield return new TestCaseData(ScalingAlgorithm.Bicubic, 3, p[0], p[1]).SetName($"Attack_scores_above_source(Bicubic, β=3, {p[0]}->{p[1]})");
        }
    }

    [TestCaseSource(nameof(AttackCases))]
    public void Attack_scores_above_source(ScalingAlgorithm algorithm, int beta, string sourceName, string targetName)
    {
        var target = new ImageSize(48, 48);
        var sourceSize = new ImageSize(48 * beta, 48 * beta);
        (byte[] source, ImageLayout layout) = Source(sourceName, sourceSize);
        byte[] goal = Target(targetName, target, layout.Channels);
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, sourceSize, target, ScalingBackend.Native);
        AttackResult attack = new StrongScalingAttack(model).Run(source, layout, goal, new ImageLayout(48, 48, layout.Channels)).Attack;
        var detector = new AttackDetector(new AttackDetectorOptions { Filter = Seeded });
        DetectionReport clean = detector.Detect(model, source, layout);
        DetectionReport attacked = detector.Detect(model, attack.Image, attack.Layout);
        var applying = clean.Scores.Where(s => s.Applies).Select(s => s.Detector).ToList();
        Assert.That(applying, Has.Count.GreaterThanOrEqualTo(3), "detectors that apply to " + model);
        Assert.Multiple(() =>
        {
            foreach (DetectorKind d in applying)
            {
                Assert.That(attacked[d].Score, Is.GreaterThan(clean[d].Score), $"{d}: the attack image must score above its source");
            }
            Assert.That(attacked.Verdict, Is.EqualTo(DetectionVerdict.Suspicious), attacked.ToString());
            Assert.That(clean.Verdict, Is.EqualTo(DetectionVerdict.Clean), clean.ToString());
        });
    }

    [Test]
    public void SecureScaler_reports_the_reconstruction_difference_as_its_suspicion()
    {
        var size = new ImageSize(192, 192);
        var target = new ImageSize(48, 48);
        (byte[] source, ImageLayout layout) = Source("chelsea", size);
        byte[] goal = Target("coffee", target, layout.Channels);
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, size, target);
        AttackResult attack = new StrongScalingAttack(model).Run(source, layout, goal, new ImageLayout(48, 48, 3)).Attack;
        using var scaler = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, target, new SecureScalerOptions { Reconstruction = Reconstruction.Median });
        var output = new byte[48 * 48 * 3];
        var outLayout = new ImageLayout(48, 48, 3);
        scaler.Resize(source, layout, output, outLayout, out Suspicion clean);
        byte[] plainDefended = new byte[output.Length];
        scaler.Resize(source, layout, plainDefended, outLayout);
        Assert.That(output, Is.EqualTo(plainDefended), "the suspicion does not change the defended output");
        scaler.Resize(attack.Image, attack.Layout, output, outLayout, out Suspicion attacked);
        Assert.Multiple(() =>
        {
            Assert.That(clean.Score, Is.EqualTo(model.ReconstructionDifference(source, layout, Reconstruction.Median, ReconstructionOptions.Default)).Within(1e-9));
            Assert.That(clean.IsSuspicious, Is.False, clean.ToString());
            Assert.That(attacked.IsSuspicious, Is.True, attacked.ToString());
            Assert.That(attacked.Detector, Is.EqualTo(DetectorKind.ReconstructionMedian));
        });
        using var robust = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Area, target);
        robust.Resize(attack.Image, attack.Layout, output, outLayout, out Suspicion none);
        Assert.That(none.IsSuspicious, Is.False);
        Assert.That(none.Note, Does.Contain("robust"));
    }

    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest)]
    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear)]
    [TestCase(ScalingLibrary.Pillow, ScalingAlgorithm.Nearest)]
    [TestCase(ScalingLibrary.TensorFlow1, ScalingAlgorithm.Bilinear)]
    public void Native_and_managed_reconstruction_difference_agree(ScalingLibrary library, ScalingAlgorithm algorithm)
    {
        // Both sum the same squared differences of identical scaled outputs in the same order; 1e-9 leaves room for nothing else.
        var sourceSize = new ImageSize(150, 120);
        var target = new ImageSize(37, 29);
        (byte[] source, ImageLayout layout) = Source("coffee", sourceSize);
        using var native = ScalingModel.Create(library, algorithm, sourceSize, target, ScalingBackend.Native);
        using var managed = ScalingModel.Create(library, algorithm, sourceSize, target, ScalingBackend.Managed);
        foreach (Reconstruction method in new[] { Reconstruction.Median, Reconstruction.Random })
        {
            double a = native.ReconstructionDifference(source, layout, method, Seeded);
            double b = managed.ReconstructionDifference(source, layout, method, Seeded);
            Assert.That(a, Is.GreaterThan(0));
            Assert.That(b, Is.EqualTo(a).Within(1e-9), method.ToString());
        }
    }

    [Test]
    public void Padded_rows_score_as_packed_ones()
    {
        var size = new ImageSize(120, 90);
        (byte[] packed, ImageLayout layout) = Source("rocket", size);
        var padded = new ImageLayout(size.Width, size.Height, layout.Channels, layout.RowStride + 7);
        byte[] withPadding = new byte[padded.RequiredLength];
        for (int y = 0; y < size.Height; y++)
        {
            packed.AsSpan(y * layout.RowStride, layout.RowStride).CopyTo(withPadding.AsSpan(y * padded.RowStride));
        }
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, size, new ImageSize(30, 30));
        var detector = new AttackDetector(new AttackDetectorOptions { Filter = Seeded });
        DetectionReport a = detector.Detect(model, packed, layout);
        DetectionReport b = detector.Detect(model, withPadding, padded);
        Assert.That(b.Scores.Select(s => s.Score), Is.EqualTo(a.Scores.Select(s => s.Score)));
    }

    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Area)]
    [TestCase(ScalingLibrary.Pillow, ScalingAlgorithm.Bilinear)]
    [TestCase(ScalingLibrary.Pillow, ScalingAlgorithm.Bicubic)]
    public void Robust_scalers_never_flag(ScalingLibrary library, ScalingAlgorithm algorithm)
    {
        foreach (string name in SamplePhotos.Names)
        {
            var size = new ImageSize(200, 160);
            (byte[] source, ImageLayout layout) = Source(name, size);
            using var model = ScalingModel.Create(library, algorithm, size, new ImageSize(40, 32));
            DetectionReport report = model.Detect(source, layout);
            Assert.That(report.Verdict, Is.EqualTo(DetectionVerdict.Clean), report.ToString());
            Assert.That(report.Scores.All(s => !s.Applies), Is.True);
            Assert.That(report.Reason, Does.Contain("robust"));
        }
    }

    [Test]
    public void Calibration_is_reproducible_for_a_seed()
    {
        var images = SamplePhotos.Names.Select(n => SamplePhotos.Load(n)).Select(p => new CalibrationImage(p.Pixels, p.Layout)).ToList();
        var options = new CalibrationOptions { Seed = 5, CropsPerImage = 8, BandStarts = [1, 4], MaxRatio = 8 };
        DetectionThresholds first = ThresholdCalibration.Calibrate(images, ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, new ImageSize(40, 40), options);
        DetectionThresholds second = ThresholdCalibration.Calibrate(images, ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, new ImageSize(40, 40), options);
        Assert.That(second.ToJson(), Is.EqualTo(first.ToJson()));
        Assert.That(first.Entries, Is.Not.Empty);
        DetectionThresholds again = DetectionThresholds.Parse(first.ToJson());
        Assert.That(again.ToJson(), Is.EqualTo(first.ToJson()), "a written table reads back unchanged");
        DetectionThresholds other = ThresholdCalibration.Calibrate(images, ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, new ImageSize(40, 40), options with { Seed = 6 });
        Assert.That(other.ToJson(), Is.Not.EqualTo(first.ToJson()), "the seed drives the crops");
    }

    [Test]
    public void The_quantile_leaves_at_most_the_rate_above()
    {
        double[] sorted = Enumerable.Range(1, 200).Select(i => (double)i).ToArray();
        double t = ThresholdCalibration.Quantile(sorted, 0.99);
        Assert.That(sorted.Count(v => v > t), Is.LessThanOrEqualTo(2));
        Assert.That(t, Is.EqualTo(198));
    }

    [Test]
    public void The_shipped_table_covers_the_opencv_scalers()
    {
        DetectionThresholds shipped = DetectionThresholds.Shipped;
        Assert.That(shipped.FalsePositiveRate, Is.EqualTo(0.01));
        foreach (ScalingAlgorithm a in new[] { ScalingAlgorithm.Nearest, ScalingAlgorithm.Bilinear, ScalingAlgorithm.Bicubic })
        {
            foreach (double beta in new[] { 2.5, 5.0, 9.0 })
            {
                Assert.That(shipped.Find(ScalingLibrary.OpenCV, a, false, beta), Is.Not.Null, $"{a} at β {beta}");
            }
        }
    }

    [TestCase("not json", "is not a thresholds file")]
    [TestCase("{\"format\":\"other\"}", "expected \"format\"")]
    [TestCase("{\"format\":\"scaledefense-thresholds/1\",\"fpr\":2}", "fpr must be in (0, 1)")]
    [TestCase("{\"format\":\"scaledefense-thresholds/1\",\"fpr\":0.01,\"entries\":[{\"library\":\"OpenCV\",\"algorithm\":\"Bilinear\",\"thresholds\":{\"Nope\":1}}]}", "unknown detector \"Nope\"")]
    [TestCase("{\"format\":\"scaledefense-thresholds/1\",\"fpr\":0.01,\"entries\":[{\"library\":\"Magick\",\"algorithm\":\"Bilinear\"}]}", "unknown library")]
    public void Bad_thresholds_text_is_one_line(string json, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => DetectionThresholds.Parse(json, "t.json"));
        Assert.That(e!.Message, Does.Contain(message).And.Not.Contain("\n"));
    }

    [Test]
    public void Wrong_sizes_are_refused()
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, new ImageSize(100, 100), new ImageSize(25, 25));
        var e = Assert.Throws<ArgumentException>(() => model.Detect(new byte[80 * 80 * 3], new ImageLayout(80, 80, 3)));
        Assert.That(e!.Message, Does.Contain("this model scales 100x100"));
        Assert.Throws<ArgumentException>(() => model.Detect(new byte[10], new ImageLayout(100, 100, 3)));
        Assert.Throws<ArgumentException>(() => new AttackDetector(new AttackDetectorOptions { Detectors = new HashSet<DetectorKind>() }));
    }

    [Test]
    public void Cli_detect_exits_0_for_a_photo_and_3_for_an_attack()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sd-detect-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var size = new ImageSize(192, 192);
            (byte[] source, ImageLayout layout) = Source("coffee", size);
            byte[] goal = Target("astronaut", new ImageSize(48, 48), layout.Channels);
            using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, size, new ImageSize(48, 48));
            AttackResult attack = new StrongScalingAttack(model).Run(source, layout, goal, new ImageLayout(48, 48, 3)).Attack;
            string photo = Path.Combine(dir, "photo.png"), attacked = Path.Combine(dir, "attack.png");
            global::OpenCvSharp.Cv2.ImWrite(photo, OpenCvReference.ToMat(source, size, global::OpenCvSharp.MatType.CV_8UC3, 3));
            global::OpenCvSharp.Cv2.ImWrite(attacked, OpenCvReference.ToMat(attack.Image, size, global::OpenCvSharp.MatType.CV_8UC3, 3));
            (int code, string output, _) = CliRunner.Run("detect", photo, "--library", "opencv", "--algorithm", "bilinear", "--size", "48x48", "--seed", "3");
            Assert.That(code, Is.Zero, output);
            Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1 + Enum.GetValues<DetectorKind>().Length));
            (code, output, _) = CliRunner.Run("detect", attacked, "--library", "opencv", "--algorithm", "bilinear", "--size", "48x48", "--json");
            Assert.That(code, Is.EqualTo(3), output);
            Assert.That(output, Does.Contain("\"verdict\": \"Suspicious\""));
            string bad = Path.Combine(dir, "bad.json");
            File.WriteAllText(bad, "{ nope");
            (code, _, string error) = CliRunner.Run("detect", photo, "--algorithm", "bilinear", "--size", "48x48", "--thresholds", bad);
            CliRunner.AssertOneLineError(code, error, "is not a thresholds file");
            (code, _, error) = CliRunner.Run("detect", photo, "--library", "pillow", "--algorithm", "area", "--size", "48x48");
            CliRunner.AssertOneLineError(code, error, "Pillow has no algorithm Area");
            (code, _, error) = CliRunner.Run("detect", photo, "--algorithm", "bilinear", "--size", "0x48");
            CliRunner.AssertOneLineError(code, error, "0x48");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
