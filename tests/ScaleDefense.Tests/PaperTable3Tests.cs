namespace ScaleDefense.Tests;

/// <summary>
/// Table 3 of Quiring et al. (2020): the kernel width σ of each library's algorithms, read from
/// our models at β = 5 (1000 → 200 pixels). OpenCV and tf.image have fixed widths; Pillow's
/// grow with β; area is β everywhere. (The paper's "TF" column is tf.image 1.14, our TensorFlow1.)
/// </summary>
[TestFixture]
public class PaperTable3Tests
{
    private const double Beta = 5;

    private static IEnumerable<TestCaseData> Rows()
    {
        yield return Row(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, 1);
        yield return Row(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, 2);
        yield return Row(ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, 4);
        yield return Row(ScalingLibrary.OpenCV, ScalingAlgorithm.Lanczos, 8);
        yield return Row(ScalingLibrary.OpenCV, ScalingAlgorithm.Area, Beta);
        yield return Row(ScalingLibrary.TensorFlow1, ScalingAlgorithm.Nearest, 1);
        yield return Row(ScalingLibrary.TensorFlow1, ScalingAlgorithm.Bilinear, 2);
        yield return Row(ScalingLibrary.TensorFlow1, ScalingAlgorithm.Bicubic, 4);
        yield return Row(ScalingLibrary.TensorFlow1, ScalingAlgorithm.Area, Beta);
        yield return Row(ScalingLibrary.Pillow, ScalingAlgorithm.Nearest, 1);
        yield return Row(ScalingLibrary.Pillow, ScalingAlgorithm.Bilinear, 2 * Beta);
        yield return Row(ScalingLibrary.Pillow, ScalingAlgorithm.Bicubic, 4 * Beta);
        yield return Row(ScalingLibrary.Pillow, ScalingAlgorithm.Lanczos, 6 * Beta);
        yield return Row(ScalingLibrary.Pillow, ScalingAlgorithm.Box, Beta); // the paper's "area" row for Pillow
    }

    private static TestCaseData Row(ScalingLibrary library, ScalingAlgorithm algorithm, double sigma) =>
        new TestCaseData(library, algorithm, sigma).SetArgDisplayNames(library.ToString(), algorithm.ToString(), sigma.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [TestCaseSource(nameof(Rows))]
    public void Kernel_width_matches_the_paper(ScalingLibrary library, ScalingAlgorithm algorithm, double sigma)
    {
        using var model = ScalingModel.Create(library, algorithm, new(1000, 1000), new(200, 200));
        Assert.That(model.KernelWidthX, Is.EqualTo(sigma).Within(1e-9));
        Assert.That(model.KernelWidthY, Is.EqualTo(sigma).Within(1e-9));
        // σ is the width of a real support: an output reads at most ceil(σ) + 1 source samples.
        int widest = Enumerable.Range(0, 200).Max(d => model.GetRight(SampleType.Float32).GetSourceIndices(d).Length);
        Assert.That(widest, Is.LessThanOrEqualTo((int)Math.Ceiling(sigma) + 1));
    }

    [TestCase(ScalingLibrary.OpenCV)]
    [TestCase(ScalingLibrary.TensorFlow)]
    [TestCase(ScalingLibrary.TensorFlow1)]
    [TestCase(ScalingLibrary.PyTorch)]
    public void Area_scaling_is_robust_in_every_library(ScalingLibrary library)
    {
        using var model = ScalingModel.Create(library, ScalingAlgorithm.Area, new(1000, 1000), new(200, 200));
        VulnerabilityReport report = model.Analyze();
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Robust), report.ToString());
        Assert.That(report.Reasons, Has.Some.Contains("every pixel is read"));
    }

    [Test]
    public void Pillow_box_its_area_scaling_is_robust()
    {
        using var model = ScalingModel.Create(ScalingLibrary.Pillow, ScalingAlgorithm.Box, new(1000, 1000), new(200, 200));
        Assert.That(model.Analyze().Verdict, Is.EqualTo(Verdict.Robust));
    }

    [Test]
    public void Pillow_bicubic_is_robust_and_pillow_nearest_is_not()
    {
        using var bicubic = ScalingModel.Create(ScalingLibrary.Pillow, ScalingAlgorithm.Bicubic, new(1000, 1000), new(200, 200));
        using var nearest = ScalingModel.Create(ScalingLibrary.Pillow, ScalingAlgorithm.Nearest, new(1000, 1000), new(200, 200));
        Assert.That(bicubic.Analyze().Verdict, Is.EqualTo(Verdict.Robust));
        Assert.That(nearest.Analyze().Verdict, Is.EqualTo(Verdict.Vulnerable));
    }

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void TensorFlow1_downgrades_to_nearest_at_every_integer_ratio(int beta)
    {
        // Appendix A: g(p) = p·β is an integer, so bilinear reads one pixel per output.
        using var model = ScalingModel.Create(ScalingLibrary.TensorFlow1, ScalingAlgorithm.Bilinear, new(60 * beta, 60 * beta), new(60, 60));
        Assert.That(model.Analyze().BehavesLikeNearest, Is.True);
    }
}
