using System.Globalization;
using OpenCvSharp;
using ScaleDefense.Cli;
using ScaleDefense.Cli.Eval;
using ScaleDefense.Cli.Imaging;

namespace ScaleDefense.Tests;

/// <summary>`scaledefense eval`, run in-process on small copies of the sample photos.</summary>
[TestFixture]
public class EvalTests
{
    private string _folder = "";
    private string _images = "";
    private string _out = "";

    [SetUp]
    public void CreateFolders()
    {
        _folder = Directory.CreateTempSubdirectory("sd-eval-").FullName;
        _images = Path.Combine(_folder, "images");
        _out = Path.Combine(_folder, "out");
        Directory.CreateDirectory(_images);
        // Small photos keep the test fast; 200 px still gives targets of ≥ 20 px at β < 10.
        foreach ((string name, int width, int height) in new[] { ("chelsea", 210, 140), ("astronaut", 200, 200), ("coffee", 240, 160) })
        {
            using Mat photo = Cv2.ImRead(Path.Combine(RepositoryPaths.Root, "samples", "images", name + ".png"), ImreadModes.Unchanged);
            using Mat small = new();
            Cv2.Resize(photo, small, new Size(width, height), 0, 0, InterpolationFlags.Area);
            Cv2.ImWrite(Path.Combine(_images, name + ".png"), small);
        }
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static (int Code, string Output, string Error) Run(params string[] args) => CliRunner.Run(args);

    private (int Code, string Output, string Error) Eval(params string[] extra) =>
        Run(["eval", "--images", _images, "--out", _out, "--pairs", "1", .. extra]);

    private List<EvalRow> CsvRows() =>
        File.ReadAllLines(Path.Combine(_out, "results.csv")).Skip(1).Select(l => ResultsCsv.TryParse(l) ?? throw new FormatException(l)).ToList();

    [Test]
    public void A_small_eval_writes_csv_tables_charts_and_a_self_contained_report()
    {
        var (code, output, error) = Eval("--scalers", "opencv:nearest,pillow:bicubic");
        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("[10/10]").And.Contain("opencv:nearest"));

        List<EvalRow> rows = CsvRows();
        Assert.That(rows.Count(r => r.Measurement == "complete"), Is.EqualTo(10), "5 buckets × 1 pair × 2 scalers");
        Assert.That(File.ReadLines(Path.Combine(_out, "results.csv")).Skip(1).First(), Does.StartWith("0,\"[2,3)\","), "the bucket's comma is quoted");
        var expectedBuckets = new[] { (2.0, 3.0), (3.0, 4.0), (4.0, 5.0), (5.0, 7.5), (7.5, 10.0) };
        foreach (EvalRow row in rows.Where(r => r.Measurement == "complete"))
        {
            // The bucket must hold min(W/W', H/H') computed here from the sizes in the row.
            (double low, double high) = expectedBuckets.Single(b => row.Bucket == string.Create(CultureInfo.InvariantCulture, $"[{b.Item1},{b.Item2})"));
            double beta = Math.Min((double)row.SourceSize.Width / row.TargetSize.Width, (double)row.SourceSize.Height / row.TargetSize.Height);
            Assert.That(beta, Is.GreaterThanOrEqualTo(low).And.LessThan(high), row.ToString());
            Assert.That(row.Source, Is.Not.EqualTo(row.Target), "source and target differ");
        }
        // Writing T into P makes nearest scaling return T exactly: O1 holds for every case.
        Assert.That(rows.Where(r => r.Scaler == "opencv:nearest" && r.Measurement == "attack.o1_max_diff").Select(r => r.Value), Is.EqualTo(new double?[] { 0, 0, 0, 0, 0 }));
        // Pillow bicubic is attacked with the strong attack, which must visibly destroy the source (the paper's negative result).
        Assert.That(rows.Where(r => r.Scaler == "pillow:bicubic" && r.Measurement == "attack.available").Select(r => r.Value), Is.EqualTo(new double?[] { 1, 1, 1, 1, 1 }));
        Assert.That(rows.Where(r => r.Scaler == "pillow:bicubic" && r.Measurement == "attack.psnr_attack_source").Select(r => r.Value), Has.All.LessThan(15.0));
        // Adaptive attacks run where P is sparse (nearest) and not where every pixel is read (Pillow bicubic).
        Assert.That(rows.Where(r => r.Scaler == "opencv:nearest" && r.Measurement == "adaptive.median.available").Select(r => r.Value), Has.All.EqualTo(1.0));
        Assert.That(rows.Where(r => r.Scaler == "pillow:bicubic" && r.Measurement == "adaptive.median.available").Select(r => r.Value), Has.All.EqualTo(0.0));

        string summary = File.ReadAllText(Path.Combine(_out, "summary.md"));
        Assert.That(summary, Does.Contain("| opencv:nearest | Vulnerable | 5 | 5 | 100% |").And.Contain("P is not sparse"));
        foreach (string chart in Directory.GetFiles(_out, "chart-*.png"))
        {
            Assert.That(File.ReadAllBytes(chart).Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }), chart);
        }
        Assert.That(Directory.GetFiles(_out, "chart-*.png"), Has.Length.EqualTo(5));
        string html = File.ReadAllText(Path.Combine(_out, "report.html"));
        Assert.That(html, Does.Contain("data:image/png;base64,").And.Not.Contain("src=\"file:").And.Not.Contain("src=\"chart"));
        Assert.That(html.Split("<img").Length - 1, Is.EqualTo(5 + 1 + 2 + 4 + 4), "5 charts, nearest's ROC, the pair, 4 attack images each for nearest and Pillow bicubic");

        // Detection: every image scored and judged; the robust scaler is never flagged and has no detector that applies.
        Assert.That(rows.Where(r => r.Measurement == "detect.benign.flagged"), Has.Exactly(10).Items);
        Assert.That(rows.Where(r => r.Measurement == "detect.attack.flagged"), Has.Exactly(10).Items);
        Assert.That(rows.Where(r => r.Scaler == "pillow:bicubic" && r.Measurement.EndsWith(".flagged", StringComparison.Ordinal)).Select(r => r.Value), Has.All.EqualTo(0.0));
        Assert.That(rows.Where(r => r.Scaler == "pillow:bicubic" && r.Measurement.StartsWith("detect.benign.", StringComparison.Ordinal)).Select(r => r.Measurement),
                    Has.All.EqualTo("detect.benign.flagged"), "only the verdict: no detector applies");
        Assert.That(rows.Where(r => r.Scaler == "opencv:nearest" && r.Measurement == "detect.attack.PeakSpectrum"), Has.Exactly(5).Items);
        Assert.That(rows.Where(r => r.Scaler == "opencv:nearest" && r.Measurement == "detect.adaptive-median.flagged"), Has.Exactly(5).Items, "scored at the largest δ");
        Assert.That(summary, Does.Contain("## Detection").And.Contain("| opencv:nearest | attack | PeakSpectrum |").And.Contain("| pillow:bicubic | benign | verdict (shipped thresholds) | — | — | 0/5 |"));
        Assert.That(File.Exists(Path.Combine(_out, "roc-opencv-nearest.png")), Is.True);
        Assert.That(File.Exists(Path.Combine(_out, "roc-pillow-bicubic.png")), Is.False, "no detector applies to a robust scaler");
    }

    [Test]
    public void Running_again_skips_what_is_done_and_drops_an_interrupted_combination()
    {
        Assert.That(Eval("--scalers", "opencv:nearest").Code, Is.Zero);
        string csv = Path.Combine(_out, "results.csv");
        string[] first = File.ReadAllLines(csv);
        // Simulate an interrupt: a combination that never reached "complete", and a half-written line.
        File.AppendAllText(csv, "0,\"[2,3)\",2.5,chelsea,coffee,210x140,84x56,opencv:area,analysis.verdict,0,Robust\n0,\"[2,3)\",2.5,chel");

        var (code, output, error) = Eval("--scalers", "opencv:nearest,opencv:area");
        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("resuming: 5 of 10"));
        Assert.That(output, Does.Not.Contain("[1/10]").And.Contain("[6/10]").And.Contain("[10/10]"));
        string[] second = File.ReadAllLines(csv);
        Assert.That(second.Take(first.Length), Is.EqualTo(first), "earlier rows kept as they were");
        Assert.That(second.Count(l => l.EndsWith(",complete,1,", StringComparison.Ordinal)), Is.EqualTo(10));
        Assert.That(second.Count(l => l.Contains("opencv:area,analysis.verdict", StringComparison.Ordinal)), Is.EqualTo(5), "the interrupted row is gone");

        (code, output, _) = Eval("--scalers", "opencv:nearest,opencv:area");
        Assert.That(code, Is.Zero);
        Assert.That(output, Does.Contain("resuming: 10 of 10").And.Not.Contain("[10/10]"));
        Assert.That(File.ReadAllLines(csv), Has.Length.EqualTo(second.Length));
    }

    [Test]
    public void Resuming_with_another_seed_is_refused()
    {
        Assert.That(Eval("--scalers", "opencv:nearest", "--seed", "1").Code, Is.Zero);
        var (code, _, error) = Eval("--scalers", "opencv:nearest", "--seed", "2");
        Assert.That(code, Is.Not.Zero);
        Assert.That(error, Does.StartWith("error: ").And.Contain("other settings"));
    }

    [Test]
    public void A_corrupt_image_is_reported_and_skipped()
    {
        File.WriteAllText(Path.Combine(_images, "x.png"), "this is text, not a PNG");
        var (code, output, error) = Eval("--scalers", "opencv:nearest");
        Assert.That(code, Is.Zero, error);
        Assert.That(error, Does.StartWith("warning: skipping").And.Contain("x.png"));
        Assert.That(error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(output, Does.Contain("[5/5]"));
        Assert.That(CsvRows().Where(r => r.Source == "x" || r.Target == "x"), Is.Empty);
    }

    [TestCase("missing-folder", "does not exist")]
    [TestCase("no-images", "holds no images")]
    [TestCase("one-image", "at least two readable images")]
    [TestCase("unknown-scaler", "unknown scaler 'pillow:area'")]
    [TestCase("unknown-library", "unknown library 'gimp'")]
    [TestCase("no-colon", "expected library:algorithm")]
    [TestCase("zero-pairs", "--pairs must be at least 1")]
    [TestCase("model", "unknown model 'resnet50' (supported: resnet18)")]
    [TestCase("no-out", "--out")]
    public void Bad_arguments_give_one_clear_line(string scenario, string message)
    {
        string empty = Path.Combine(_folder, "empty");
        Directory.CreateDirectory(empty);
        string single = Path.Combine(_folder, "single");
        Directory.CreateDirectory(single);
        File.Copy(Path.Combine(_images, "chelsea.png"), Path.Combine(single, "chelsea.png"));
        string[] args = scenario switch
        {
            "missing-folder" => ["eval", "--images", Path.Combine(_folder, "nope"), "--out", _out],
            "no-images" => ["eval", "--images", empty, "--out", _out],
            "one-image" => ["eval", "--images", single, "--out", _out],
            "unknown-scaler" => ["eval", "--images", _images, "--out", _out, "--scalers", "opencv:nearest,pillow:area"],
            "unknown-library" => ["eval", "--images", _images, "--out", _out, "--scalers", "gimp:nearest"],
            "no-colon" => ["eval", "--images", _images, "--out", _out, "--scalers", "bilinear"],
            "zero-pairs" => ["eval", "--images", _images, "--out", _out, "--pairs", "0"],
            "model" => ["eval", "--images", _images, "--out", _out, "--model", "resnet50"],
            _ => ["eval", "--images", _images],
        };
        var (code, _, error) = Run(args);
        CliRunner.AssertOneLineError(code, error, message);
    }

    [Test]
    public void With_resnet18_an_exact_attack_has_the_target_features_and_the_filters_recover_the_source_features()
    {
        var (code, _, error) = Eval("--scalers", "opencv:nearest", "--model", "resnet18");
        Assert.That(code, Is.Zero, error);
        List<EvalRow> rows = CsvRows();
        // scale(A) = T exactly, so its features are T's: cosine 1, hence O1 by the model too.
        Assert.That(rows.Where(r => r.Measurement == "model.attack.cos_target").Select(r => r.Value!.Value), Has.Exactly(5).Items.And.All.EqualTo(1).Within(1e-5));
        Assert.That(rows.Where(r => r.Measurement == "model.attack.cos_scaled_source").Select(r => r.Value!.Value), Has.All.LessThan(0.95), "different photos have different features");
        Assert.That(rows.Where(r => r.Measurement == "model.attack.o1_success").Select(r => r.Value), Has.Exactly(5).Items.And.All.EqualTo(1.0));
        Assert.That(rows.Where(r => r.Measurement == "model.median.recovered").Select(r => r.Value), Has.Exactly(5).Items);
        Assert.That(File.ReadAllText(Path.Combine(_out, "summary.md")), Does.Contain("## Judged by ResNet-18 features"));

        // Results measured without the model cannot be completed with it.
        string other = Path.Combine(_folder, "plain");
        Assert.That(Run("eval", "--images", _images, "--out", other, "--pairs", "1", "--scalers", "opencv:nearest").Code, Is.Zero);
        (code, _, error) = Run("eval", "--images", _images, "--out", other, "--pairs", "1", "--scalers", "opencv:nearest", "--model", "resnet18");
        Assert.That(code, Is.Not.Zero);
        Assert.That(error, Does.Contain("measured without --model resnet18"));
    }

    /// <summary>Stands in for the real adaptive attacks: the target blown up to the source size (every pixel, not only P).</summary>
    private sealed class TargetEverywhere : IEvalAttacks
    {
        public IReadOnlyList<double> AdaptiveDeltas { get; } = [0.2, 0.4];

        public (AttackResult? Result, string Note) Attack(ScalingModel model, PackedImage source, PackedImage target) => (null, "none in this fake");

        public (AttackResult? Result, string Note) Adaptive(ScalingModel model, Reconstruction filter, PackedImage source, PackedImage target, AttackResult? start, double delta) =>
            (AttackResult.Run("target everywhere", model, source.Pixels, source.Layout, target.Pixels, target.Layout,
                              () => (BlownUp(model, target.Pixels, target.Channels), null)), "");

        private static byte[] BlownUp(ScalingModel model, byte[] target, int channels)
        {
            var image = new byte[model.Source.Width * model.Source.Height * channels];
            for (int y = 0; y < model.Source.Height; y++)
            {
                for (int x = 0; x < model.Source.Width; x++)
                {
                    int ty = y * model.Target.Height / model.Source.Height, tx = x * model.Target.Width / model.Source.Width;
                    target.AsSpan((ty * model.Target.Width + tx) * channels, channels).CopyTo(image.AsSpan((y * model.Source.Width + x) * channels));
                }
            }
            return image;
        }
    }

    [Test]
    public void An_attack_provider_with_adaptive_attacks_fills_the_delta_table()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = EvalSettings.Create(_images, _out, 1, 3, "opencv:nearest", null);
        Assert.That(EvalSession.Run(settings, new TargetEverywhere(), output, error), Is.Zero, error.ToString());
        List<EvalRow> rows = CsvRows();
        Assert.That(rows.Where(r => r.Measurement == "attack.available").Select(r => r.Note), Has.Exactly(5).Items.And.All.EqualTo("none in this fake"));
        Assert.That(rows.Where(r => r.Measurement == "adaptive.median.available").Select(r => r.Note), Has.Exactly(5).Items.And.All.EqualTo("target everywhere"));
        // The whole image is the target: no window holds anything else, so neither filter can bring the source back.
        foreach (string m in new[] { "adaptive.median.d0.2.success", "adaptive.median.d0.4.success", "adaptive.random.d0.2.success", "adaptive.random.d0.4.success" })
        {
            Assert.That(rows.Where(r => r.Measurement == m).Select(r => r.Value), Has.Exactly(5).Items.And.All.EqualTo(1.0), m);
        }
        Assert.That(File.ReadAllText(Path.Combine(_out, "summary.md")), Does.Contain("| opencv:nearest | median | 100% | 100% |"));
    }

    [Test]
    public void A_photo_too_small_for_the_bucket_is_upscaled_so_the_target_keeps_a_usable_size()
    {
        RatioBucket widest = RatioBucket.Paper[^1];
        (ImageSize source, ImageSize target) = EvalProtocol.Sizes(new ImageSize(100, 80), widest, 9.0);
        double beta = Math.Min((double)source.Width / target.Width, (double)source.Height / target.Height);
        Assert.That(beta, Is.GreaterThanOrEqualTo(7.5).And.LessThan(10));
        Assert.That(Math.Min(target.Width, target.Height), Is.GreaterThanOrEqualTo(RatioBucket.MinTargetSide));
        Assert.That(source.Width, Is.GreaterThan(100));
        Assert.That((double)source.Width / source.Height, Is.EqualTo(100.0 / 80).Within(0.02), "aspect ratio kept");
        Assert.That(EvalProtocol.Sizes(new ImageSize(600, 400), widest, 9.0).Source, Is.EqualTo(new ImageSize(600, 400)), "large enough: used as it is");
    }

    [Test]
    public void More_pairs_extend_the_plan_of_fewer_pairs()
    {
        Photo[] photos = new[] { "a", "b", "c", "d" }.Select(n => new Photo(n + ".png", n, new ImageSize(500, 400))).ToArray();
        IReadOnlyList<EvalCase> two = EvalProtocol.Plan(photos, 2, 7);
        IReadOnlyList<EvalCase> three = EvalProtocol.Plan(photos, 3, 7);
        Assert.That(three.Take(two.Count), Is.EqualTo(two));
        Assert.That(three.Select(c => c.Bucket.Label).Distinct().Count(), Is.EqualTo(5));
        Assert.That(three.All(c => c.Source != c.Target), Is.True);
    }

    [Test]
    public void The_eval_adapts_the_attack_it_is_given()
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, new ImageSize(40, 40), new ImageSize(10, 10));
        var random = new Random(5);
        PackedImage source = RandomImage(random, model.Source), target = RandomImage(random, model.Target);
        var attacks = new EvalAttacks();
        Assert.That(attacks.Adaptive(model, Reconstruction.Median, source, target, start: null, 0.3).Result, Is.Null);
        AttackResult start = attacks.Attack(model, source, target).Result!;
        AttackResult adaptive = attacks.Adaptive(model, Reconstruction.Median, source, target, start, 0.3).Result!;
        AttackResult expected = ScalingAttacks.AdaptiveMedian(model, source.Pixels, source.Layout, target.Pixels, target.Layout, start.Image, start.Layout,
                                                              new AdaptiveAttackOptions { MaxChange = 0.3 });
        Assert.That(adaptive.Image, Is.EqualTo(expected.Image));
    }

    private static PackedImage RandomImage(Random random, ImageSize size)
    {
        var pixels = new byte[size.Width * size.Height * 3];
        random.NextBytes(pixels);
        return PackedImage.Of(pixels, size, 3);
    }
}
