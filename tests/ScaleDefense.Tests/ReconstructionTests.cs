using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>The selective median and random filters: their rules (against a brute-force reference), backend equality, randomness.</summary>
[TestFixture]
public class ReconstructionTests
{
    private static IEnumerable<TestCaseData> Shapes()
    {
        // (source, target, channels, algorithm, window)
        yield return new TestCaseData(60, 45, 12, 9, 1, ScalingAlgorithm.Nearest, FilterWindow.Paper);
        yield return new TestCaseData(61, 47, 13, 7, 3, ScalingAlgorithm.Bilinear, FilterWindow.Paper);
        yield return new TestCaseData(61, 47, 13, 7, 3, ScalingAlgorithm.Bilinear, FilterWindow.Narrow);
        yield return new TestCaseData(50, 50, 10, 10, 4, ScalingAlgorithm.Bilinear, FilterWindow.Paper); // odd ratio 5
        yield return new TestCaseData(40, 30, 20, 15, 1, ScalingAlgorithm.Bilinear, FilterWindow.Paper); // ratio 2: P is everything
        yield return new TestCaseData(33, 20, 25, 15, 3, ScalingAlgorithm.Nearest, FilterWindow.Narrow); // small ratio
        yield return new TestCaseData(1, 40, 1, 7, 3, ScalingAlgorithm.Nearest, FilterWindow.Paper);     // one column
    }

