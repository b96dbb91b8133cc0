namespace ScaleDefense.Tests;

/// <summary>The vulnerability analysis, against facts of the paper worked out by hand.</summary>
[TestFixture]
public class AnalysisTests
{
    private static VulnerabilityReport Analyze(ScalingLibrary library, ScalingAlgorithm algorithm, int source, int target, bool antialias = false)
    {
        using var model = ScalingModel.Create(library, algorithm, new(source, source), new(target, target), new ScalingOptions { Antialias = antialias });
        return model.Analyze();
    }

    [Test]
    public void OpenCV_bilinear_at_ratio_5_behaves_like_nearest_and_is_vulnerable()
    {
        VulnerabilityReport report = Analyze(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, 1000, 200);
        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(Verdict.Vulnerable));
            Assert.That(report.BehavesLikeNearest, Is.True);
            Assert.That(report.Horizontal.Ratio, Is.EqualTo(5));
            // x = 5d + 2 exactly: one pixel per output, the centre of each 5-pixel cell.
            Assert.That(report.Horizontal.ConsideredIndices, Is.EqualTo(Enumerable.Range(0, 200).Select(d => 5 * d + 2)));
            Assert.That(report.ConsideredPixelRatio, Is.EqualTo(1.0 / 25).Within(1e-12));
            Assert.That(report.MaxPixelWeight, Is.EqualTo(1.0));
            Assert.That(report.Reasons, Has.Some.Contains("behaves like nearest"));
            Assert.That(report.Reasons, Has.Some.Contains("4.00% of the pixels are read"));
            Assert.That(report.Mitigation, Does.Contain("area"));
        });
    }

    [Test]
    public void OpenCV_bilinear_at_a_non_integer_ratio_reads_two_taps_and_is_vulnerable()
    {
        VulnerabilityReport report = Analyze(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, 1000, 230);
        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(Verdict.Vulnerable));
            Assert.That(report.BehavesLikeNearest, Is.False);
            // σ = 2 taps per output, 230 outputs: at most 460 of 1000 columns.
            Assert.That(report.Horizontal.ConsideredIndices.Count, Is.LessThanOrEqualTo(460).And.GreaterThan(230));
            Assert.That(report.ConsideredPixelRatio, Is.LessThanOrEqualTo(report.ConsideredPixelRatioBound + 1e-12));
        });
    }

    [Test]
    public void Nearest_reads_one_pixel_per_output()
    {
        VulnerabilityReport report = Analyze(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, 640, 160);
        Assert.That(report.ConsideredPixelCount, Is.EqualTo(160L * 160));
        Assert.That(report.IsConsidered(0, 0), Is.True);   // floor(0 * 4) = 0
        Assert.That(report.IsConsidered(1, 0), Is.False);
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Vulnerable));
    }

    [Test]
    public void Upscaling_is_robust()
    {
        VulnerabilityReport report = Analyze(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, 100, 300);
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Robust));
        Assert.That(report.Reasons, Has.Some.Contains("does not downscale"));
    }

    [Test]
    public void Bilinear_at_ratio_2_takes_the_area_path_and_is_robust()
    {
        // OpenCV hands ratio-2 bilinear to INTER_AREA: every pixel with weight 1/2 per axis.
        VulnerabilityReport report = Analyze(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, 400, 200);
        Assert.That(report.ConsideredPixelRatio, Is.EqualTo(1.0));
        Assert.That(report.Horizontal.Concentration, Is.EqualTo(1.0).Within(1e-12));
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Robust));
    }

    [Test]
    public void Json_and_text_carry_the_verdict()
    {
        VulnerabilityReport report = Analyze(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, 1000, 200);
        Assert.That(report.ToJson(), Does.Contain("\"verdict\": \"Vulnerable\"").And.Contain("\"behavesLikeNearest\": true"));
        Assert.That(report.ToString(), Does.Contain("verdict: Vulnerable").And.Contain("mitigation:"));
    }
}
