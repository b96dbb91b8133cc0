using ScaleDefense.Interop;

namespace ScaleDefense.Tests;

/// <summary>The SkiaSharp sampling choices (mipmaps, cubic B and C) are checked in C# and again at the C ABI, with messages that say what to do.</summary>
[TestFixture]
public unsafe class SkiaSharpOptionsTests
{
    private static readonly ImageSize Source = new(40, 30);
    private static readonly ImageSize Target = new(10, 8);

    [TestCase(ScalingBackend.Native)]
    [TestCase(ScalingBackend.Managed)]
    public void Choices_that_the_scaler_does_not_have_are_argument_errors(ScalingBackend backend)
    {
        ScalingModel Create(ScalingLibrary library, ScalingAlgorithm algorithm, ScalingOptions options) =>
            ScalingModel.Create(library, algorithm, Source, Target, options with { Backend = backend });
        Assert.Multiple(() =>
        {
            Assert.That(() => Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, new() { Mipmaps = MipmapMode.Linear }),
                        Throws.ArgumentException.With.Message.Contains("has no mipmap option").And.Message.Contains("leave ScalingOptions.Mipmaps at None"));
            Assert.That(() => Create(ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bicubic, new() { Mipmaps = MipmapMode.Nearest }),
                        Throws.ArgumentException.With.Message.Contains("SkiaSharp Bicubic has no mipmap option"));
            Assert.That(() => Create(ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bilinear, new() { Mipmaps = (MipmapMode)5 }),
                        Throws.ArgumentException.With.Message.Contains("Unknown mipmap mode 5"));
            Assert.That(() => Create(ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bilinear, new() { Cubic = CubicResampler.Mitchell }),
                        Throws.ArgumentException.With.Message.Contains("takes no cubic resampler"));
            Assert.That(() => Create(ScalingLibrary.Pillow, ScalingAlgorithm.Bicubic, new() { Cubic = CubicResampler.CatmullRom }),
                        Throws.ArgumentException.With.Message.Contains("Pillow Bicubic takes no cubic resampler"));
            Assert.That(() => Create(ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bicubic, new() { Cubic = new CubicResampler(1.5f, 0f) }),
                        Throws.ArgumentException.With.Message.Contains("B and C in 0..1"));
            Assert.That(() => Create(ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bicubic, new() { Cubic = new CubicResampler(0f, float.NaN) }),
                        Throws.ArgumentException.With.Message.Contains("B and C in 0..1"));
            Assert.That(() => new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, Target,
                                               new SecureScalerOptions { Scaling = new ScalingOptions { Cubic = CubicResampler.Mitchell } }),
                        Throws.ArgumentException.With.Message.Contains("takes no cubic resampler"));
        });
    }

    [Test]
    public void A_SkiaSharp_bicubic_model_is_Mitchell_unless_told_otherwise()
    {
        using var mitchell = ScalingModel.Create(ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bicubic, Source, Target);
        using var catmullRom = ScalingModel.Create(ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bicubic, Source, Target, new ScalingOptions { Cubic = CubicResampler.CatmullRom });
        using var other = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, Source, Target);
        Assert.Multiple(() =>
        {
            Assert.That(mitchell.Cubic, Is.EqualTo(CubicResampler.Mitchell));
            Assert.That(catmullRom.Cubic, Is.EqualTo(new CubicResampler(0f, 0.5f)));
            Assert.That(other.Cubic, Is.Null);
            Assert.That(other.Mipmaps, Is.EqualTo(MipmapMode.None));
            Assert.That(catmullRom.Left, Is.Not.EqualTo(mitchell.Left).Using<CoefficientMatrix>((a, b) => a.ToArray().Cast<double>().SequenceEqual(b.ToArray().Cast<double>())));
        });
    }

    [TestCase(-0.25, 0.5, "B and C in 0..1")]
    [TestCase(0.3, 1.01, "B and C in 0..1")]
    [TestCase(double.NaN, 0.0, "B and C in 0..1")]
    public void The_abi_refuses_a_cubic_outside_the_unit_square(double b, double c, string message)
    {
        var p = SkiaParams(SD_ALGORITHM_BICUBIC);
        p.cubic_b = b;
        p.cubic_c = c;
        AssertRefused(p, message);
    }

    [Test]
    public void The_abi_refuses_sampling_choices_the_scaler_does_not_have()
    {
        var cubicElsewhere = SkiaParams(SD_ALGORITHM_BILINEAR);
        cubicElsewhere.cubic_c = 0.5;
        AssertRefused(cubicElsewhere, "takes no cubic B and C");
        var mipmapElsewhere = SkiaParams(SD_ALGORITHM_BICUBIC);
        mipmapElsewhere.mipmap_mode = (int)sd_mipmap_mode.SD_MIPMAP_LINEAR;
        AssertRefused(mipmapElsewhere, "has no mipmap option");
        var unknownMode = SkiaParams(SD_ALGORITHM_NEAREST);
        unknownMode.mipmap_mode = 3;
        AssertRefused(unknownMode, "unknown mipmap mode 3");
    }

    private const int SD_ALGORITHM_NEAREST = (int)sd_algorithm.SD_ALGORITHM_NEAREST;
    private const int SD_ALGORITHM_BILINEAR = (int)sd_algorithm.SD_ALGORITHM_BILINEAR;
    private const int SD_ALGORITHM_BICUBIC = (int)sd_algorithm.SD_ALGORITHM_BICUBIC;

    private static sd_scaling_model_params SkiaParams(int algorithm) => new()
    {
        library = (int)sd_library.SD_LIBRARY_SKIASHARP,
        algorithm = algorithm,
        source_width = 20,
        source_height = 20,
        target_width = 5,
        target_height = 5,
    };

    private static void AssertRefused(sd_scaling_model_params p, string message)
    {
        sd_scaling_model* model = null;
        Assert.That(NativeMethods.sd_scaling_model_create(&p, &model), Is.EqualTo((int)sd_status_code.SD_STATUS_INVALID_ARGUMENT));
        Assert.That(model == null);
        Assert.That(NativeError.LastMessage(), Does.Contain(message));
    }
}
