using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>Bad input at the C# API gives an ArgumentException a person can act on, for both backends.</summary>
[TestFixture(ScalingBackend.Native)]
[TestFixture(ScalingBackend.Managed)]
public class ScalingModelBadInputTests(ScalingBackend backend)
{
    private static readonly ImageSize Source = new(40, 30);
    private static readonly ImageSize Target = new(10, 6);

    private ScalingModel Model() => ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Source, Target, backend);

    [TestCase(0, 30, 10, 6, "source")]
    [TestCase(40, -1, 10, 6, "source")]
    [TestCase(40, 30, 0, 6, "target")]
    [TestCase(40, 30, 10, -5, "target")]
    public void Non_positive_sizes_are_rejected(int sw, int sh, int tw, int th, string name)
    {
        var e = Assert.Throws<ArgumentException>(() => ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, new(sw, sh), new(tw, th), backend));
        Assert.That(e!.Message, Does.Contain(name).And.Contain("positive"));
    }

    [Test]
    public void Unknown_library_algorithm_and_backend_are_rejected()
    {
        Assert.That(() => ScalingModel.Create((ScalingLibrary)42, ScalingAlgorithm.Nearest, Source, Target, backend),
                    Throws.ArgumentException.With.Message.Contains("Unknown scaling library 42"));
        Assert.That(() => ScalingModel.Create(ScalingLibrary.OpenCV, (ScalingAlgorithm)42, Source, Target, backend),
                    Throws.ArgumentException.With.Message.Contains("Unknown scaling algorithm 42"));
        Assert.That(() => ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, Source, Target, (ScalingBackend)9),
                    Throws.ArgumentException.With.Message.Contains("Unknown backend"));
        Assert.That(() => ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, Source, Target,
                                              new ScalingOptions { Backend = backend, OpenCvBuild = (OpenCvBuild)7 }),
                    Throws.ArgumentException.With.Message.Contains("Unknown OpenCvBuild 7"));
    }

    [Test]
    public void Other_libraries_ignore_the_opencv_build()
    {
        using var model = ScalingModel.Create(ScalingLibrary.Pillow, ScalingAlgorithm.Bicubic, Source, Target, new ScalingOptions { Backend = backend });
        Assert.That(model.OpenCvBuild, Is.EqualTo(OpenCvBuild.Plain));
    }

    [TestCase(-1)]
    [TestCase(0)]
    [TestCase(5)]
    public void Allocating_overloads_refuse_a_bad_channel_count(int channels)
    {
        using var model = Model();
        Assert.That(() => model.Scale(new byte[40 * 30 * 3], channels), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("1 to 4"));
        Assert.That(() => model.Scale(new float[40 * 30 * 3], channels), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("1 to 4"));
    }

    [Test]
    public void Stride_smaller_than_a_row_is_rejected()
    {
        using var model = Model();
        var src = new byte[40 * 30 * 3];
        var dst = new byte[10 * 6 * 3];
        Assert.That(() => model.Scale(src, new ImageLayout(40, 30, 3, 100), dst, new ImageLayout(10, 6, 3)),
                    Throws.ArgumentException.With.Message.Contains("row stride 100 is smaller than a row"));
    }

    [Test]
    public void Short_buffers_are_rejected()
    {
        using var model = Model();
        Assert.That(() => model.Scale(new byte[40 * 30 * 3 - 1], new ImageLayout(40, 30, 3), new byte[10 * 6 * 3], new ImageLayout(10, 6, 3)),
                    Throws.ArgumentException.With.Message.Contains("needs 3600"));
        Assert.That(() => model.Scale(new float[40 * 30], new ImageLayout(40, 30, 1), new float[59], new ImageLayout(10, 6, 1)),
                    Throws.ArgumentException.With.Message.Contains("destinationLayout"));
    }

    [Test]
    public void Layouts_must_match_the_model_and_each_other()
    {
        using var model = Model();
        Assert.That(() => model.Scale(new byte[41 * 30], new ImageLayout(41, 30, 1), new byte[60], new ImageLayout(10, 6, 1)),
                    Throws.ArgumentException.With.Message.Contains("this model scales 40x30"));
        Assert.That(() => model.Scale(new byte[40 * 30], new ImageLayout(40, 30, 1), new byte[120], new ImageLayout(10, 6, 2)),
                    Throws.ArgumentException.With.Message.Contains("channels"));
        Assert.That(() => model.Scale(new byte[40 * 30 * 5], new ImageLayout(40, 30, 5), new byte[300], new ImageLayout(10, 6, 5)),
                    Throws.ArgumentException.With.Message.Contains("channels must be 1..4"));
    }

    [Test]
    public void Overlapping_buffers_are_rejected()
    {
        using var model = Model();
        var buffer = new byte[40 * 30];
        Assert.That(() => model.Scale(buffer, new ImageLayout(40, 30, 1), buffer.AsSpan(10, 60), new ImageLayout(10, 6, 1)),
                    Throws.ArgumentException.With.Message.Contains("overlap"));
    }

    [Test]
    public void A_disposed_model_refuses_work()
    {
        var model = Model();
        model.Dispose();
        Assert.That(() => model.Scale(new byte[40 * 30], 1), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public void Padded_rows_give_the_same_pixels_as_packed_rows()
    {
        using var model = Model();
        byte[] packed = ConformanceCases.RandomBytes(Source, 3, 5);
        const int stride = 40 * 3 + 7;
        var padded = new byte[stride * 30];
        for (int y = 0; y < 30; y++)
        {
            packed.AsSpan(y * 120, 120).CopyTo(padded.AsSpan(y * stride));
        }
        var output = new byte[(10 * 3 + 5) * 6];
        model.Scale(padded, new ImageLayout(40, 30, 3, stride), output, new ImageLayout(10, 6, 3, 35));
        byte[] expected = model.Scale(packed, 3);
        for (int y = 0; y < 6; y++)
        {
            Assert.That(output.AsSpan(y * 35, 30).ToArray(), Is.EqualTo(expected.AsSpan(y * 30, 30).ToArray()), $"row {y}");
        }
    }
}
