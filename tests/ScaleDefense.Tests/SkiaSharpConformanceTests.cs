using SkiaSharp;

namespace ScaleDefense.Tests;

/// <summary>
/// The SkiaSharp models against the real SkiaSharp 3.119 in this process: byte-exact on random
/// size pairs (mostly small, a few large) for every sampling, on both backends.
/// </summary>
[TestFixture]
public class SkiaSharpConformanceTests
{
    private const int SmallPairs = 210;
    private const int LargePairs = 6;

    public static IEnumerable<TestCaseData> Samplings()
    {
        yield return new TestCaseData(ScalingAlgorithm.Nearest, null, MipmapMode.None).SetArgDisplayNames("Nearest");
        yield return new TestCaseData(ScalingAlgorithm.Bilinear, null, MipmapMode.None).SetArgDisplayNames("Linear");
        yield return new TestCaseData(ScalingAlgorithm.Nearest, null, MipmapMode.Nearest).SetArgDisplayNames("Nearest+MipNearest");
        yield return new TestCaseData(ScalingAlgorithm.Bilinear, null, MipmapMode.Nearest).SetArgDisplayNames("Linear+MipNearest");
        yield return new TestCaseData(ScalingAlgorithm.Nearest, null, MipmapMode.Linear).SetArgDisplayNames("Nearest+MipLinear");
        yield return new TestCaseData(ScalingAlgorithm.Bilinear, null, MipmapMode.Linear).SetArgDisplayNames("Linear+MipLinear");
        yield return new TestCaseData(ScalingAlgorithm.Bicubic, CubicResampler.Mitchell, MipmapMode.None).SetArgDisplayNames("Mitchell");
        yield return new TestCaseData(ScalingAlgorithm.Bicubic, CubicResampler.CatmullRom, MipmapMode.None).SetArgDisplayNames("CatmullRom");
        yield return new TestCaseData(ScalingAlgorithm.Bicubic, new CubicResampler(0.8f, 0.05f), MipmapMode.None).SetArgDisplayNames("B0.8C0.05");
    }

    [TestCaseSource(nameof(Samplings))]
    public void Both_backends_equal_SKBitmap_Resize_on_random_size_pairs(ScalingAlgorithm algorithm, CubicResampler? cubic, MipmapMode mipmaps)
    {
        var random = new Random(1000 + (int)algorithm * 10 + (int)((cubic?.B ?? 0) * 5) + (int)mipmaps * 100);
        SKSamplingOptions sampling = SkiaReference.Sampling(algorithm, mipmaps, cubic);
        int pairs = 0;
        long bytes = 0;
        for (int i = 0; i < SmallPairs + LargePairs; i++)
        {
            int limit = i < SmallPairs ? 40 : 400;
            var source = new ImageSize(random.Next(1, limit), random.Next(1, limit));
            var target = new ImageSize(random.Next(1, limit), random.Next(1, limit));
            byte[] pixels = SkiaReference.OpaqueNoise(random, source);
            byte[] expected = SkiaReference.Resize(pixels, source, target, sampling);
            foreach (ScalingBackend backend in new[] { ScalingBackend.Native, ScalingBackend.Managed })
            {
                using var model = ScalingModel.Create(ScalingLibrary.SkiaSharp, algorithm, source, target,
                                                      new ScalingOptions { Backend = backend, Cubic = cubic, Mipmaps = mipmaps });
                byte[] actual = model.Scale(pixels, 4);
                if (!actual.AsSpan().SequenceEqual(expected))
                {
                    Assert.Fail($"{backend} {algorithm} {source} -> {target}: max |diff| {ImageMetrics.MaxAbsoluteDifference(actual, expected)}, " +
                                $"{actual.Zip(expected).Count(p => p.First != p.Second)} of {actual.Length} bytes differ");
                }
            }
            pairs++;
            bytes += expected.Length;
        }
        TestContext.Out.WriteLine($"SkiaSharp {algorithm} {cubic} mipmaps {mipmaps}: {pairs} size pairs, {bytes} bytes, byte-exact on both backends");
    }