    [TestCaseSource(nameof(Shapes))]
    public void Median_follows_the_documented_rule_in_both_backends(int sw, int sh, int tw, int th, int channels, ScalingAlgorithm algorithm, FilterWindow window)
    {
        var layout = new ImageLayout(sw, sh, channels);
        byte[] image = ConformanceCases.RandomBytes(layout.Size, channels, sw * 7 + th);
        var options = new ReconstructionOptions { Window = window };
        using var native = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, layout.Size, new(tw, th));
        using var managed = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, layout.Size, new(tw, th), ScalingBackend.Managed);
        var fromNative = new byte[image.Length];
        var fromManaged = new byte[image.Length];
        long count = native.Reconstruct(image, layout, fromNative, layout, Reconstruction.Median, options);
        managed.Reconstruct(image, layout, fromManaged, layout, Reconstruction.Median, options);
        byte[] expected = BruteForce.Median(image, layout, native.Analyze(), window, out long expectedCount);
        Assert.Multiple(() =>
        {
            Assert.That(fromNative, Is.EqualTo(expected), "native vs brute force");
            Assert.That(fromManaged, Is.EqualTo(fromNative), "managed vs native");
            Assert.That(count, Is.EqualTo(expectedCount));
        });
    }

    [TestCaseSource(nameof(Shapes))]
    public void Random_picks_follow_the_rule_and_match_across_backends_for_one_seed(int sw, int sh, int tw, int th, int channels, ScalingAlgorithm algorithm, FilterWindow window)
    {
        var layout = new ImageLayout(sw, sh, channels);
        byte[] image = ConformanceCases.RandomBytes(layout.Size, channels, sw + th);
        var options = new ReconstructionOptions { Window = window, Seed = 42 };
        using var native = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, layout.Size, new(tw, th));
        using var managed = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, layout.Size, new(tw, th), ScalingBackend.Managed);
        var fromNative = new byte[image.Length];
        var fromManaged = new byte[image.Length];
        native.Reconstruct(image, layout, fromNative, layout, Reconstruction.Random, options);
        managed.Reconstruct(image, layout, fromManaged, layout, Reconstruction.Random, options);
        Assert.That(fromManaged, Is.EqualTo(fromNative));
        // Every rewritten pixel equals some pixel of its window outside P (checked by brute force).
        Assert.That(BruteForce.RandomPicksAreValid(image, fromNative, layout, native.Analyze(), window), Is.True);
    }

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(7)]
    public void Median_bytes_do_not_depend_on_the_thread_count(int threads)
    {
        SamplePhotos.Photo photo = SamplePhotos.Load("rocket");
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, photo.Layout.Size, new(90, 61));
        var single = new byte[photo.Pixels.Length];
        var parallel = new byte[photo.Pixels.Length];
        long a = model.Reconstruct(photo.Pixels, photo.Layout, single, photo.Layout, Reconstruction.Median);
        long b = model.Reconstruct(photo.Pixels, photo.Layout, parallel, photo.Layout, Reconstruction.Median, new ReconstructionOptions { Threads = threads });
        Assert.That(parallel, Is.EqualTo(single));
        Assert.That(b, Is.EqualTo(a));
        foreach (int bad in new[] { 0, ReconstructionOptions.MaxThreads + 1, int.MaxValue })
        {
            Assert.That(() => model.Reconstruct(photo.Pixels, photo.Layout, parallel, photo.Layout, Reconstruction.Median, new ReconstructionOptions { Threads = bad }),
                        Throws.ArgumentException.With.Message.Contains($"Threads must be in 1..{ReconstructionOptions.MaxThreads}"));
        }
    }

    [Test]
    public void Unseeded_random_filter_does_not_repeat_across_calls()
    {
        var layout = new ImageLayout(200, 150, 3);
        byte[] image = ConformanceCases.RandomBytes(layout.Size, 3, 9);
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, layout.Size, new(40, 30));
        foreach (ScalingBackend backend in new[] { ScalingBackend.Native, ScalingBackend.Managed })
        {
            using var m = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, layout.Size, new(40, 30), backend);
            var first = new byte[image.Length];
            var second = new byte[image.Length];
            m.Reconstruct(image, layout, first, layout, Reconstruction.Random);
            m.Reconstruct(image, layout, second, layout, Reconstruction.Random);
            Assert.That(second, Is.Not.EqualTo(first), backend.ToString());
        }
    }

    [Test]
    public void Only_pixels_of_P_change_and_in_place_equals_out_of_place()
    {
        var layout = new ImageLayout(90, 70, 3);
        byte[] image = ConformanceCases.RandomBytes(layout.Size, 3, 5);
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, layout.Size, new(17, 13));
        VulnerabilityReport report = model.Analyze();
        var output = new byte[image.Length];
        model.Reconstruct(image, layout, output, layout, Reconstruction.Median);
        byte[] inPlace = (byte[])image.Clone();
        model.Reconstruct(inPlace, layout, Reconstruction.Median);
        Assert.That(inPlace, Is.EqualTo(output));
        for (int y = 0; y < 70; y++)
        {
            for (int x = 0; x < 90; x++)
            {
                if (!report.IsConsidered(y, x))
                {
                    Assert.That(output.AsSpan((y * 90 + x) * 3, 3).ToArray(), Is.EqualTo(image.AsSpan((y * 90 + x) * 3, 3).ToArray()), $"({y},{x})");
                }
            }
        }
    }

    [Test]
    public void A_scaler_that_reads_every_pixel_leaves_the_image_as_it_is()
    {
        // Pillow bicubic at β = 5 reads every pixel (r = 1): no pixel outside P to rebuild from.
        var layout = new ImageLayout(500, 500, 3);
        byte[] image = ConformanceCases.RandomBytes(layout.Size, 3, 11);
        foreach (ScalingBackend backend in new[] { ScalingBackend.Native, ScalingBackend.Managed })
        {
            using var model = ScalingModel.Create(ScalingLibrary.Pillow, ScalingAlgorithm.Bicubic, layout.Size, new(100, 100), backend);
            var output = new byte[image.Length];
            Assert.That(model.Reconstruct(image, layout, output, layout, Reconstruction.Median), Is.Zero);
            Assert.That(model.Reconstruct(image, layout, output, layout, Reconstruction.Random), Is.Zero);
            Assert.That(output, Is.EqualTo(image));
        }
    }

    [Test]
    public void Padded_rows_are_honoured()
    {
        var packed = new ImageLayout(50, 40, 3);
        var padded = new ImageLayout(50, 40, 3, 50 * 3 + 11);
        byte[] image = ConformanceCases.RandomBytes(packed.Size, 3, 77);
        var paddedImage = new byte[padded.RequiredLength];
        for (int y = 0; y < 40; y++)
        {
            image.AsSpan(y * 150, 150).CopyTo(paddedImage.AsSpan(y * padded.RowStride));
        }
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, packed.Size, new(10, 8));
        var expected = new byte[image.Length];
        model.Reconstruct(image, packed, expected, packed, Reconstruction.Median);
        var output = new byte[padded.RequiredLength];
        model.Reconstruct(paddedImage, padded, output, padded, Reconstruction.Median);
        for (int y = 0; y < 40; y++)
        {
            Assert.That(output.AsSpan(y * padded.RowStride, 150).ToArray(), Is.EqualTo(expected.AsSpan(y * 150, 150).ToArray()));
        }
    }

    [Test]
    public void Bad_buffers_are_rejected_with_clear_messages()
    {
        var layout = new ImageLayout(30, 20, 3);
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, layout.Size, new(10, 10));
        var image = new byte[layout.RequiredLength];
        Assert.That(() => model.Reconstruct(image, layout, new byte[10], layout, Reconstruction.Median),
                    Throws.ArgumentException.With.Message.Contains("needs 1800"));
        Assert.That(() => model.Reconstruct(image, layout, new byte[30 * 20], new ImageLayout(30, 20, 1), Reconstruction.Median),
                    Throws.ArgumentException.With.Message.Contains("channels"));
        Assert.That(() => model.Reconstruct(new byte[31 * 20 * 3], new ImageLayout(31, 20, 3), new byte[31 * 20 * 3], new ImageLayout(31, 20, 3), Reconstruction.Median),
                    Throws.ArgumentException.With.Message.Contains("source size 30x20"));
        Assert.That(() => model.Reconstruct(image, layout, image.AsSpan(3), new ImageLayout(29, 20, 3, 90), Reconstruction.Median),
                    Throws.ArgumentException);
        Assert.That(() => model.Reconstruct(image, new ImageLayout(30, 20, 3, 80), image, layout, Reconstruction.Median),
                    Throws.ArgumentException.With.Message.Contains("stride"));
        Assert.That(() => model.Reconstruct(image, layout, (Reconstruction)9), Throws.ArgumentException.With.Message.Contains("Unknown reconstruction"));
    }
}
