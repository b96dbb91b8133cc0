namespace ScaleDefense.Tests;

/// <summary>ScalingBackend.Auto resolves observably; the managed engine declines the strong attack in words.</summary>
[TestFixture]
public class BackendSelectionTests
{
    private static readonly ImageSize Source = new(64, 48);
    private static readonly ImageSize Target = new(16, 12);

    [Test]
    public void Auto_is_the_default_and_resolves_to_native_where_the_library_loads()
    {
        Assume.That(NativeCore.IsAvailable, NativeCore.LoadError);
        using var byDefault = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Source, Target);
        using var auto = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Source, Target, ScalingBackend.Auto);
        Assert.Multiple(() =>
        {
            Assert.That(ScalingOptions.Default.Backend, Is.EqualTo(ScalingBackend.Auto));
            Assert.That(byDefault.Backend, Is.EqualTo(ScalingBackend.Native));
            Assert.That(auto.Backend, Is.EqualTo(ScalingBackend.Native));
            Assert.That(NativeCore.LoadError, Is.Null);
            Assert.That(NativeCore.Resolve(ScalingBackend.Auto), Is.EqualTo(ScalingBackend.Native));
            Assert.That(NativeCore.Resolve(ScalingBackend.Managed), Is.EqualTo(ScalingBackend.Managed));
        });
    }

    [Test]
    public void An_unknown_backend_is_an_argument_error()
    {
        var e = Assert.Throws<ArgumentException>(() => ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Source, Target, (ScalingBackend)7));
        Assert.That(e!.Message, Does.Contain("Unknown backend 7"));
    }

    [Test]
    public void The_managed_engine_declines_the_strong_attack_and_says_why()
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Source, Target, ScalingBackend.Managed);
        var e = Assert.Throws<NotSupportedException>(() => new StrongScalingAttack(model).Run(
            new byte[Source.Width * Source.Height], new ImageLayout(Source.Width, Source.Height, 1),
            new byte[Target.Width * Target.Height], new ImageLayout(Target.Width, Target.Height, 1)));
        Assert.That(e!.Message, Does.Contain("native core").And.Contain("managed backend").And.Contain("ScalingBackend.Native or Auto"));
    }

    [Test]
    public void Managed_and_native_models_share_nothing_but_agree_on_P_and_the_analysis()
    {
        using var native = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, new(1000, 750), new(224, 224), ScalingBackend.Native);
        using var managed = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, new(1000, 750), new(224, 224), ScalingBackend.Managed);
        Assert.Multiple(() =>
        {
            Assert.That(managed.Considered.Rows, Is.EqualTo(native.Considered.Rows));
            Assert.That(managed.Considered.Columns, Is.EqualTo(native.Considered.Columns));
            Assert.That(managed.Analyze().ToJson(), Is.EqualTo(native.Analyze().ToJson()));
            Assert.That(native.Analyze().Horizontal.ConsideredIndices, Is.EqualTo(native.Considered.Columns), "the analysis reads the model's P");
        });
    }
}