    [TestCaseSource(nameof(Samplings))]
    public void ScalePixels_and_DrawImage_onto_an_Rgba8888_canvas_take_the_same_stages(ScalingAlgorithm algorithm, CubicResampler? cubic, MipmapMode mipmaps)
    {
        var random = new Random(7);
        SKSamplingOptions sampling = SkiaReference.Sampling(algorithm, mipmaps, cubic);
        foreach ((ImageSize source, ImageSize target) in new[] { (new ImageSize(37, 23), new ImageSize(11, 9)), (new ImageSize(8, 13), new ImageSize(21, 30)) })
        {
            byte[] pixels = SkiaReference.OpaqueNoise(random, source);
            using var model = ScalingModel.Create(ScalingLibrary.SkiaSharp, algorithm, source, target, new ScalingOptions { Cubic = cubic, Mipmaps = mipmaps });
            byte[] expected = model.Scale(pixels, 4);
            Assert.Multiple(() =>
            {
                Assert.That(SkiaReference.Resize(pixels, source, target, sampling, SkiaReference.Route.PixmapScalePixels), Is.EqualTo(expected), "ScalePixels");
                Assert.That(SkiaReference.Resize(pixels, source, target, sampling, SkiaReference.Route.CanvasDrawImage), Is.EqualTo(expected), "DrawImage");
                Assert.That(SkiaReference.Resize(pixels, source, target, sampling, SkiaReference.Route.BitmapResize, SKColorType.Bgra8888), Is.EqualTo(expected), "Resize, BGRA");
            });
        }
    }

    [Test]
    public void Cubic_DrawImage_onto_a_Bgra8888_canvas_also_takes_the_modelled_stage()
    {
        var random = new Random(8);
        var source = new ImageSize(53, 41);
        var target = new ImageSize(17, 12);
        byte[] pixels = SkiaReference.OpaqueNoise(random, source);
        using var model = ScalingModel.Create(ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bicubic, source, target);
        byte[] drawn = SkiaReference.Resize(pixels, source, target, SkiaReference.Sampling(ScalingAlgorithm.Bicubic),
                                            SkiaReference.Route.CanvasDrawImage, SKColorType.Bgra8888);
        Assert.That(drawn, Is.EqualTo(model.Scale(pixels, 4)));
    }

    [TestCase(ScalingAlgorithm.Nearest)]
    [TestCase(ScalingAlgorithm.Bilinear)]
    [TestCase(ScalingAlgorithm.Bicubic)]
    public void One_and_three_channels_are_the_same_arithmetic_as_the_channels_of_an_opaque_rgba_image(ScalingAlgorithm algorithm)
    {
        var random = new Random(9);
        var source = new ImageSize(29, 31);
        var target = new ImageSize(10, 45);
        byte[] rgba = SkiaReference.OpaqueNoise(random, source);
        byte[] expected = SkiaReference.Resize(rgba, source, target, SkiaReference.Sampling(algorithm));
        using var model = ScalingModel.Create(ScalingLibrary.SkiaSharp, algorithm, source, target);
        foreach (int channels in new[] { 1, 3 })
        {
            byte[] packed = Pick(rgba, channels);
            Assert.That(model.Scale(packed, channels), Is.EqualTo(Pick(expected, channels)), $"{channels} channels");
        }
    }

