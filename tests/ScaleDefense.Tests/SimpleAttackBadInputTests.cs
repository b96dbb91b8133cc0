using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>The direct, area and adaptive attacks refuse bad input with clear errors.</summary>
[TestFixture]
public class SimpleAttackBadInputTests
{
    private static readonly ImageSize Source = new(40, 40);
    private static readonly ImageSize Target = new(10, 10);

    private static byte[] Image(ImageSize size, int channels = 3) => new byte[size.Width * size.Height * channels];

    [Test]
    public void Wrong_target_or_source_size_is_refused()
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, Source, Target);
        var e = Assert.Throws<ArgumentException>(() => ScalingAttacks.DirectNearest(model, Image(Source), 3, Image(new ImageSize(11, 10))));
        Assert.That(e!.Message, Does.Contain("10x10x3"));
        Assert.Throws<ArgumentException>(() => ScalingAttacks.DirectNearest(model, Image(Target), 3, Image(Target)));
        Assert.Throws<ArgumentException>(() => ScalingAttacks.AdaptiveMedian(model, Image(Source), 3, Image(Target), Image(Target), 0.5));
        using var area = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Area, Source, Target);
        Assert.Throws<ArgumentException>(() => ScalingAttacks.Area(area, Image(Source), 3, Image(Target, 1), AreaAttackNorm.L1));
    }

    [Test]
    public void Upscaling_models_are_refused()
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, Target, Source);
        var e = Assert.Throws<ArgumentException>(() => ScalingAttacks.DirectNearest(model, Image(Target), 3, Image(Source)));
        Assert.That(e!.Message, Does.Contain("smaller than the target"));
    }

    [TestCase(0)]
    [TestCase(5)]
    public void Channel_counts_outside_1_to_4_are_refused(int channels)
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, Source, Target);
        Assert.Throws<ArgumentOutOfRangeException>(() => ScalingAttacks.DirectNearest(model, Image(Source, channels), channels, Image(Target, channels)));
    }

    [TestCase(0.0)]
    [TestCase(-0.1)]
    [TestCase(1.01)]
    [TestCase(double.NaN)]
    public void Max_change_outside_0_to_1_is_refused(double delta)
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, Source, Target);
        Assert.Throws<ArgumentOutOfRangeException>(() => ScalingAttacks.AdaptiveMedian(model, Image(Source), 3, Image(Target), Image(Source), delta));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScalingAttacks.AdaptiveRandom(model, Image(Source), 3, Image(Target), Image(Source), delta));
    }

    [Test]
    public void Unknown_window_or_norm_is_refused()
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, Source, Target);
        Assert.Throws<ArgumentException>(() => ScalingAttacks.AdaptiveMedian(model, Image(Source), 3, Image(Target), Image(Source), 0.5, (FilterWindow)7));
        using var area = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Area, Source, Target);
        Assert.Throws<ArgumentException>(() => ScalingAttacks.Area(area, Image(Source), 3, Image(Target), (AreaAttackNorm)0));
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void Epsilon_must_be_positive(double epsilon)
    {
        using var area = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Area, Source, Target);
        Assert.Throws<ArgumentOutOfRangeException>(() => ScalingAttacks.Area(area, Image(Source), 3, Image(Target), AreaAttackNorm.L1, epsilon));
    }

    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear)] // β = 4: two taps per output
    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic)]
    [TestCase(ScalingLibrary.Pillow, ScalingAlgorithm.Bilinear)]
    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Area)]
    public void Direct_attack_refuses_scalers_that_mix_pixels_and_names_the_strong_attack(ScalingLibrary library, ScalingAlgorithm algorithm)
    {
        using var model = ScalingModel.Create(library, algorithm, Source, Target);
        var e = Assert.Throws<ArgumentException>(() => ScalingAttacks.DirectNearest(model, Image(Source), 3, Image(Target)));
        Assert.That(e!.Message, Does.Contain("strong attack"));
    }

    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest)]
    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear)]
    [TestCase(ScalingLibrary.Pillow, ScalingAlgorithm.Bicubic)]
    public void Area_attack_refuses_other_scalers_and_names_the_strong_attack(ScalingLibrary library, ScalingAlgorithm algorithm)
    {
        using var model = ScalingModel.Create(library, algorithm, Source, Target);
        var e = Assert.Throws<ArgumentException>(() => ScalingAttacks.Area(model, Image(Source), 3, Image(Target), AreaAttackNorm.L0));
        Assert.That(e!.Message, Does.Contain("strong attack"));
    }

    [Test]
    public void Null_model_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => ScalingAttacks.DirectNearest(null!, Image(Source), 3, Image(Target)));
    }
}
