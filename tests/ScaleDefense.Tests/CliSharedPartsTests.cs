using OpenCvSharp;
using ScaleDefense.Cli;
using ScaleDefense.Cli.Imaging;

namespace ScaleDefense.Tests;

/// <summary>The parts the CLI commands share: image packing and target fitting, the parsing of names.</summary>
[TestFixture]
public class CliSharedPartsTests
{
    [Test]
    public void Packing_a_Mat_drops_the_row_padding_and_ToMat_restores_the_pixels()
    {
        using var whole = new Mat(6, 8, MatType.CV_8UC3);
        Cv2.Randu(whole, Scalar.All(0), Scalar.All(256));
        using var part = new Mat(whole, new Rect(1, 2, 5, 3)); // a view: rows of 8 pixels, 5 used
        PackedImage packed = PackedImage.FromMat(part);
        Assert.That(packed.Layout, Is.EqualTo(new ImageLayout(5, 3, 3)));
        Assert.That(packed.Pixels.AsSpan(3 * 5, 3).ToArray(), Is.EqualTo(new[] { part.At<Vec3b>(1, 0).Item0, part.At<Vec3b>(1, 0).Item1, part.At<Vec3b>(1, 0).Item2 }));
        using Mat back = packed.ToMat();
        using Mat difference = new();
        Cv2.Absdiff(back, part, difference);
        using Mat samples = difference.Reshape(1);
        Assert.That(Cv2.CountNonZero(samples), Is.Zero);
    }

    [TestCase(1, 4)]
    [TestCase(4, 1)]
    [TestCase(3, 3)]
    public void Crop_and_fit_makes_the_target_size_with_the_source_channels(int photoChannels, int channels)
    {
        using var photo = new Mat(40, 90, MatType.CV_8UC(photoChannels), Scalar.All(200));
        using Mat target = TargetFitting.CropAndFit(photo, new ImageSize(20, 20), channels);
        Assert.That((target.Cols, target.Rows, target.Channels()), Is.EqualTo((20, 20, channels)));
    }

    [Test]
    public void Every_name_the_CLI_prints_parses_back()
    {
        // Custom models are built from matrices or probes in code; the CLI names only libraries it can model.
        foreach (ScalingLibrary library in Enum.GetValues<ScalingLibrary>().Where(l => l != ScalingLibrary.Custom))
        {
            Assert.That(Choices.Library(Choices.Name(library)), Is.EqualTo(library));
        }
        foreach (ScalingAlgorithm algorithm in Enum.GetValues<ScalingAlgorithm>().Where(a => a != ScalingAlgorithm.Custom))
        {
            Assert.That(Choices.Algorithm(Choices.Name(algorithm).ToUpperInvariant()), Is.EqualTo(algorithm));
        }
        Assert.That(Choices.Algorithm("INTER_LANCZOS4"), Is.EqualTo(ScalingAlgorithm.Lanczos));
        Assert.That(Choices.Window("Narrow"), Is.EqualTo(FilterWindow.Narrow));
        Assert.That(Assert.Throws<CliException>(() => Choices.Window("wide"))!.Message, Is.EqualTo("unknown window 'wide' (supported: paper, narrow)"));
        Assert.That(Assert.Throws<CliException>(() => Choices.Defense("auto"))!.Message, Is.EqualTo("unknown defense 'auto' (supported: median, random)"));
    }
}