    [TestCase(ScalingAlgorithm.Bilinear, MipmapMode.None, 1)]
    [TestCase(ScalingAlgorithm.Bicubic, MipmapMode.None, 1)]
    [TestCase(ScalingAlgorithm.Nearest, MipmapMode.Nearest, 2)]
    [TestCase(ScalingAlgorithm.Bilinear, MipmapMode.Nearest, 3)]
    [TestCase(ScalingAlgorithm.Bilinear, MipmapMode.Linear, 4)]
    public void The_matrices_predict_the_8_bit_output_within_the_stated_bound(ScalingAlgorithm algorithm, MipmapMode mipmaps, int bound)
    {
        var random = new Random(10);
        var source = new ImageSize(161, 147);
        var target = new ImageSize(23, 70);
        byte[] rgba = SkiaReference.OpaqueNoise(random, source);
        byte[] expected = SkiaReference.Resize(rgba, source, target, SkiaReference.Sampling(algorithm, mipmaps));
        using var model = ScalingModel.Create(ScalingLibrary.SkiaSharp, algorithm, source, target, new ScalingOptions { Mipmaps = mipmaps });
        float[] asFloat = rgba.Select(b => (float)b).ToArray();
        double[] predicted = MatrixProduct.Apply(model.Left, model.Right, asFloat, source.Width, 4);
        double worst = predicted.Select((v, i) => Math.Abs(Math.Round(Math.Clamp(v, 0, 255)) - expected[i])).Max();
        TestContext.Out.WriteLine($"SkiaSharp {algorithm} mipmaps {mipmaps}: max |round(clamp(L·X·R)) - Skia| = {worst}");
        // Rounding: the final one (1), plus each pyramid level's truncated box sum (below one grey level
        // per level: 161 -> 23 samples level 2, and level 3 too with SKMipmapMode.Linear).
        Assert.That(worst, Is.LessThanOrEqualTo(bound));
    }

    [Test]
    public void Equal_sizes_copy_as_ScalePixels_does()
    {
        var random = new Random(11);
        var size = new ImageSize(19, 14);
        byte[] pixels = SkiaReference.OpaqueNoise(random, size);
        using var model = ScalingModel.Create(ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bicubic, size, size);
        Assert.Multiple(() =>
        {
            Assert.That(SkiaReference.Resize(pixels, size, size, SkiaReference.Sampling(ScalingAlgorithm.Bicubic)), Is.EqualTo(pixels));
            Assert.That(model.Scale(pixels, 4), Is.EqualTo(pixels));
        });
    }

    [Test]
    public void The_analysis_reproduces_the_verdicts_seen_by_attacking_SkiaSharp()
    {
        var source = new ImageSize(400, 300);
        var target = new ImageSize(80, 60);
        using var linear = ScalingModel.Create(ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bilinear, source, target);
        using var mitchell = ScalingModel.Create(ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bicubic, source, target);
        using var catmullRom = ScalingModel.Create(ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bicubic, source, target,
                                                   new ScalingOptions { Cubic = CubicResampler.CatmullRom });
        using var linearMip = ScalingModel.Create(ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bilinear, source, target,
                                                  new ScalingOptions { Mipmaps = MipmapMode.Nearest });
        using var trilinear = ScalingModel.Create(ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bilinear, source, target,
                                                  new ScalingOptions { Mipmaps = MipmapMode.Linear });
        TestContext.Out.WriteLine($"{linear.Analyze()}\n{mitchell.Analyze()}\n{catmullRom.Analyze()}\n{linearMip.Analyze()}\n{trilinear.Analyze()}");
        Assert.Multiple(() =>
        {
            Assert.That(linear.Analyze().Verdict, Is.EqualTo(Verdict.Vulnerable));
            Assert.That(linear.Analyze().BehavesLikeNearest, "ratio 5 puts every sample on a pixel centre");
            Assert.That(mitchell.Analyze().Verdict, Is.EqualTo(Verdict.Vulnerable));
            Assert.That(catmullRom.Analyze().Verdict, Is.EqualTo(Verdict.Vulnerable));
            Assert.That(catmullRom.Analyze().BehavesLikeNearest, "Catmull-Rom at integer offsets is the centre pixel alone");
            Assert.That(linearMip.Analyze().Verdict, Is.EqualTo(Verdict.Robust), "the pyramid's box filters read every pixel");
            Assert.That(trilinear.Analyze().Verdict, Is.EqualTo(Verdict.Robust));
        });
    }

    private static byte[] Pick(byte[] rgba, int channels)
    {
        var result = new byte[rgba.Length / 4 * channels];
        for (int p = 0; p < rgba.Length / 4; p++)
        {
            for (int c = 0; c < channels; c++)
            {
                result[p * channels + c] = rgba[p * 4 + c];
            }
        }
        return result;
    }
}
