using System.Text.RegularExpressions;
using OpenCvSharp;
using ScaleDefense.Cli;

namespace ScaleDefense.Tests;

/// <summary>The `scaledefense` command, run in-process: clear one-line errors and non-zero exit codes.</summary>
[TestFixture]
public class CliTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("sd-cli-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static string Sample(string name) => Path.Combine(RepositoryPaths.Root, "samples", "images", name);

    private static (int Code, string Output, string Error) Run(params string[] args) => CliRunner.Run(args);

    [Test]
    public void Scale_writes_what_cv_resize_writes()
    {
        string target = Path.Combine(_folder, "out.png");
        var (code, _, error) = Run("scale", Sample("chelsea.png"), target, "--library", "opencv", "--algorithm", "bilinear", "--size", "97x61");
        Assert.That(code, Is.Zero, error);
        using Mat written = Cv2.ImRead(target, ImreadModes.Unchanged);
        using Mat source = Cv2.ImRead(Sample("chelsea.png"), ImreadModes.Unchanged);
        using Mat expected = new();
        Cv2.Resize(source, expected, new Size(97, 61), 0, 0, InterpolationFlags.Linear);
        using Mat difference = new();
        Cv2.Absdiff(written, expected, difference);
        Assert.That(Cv2.CountNonZero(difference.Reshape(1)), Is.Zero);
    }

    // Bicubic by default models OpenCV as OpenCvSharp ships it (IPP on); --no-ipp OpenCV's own kernel.
    [TestCase(false)]
    [TestCase(true)]
    [NonParallelizable] // toggles OpenCV's process-wide optimisation (IPP) switch
    public void Scale_bicubic_writes_what_cv_resize_of_that_build_writes(bool noIpp)
    {
        string target = Path.Combine(_folder, "out.png");
        string[] args = ["scale", Sample("chelsea.png"), target, "--library", "opencv", "--algorithm", "bicubic", "--size", "97x61"];
        var (code, _, error) = Run(noIpp ? [.. args, "--no-ipp"] : args);
        Assert.That(code, Is.Zero, error);
        using Mat written = Cv2.ImRead(target, ImreadModes.Unchanged);
        using Mat source = Cv2.ImRead(Sample("chelsea.png"), ImreadModes.Unchanged);
        using Mat expected = new();
        Cv2.SetUseOptimized(!noIpp);
        try
        {
            Cv2.Resize(source, expected, new Size(97, 61), 0, 0, InterpolationFlags.Cubic);
        }
        finally
        {
            Cv2.SetUseOptimized(true);
        }
        using Mat difference = new();
        Cv2.Absdiff(written, expected, difference);
        Cv2.MinMaxLoc(difference.Reshape(1), out double _, out double max);
        Assert.That(max, Is.Zero);
    }

    [Test]
    public void Version_prints_the_version_set_in_Directory_Build_props()
    {
        string props = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        string version = Regex.Match(props, "<Version>(.+?)</Version>").Groups[1].Value;
        Assert.That(Run("--version").Output.Trim(), Is.EqualTo(version).And.Not.Empty);
    }

    [TestCase("missing", "no such file")]
    [TestCase("not-image", "not an image")]
    [TestCase("bad-library", "unknown library 'pillowx'")]
    [TestCase("bad-algorithm", "unknown algorithm 'bogus'")]
    [TestCase("bad-size", "is not a size")]
    [TestCase("zero-size", "is not a size")]
    [TestCase("no-algorithm", "--algorithm")]
    [TestCase("bad-output", "cannot write")]
    public void Bad_arguments_give_one_clear_line_and_a_non_zero_exit(string scenario, string message)
    {
        string notImage = Path.Combine(_folder, "notes.png");
        File.WriteAllText(notImage, "this is text, not a PNG");
        string output = Path.Combine(_folder, "o.png");
        string[] args = scenario switch
        {
            "missing" => ["scale", Path.Combine(_folder, "none.png"), output, "--algorithm", "nearest", "--size", "10x10"],
            "not-image" => ["scale", notImage, output, "--algorithm", "nearest", "--size", "10x10"],
            "bad-library" => ["scale", Sample("camera.png"), output, "--library", "pillowx", "--algorithm", "nearest", "--size", "10x10"],
            "bad-algorithm" => ["scale", Sample("camera.png"), output, "--algorithm", "bogus", "--size", "10x10"],
            "bad-size" => ["scale", Sample("camera.png"), output, "--algorithm", "nearest", "--size", "10by10"],
            "zero-size" => ["scale", Sample("camera.png"), output, "--algorithm", "nearest", "--size", "0x10"],
            "no-algorithm" => ["scale", Sample("camera.png"), output, "--size", "10x10"],
            _ => ["scale", Sample("camera.png"), Path.Combine(_folder, "o.unknownext"), "--algorithm", "nearest", "--size", "10x10"],
        };
        var (code, _, error) = Run(args);
        CliRunner.AssertOneLineError(code, error, message);
    }

    [Test]
    public void Analyze_prints_the_verdict_and_json()
    {
        var (code, output, error) = Run("analyze", "--library", "opencv", "--algorithm", "INTER_LINEAR", "--source", "1000x1000", "--target", "200x200");
        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("verdict: Vulnerable").And.Contain("behaves like nearest"));
        (code, output, _) = Run("analyze", "--library", "opencv", "--algorithm", "bilinear", "--source", "1000x1000", "--target", "200x200", "--json");
        Assert.That(code, Is.Zero);
        Assert.That(output, Does.Contain("\"verdict\": \"Vulnerable\""));
    }

    [Test]
    public void Dense_bicubic_is_recommended_and_given_the_weighted_median()
    {
        // 451×300 → 166×110: β ≈ 2.7, OpenCV bicubic reads every pixel, so the plain median has nothing to rebuild.
        var (code, output, error) = Run("analyze", "--library", "opencv", "--algorithm", "bicubic", "--source", "451x300", "--target", "166x110");
        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("defend --filter weighted-median"));
        string rebuilt = Path.Combine(_folder, "rebuilt.png");
        (code, output, error) = Run("defend", Sample("chelsea.png"), rebuilt, "--algorithm", "bicubic", "--size", "166x110");
        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("reconstruction weighted-median (auto)"));
        (code, output, error) = Run("defend", Sample("chelsea.png"), rebuilt, "--algorithm", "bicubic", "--size", "166x110", "--filter", "median");
        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("rebuilt 0 pixels").And.Contain("reconstruction median"));
    }

    [TestCase("pillow", "area", "", "Pillow has no algorithm Area")]
    [TestCase("opencv", "bilinear", "--antialias", "has no antialias option")]
    [TestCase("opencv", "bilinear", "--source=2000000x10", "too large")]
    [TestCase("gimp", "bilinear", "", "unknown library 'gimp'")]
    public void Analyze_rejects_what_does_not_exist(string library, string algorithm, string extra, string message)
    {
        var args = new List<string> { "analyze", "--library", library, "--algorithm", algorithm, "--target", "10x10" };
        if (extra.StartsWith("--source=", StringComparison.Ordinal))
        {
            args.AddRange(["--source", extra["--source=".Length..]]);
        }
        else
        {
            args.AddRange(["--source", "100x100"]);
            if (extra.Length > 0)
            {
                args.Add(extra);
            }
        }
        var (code, _, error) = Run([.. args]);
        Assert.That(code, Is.Not.Zero);
        Assert.That(error, Does.StartWith("error: ").And.Contain(message));
    }

    [Test]
    public void Attack_writes_an_image_that_cv_resize_turns_into_the_target()
    {
        string attack = Path.Combine(_folder, "attack.png");
        var (code, output, error) = Run("attack", Sample("astronaut.png"), Sample("chelsea.png"), attack, "--algorithm", "nearest", "--size", "64x64");
        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("A vs S"));
        using Mat written = Cv2.ImRead(attack, ImreadModes.Unchanged);
        using Mat scaled = new();
        Cv2.Resize(written, scaled, new Size(64, 64), 0, 0, InterpolationFlags.Nearest);
        using Mat cat = Cv2.ImRead(Sample("chelsea.png"), ImreadModes.Unchanged);
        using Mat target = new();
        Cv2.Resize(cat, target, new Size(64, 64), 0, 0, InterpolationFlags.Area);
        using Mat difference = new();
        Cv2.Absdiff(scaled, target, difference);
        Assert.That(Cv2.CountNonZero(difference.Reshape(1)), Is.Zero);
        (code, output, _) = Run("attack", Sample("astronaut.png"), Sample("chelsea.png"), attack, "--algorithm", "nearest", "--size", "64x64", "--against", "median", "--max-change", "0.5", "--json");
        Assert.That(code, Is.Zero);
        Assert.That(output, Does.Contain("\"psnrAttackToSource\"").And.Contain("adaptive median"));
        Assert.That(output, Does.Contain("\"budget\": null"), "a finished attack reports no budget stop");
        (code, output, _) = Run("attack", Sample("astronaut.png"), Sample("chelsea.png"), attack, "--algorithm", "nearest", "--size", "64x64", "--against", "median", "--max-window-pixels", "1000");
        Assert.That(code, Is.Zero);
        Assert.That(output, Does.Contain("budget        stopped at the work budget of 1000 window pixels"));
    }

    [TestCase("--epsilon=0", "--epsilon must be positive")]
    [TestCase("--size=600x600", "larger than the source")]
    [TestCase("--against=blur", "unknown defense 'blur'")]
    [TestCase("--max-change=1.5", "must be in (0, 1]")]
    [TestCase("--max-window-pixels=0", "--max-window-pixels must be positive")]
    public void Attack_rejects_what_cannot_work(string option, string message)
    {
        string[] pair = option.Split('=');
        var args = new List<string> { "attack", Sample("astronaut.png"), Sample("chelsea.png"), Path.Combine(_folder, "a.png"), "--algorithm", "nearest" };
        if (pair[0] != "--size")
        {
            args.AddRange(["--size", "64x64"]);
        }
        if (pair[0] is "--max-change" or "--max-window-pixels")
        {
            args.AddRange(["--against", "median"]);
        }
        args.AddRange(pair);
        var (code, _, error) = Run([.. args]);
        Assert.That(code, Is.Not.Zero);
        Assert.That(error, Does.StartWith("error: ").And.Contain(message));
        Assert.That(error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public void Scalers_lists_every_pair()
    {
        var (code, output, _) = Run("scalers");
        Assert.That(code, Is.Zero);
        Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(ScalerCatalog.Entries.Count + 1));
        Assert.That(output, Does.Contain("mitchellcubic"));
    }

    [Test]
    public void Demo_tells_the_whole_story_and_writes_a_self_contained_report()
    {
        var (code, output, error) = Run("demo", "--out", _folder, "--samples", Path.Combine(RepositoryPaths.Root, "samples", "images"));
        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("OpenCV nearest").And.Contain("Vulnerable").And.Contain("Robust"));
        Assert.That(output, Does.Contain("native = managed = cv::resize, byte for byte").And.Not.Contain("DIFFERENT"));
        string html = File.ReadAllText(Path.Combine(_folder, "report.html"));
        Assert.That(html, Does.Contain("data:image/png;base64,").And.Not.Contain("src=\"file:"));
        Assert.That(File.Exists(Path.Combine(_folder, "opencv-nearest-attack.png")), Is.True);
    }
}
