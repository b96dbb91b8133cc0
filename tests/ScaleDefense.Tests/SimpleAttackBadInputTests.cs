using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>The direct, area and adaptive attacks refuse bad input with clear errors.</summary>
[TestFixture]
public class SimpleAttackBadInputTests
{
    private static readonly ImageSize Source = new(40, 40);
    private static readonly ImageSize Target = new(10, 10);

    private static byte[] Image(ImageSize size, int channels = 3) => new byte[size.Width * size.Height * channels];

    private static ImageLayout Layout(ImageSize size, int channels = 3) => new(size.Width, size.Height, channels);

    [Test]
    public void Wrong_target_or_source_size_is_refused()
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, Source, Target);
        var wrongTarget = new ImageSize(11, 10);
        var e = Assert.Throws<ArgumentException>(() => ScalingAttacks.DirectNearest(model, Image(Source), Layout(Source), Image(wrongTarget), Layout(wrongTarget)));
        Assert.That(e!.Message, Does.Contain("10x10x3"));
        Assert.Throws<ArgumentException>(() => ScalingAttacks.DirectNearest(model, Image(Target), Layout(Target), Image(Target), Layout(Target)));
        Assert.Throws<ArgumentException>(() => ScalingAttacks.AdaptiveMedian(model, Image(Source), Layout(Source), Image(Target), Layout(Target),
                                                                             Image(Target), Layout(Target), new AdaptiveAttackOptions { MaxChange = 0.5 }));
        using var area = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Area, Source, Target);
        e = Assert.Throws<ArgumentException>(() => ScalingAttacks.Area(area, Image(Source), Layout(Source), Image(Target, 1), Layout(Target, 1)));
        Assert.That(e!.Message, Does.Contain("target is a 10x10x1 image but the attack needs 10x10x3"));
    }

    [Test]
    public void A_layout_that_does_not_fit_its_buffer_is_refused()
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, Source, Target);
        var e = Assert.Throws<ArgumentException>(() => ScalingAttacks.DirectNearest(model, Image(Source).AsSpan(1), Layout(Source), Image(Target), Layout(Target)));
        Assert.That(e!.Message, Does.Contain("source: the buffer holds 4799 samples"));
        var shortStride = new ImageLayout(Target.Width, Target.Height, 3, rowStride: 29);
        e = Assert.Throws<ArgumentException>(() => ScalingAttacks.DirectNearest(model, Image(Source), Layout(Source), Image(Target), shortStride));
        Assert.That(e!.Message, Does.Contain("target: row stride 29 is smaller than a row"));
        var padded = new ImageLayout(Source.Width, Source.Height, 3, rowStride: 130);
        e = Assert.Throws<ArgumentException>(() => ScalingAttacks.AdaptiveRandom(model, Image(Source), Layout(Source), Image(Target), Layout(Target), Image(Source), padded));
        Assert.That(e!.Message, Does.Contain("attack: the buffer holds 4800 samples").And.Contain("needs 5190"));
    }

    [Test]
    public void Upscaling_models_are_refused()
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, Target, Source);
        var e = Assert.Throws<ArgumentException>(() => ScalingAttacks.DirectNearest(model, Image(Target), Layout(Target), Image(Source), Layout(Source)));
        Assert.That(e!.Message, Does.Contain("smaller than the target"));
    }

    [TestCase(0)]
    [TestCase(5)]
    public void Channel_counts_outside_1_to_4_are_refused(int channels)
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, Source, Target);
        Assert.Throws<ArgumentOutOfRangeException>(() => ScalingAttacks.DirectNearest(model, Image(Source, channels), Layout(Source, channels),
                                                                                      Image(Target, channels), Layout(Target, channels)));
    }

    [TestCase(0.0)]
    [TestCase(-0.1)]
    [TestCase(1.01)]
    [TestCase(double.NaN)]
    public void Max_change_outside_0_to_1_is_refused(double delta)
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, Source, Target);
        Assert.Throws<ArgumentOutOfRangeException>(() => ScalingAttacks.AdaptiveMedian(model, Image(Source), Layout(Source), Image(Target), Layout(Target),
                                                                                       Image(Source), Layout(Source), new AdaptiveAttackOptions { MaxChange = delta }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScalingAttacks.AdaptiveRandom(model, Image(Source), Layout(Source), Image(Target), Layout(Target),
                                                                                       Image(Source), Layout(Source), AdaptiveAttackOptions.Default with { MaxChange = delta }));
    }

    [Test]
    public void Unknown_window_or_norm_is_refused()
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, Source, Target);
        var e = Assert.Throws<ArgumentException>(() => ScalingAttacks.AdaptiveMedian(model, Image(Source), Layout(Source), Image(Target), Layout(Target),
                                                                                     Image(Source), Layout(Source), new AdaptiveAttackOptions { Window = (FilterWindow)7 }));
        Assert.That(e!.Message, Does.Contain("use Paper or Narrow"));
        using var area = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Area, Source, Target);
        e = Assert.Throws<ArgumentException>(() => ScalingAttacks.Area(area, Image(Source), Layout(Source), Image(Target), Layout(Target),
                                                                       new AreaAttackOptions { Norm = (AreaAttackNorm)0 }));
        Assert.That(e!.Message, Does.Contain("use L1 or L0"));
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void Epsilon_must_be_positive(double epsilon)
    {
        using var area = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Area, Source, Target);
        Assert.Throws<ArgumentOutOfRangeException>(() => ScalingAttacks.Area(area, Image(Source), Layout(Source), Image(Target), Layout(Target),
                                                                             new AreaAttackOptions { Norm = AreaAttackNorm.L1, Epsilon = epsilon }));
    }

    [Test]
    public void Options_default_to_the_documented_values()
    {
        Assert.That(AreaAttackOptions.Default, Is.EqualTo(new AreaAttackOptions { Norm = AreaAttackNorm.L1, Epsilon = 1 }));
        Assert.That(AdaptiveAttackOptions.Default, Is.EqualTo(new AdaptiveAttackOptions { MaxChange = 0.5, Window = FilterWindow.Paper }));
    }

    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear)] // β = 4: two taps per output
    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic)]
    [TestCase(ScalingLibrary.Pillow, ScalingAlgorithm.Bilinear)]
    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Area)]
    public void Direct_attack_refuses_scalers_that_mix_pixels_and_names_the_strong_attack(ScalingLibrary library, ScalingAlgorithm algorithm)
    {
        using var model = ScalingModel.Create(library, algorithm, Source, Target);
        var e = Assert.Throws<ArgumentException>(() => ScalingAttacks.DirectNearest(model, Image(Source), Layout(Source), Image(Target), Layout(Target)));
        Assert.That(e!.Message, Does.Contain("strong attack"));
    }

    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest)]
    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear)]
    [TestCase(ScalingLibrary.Pillow, ScalingAlgorithm.Bicubic)]
    public void Area_attack_refuses_other_scalers_and_names_the_strong_attack(ScalingLibrary library, ScalingAlgorithm algorithm)
    {
        using var model = ScalingModel.Create(library, algorithm, Source, Target);
        var e = Assert.Throws<ArgumentException>(() => ScalingAttacks.Area(model, Image(Source), Layout(Source), Image(Target), Layout(Target),
                                                                           new AreaAttackOptions { Norm = AreaAttackNorm.L0 }));
        Assert.That(e!.Message, Does.Contain("strong attack"));
    }

    [Test]
    public void Null_model_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => ScalingAttacks.DirectNearest(null!, Image(Source), Layout(Source), Image(Target), Layout(Target)));
    }

    [Test]
    public void Verification_refuses_images_that_do_not_match_the_model()
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, Source, Target);
        var e = Assert.Throws<ArgumentException>(() => AttackVerification.Measure(model, Image(Source), Layout(Source), Image(Target), Layout(Target),
                                                                                  Image(Target), Layout(Target), TimeSpan.Zero, null));
        Assert.That(e!.Message, Does.Contain("attack is a 10x10x3 image but the attack needs 40x40x3"));
        e = Assert.Throws<ArgumentException>(() => AttackResult.Run("wrong length", model, Image(Source), Layout(Source), Image(Target), Layout(Target),
                                                                    () => (Image(Target), null)));
        Assert.That(e!.Message, Does.Contain("The attack produced 300 bytes"));
    }
}
