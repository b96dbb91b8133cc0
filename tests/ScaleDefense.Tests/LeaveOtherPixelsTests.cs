using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// <see cref="ReconstructionOptions.LeaveOtherPixels"/>: the filters write P alone into a scratch buffer, and every
/// 8-bit scaler of the catalog reads nothing else — what <see cref="SecureScaler"/> relies on to skip the copy.
/// </summary>
[TestFixture]
public class LeaveOtherPixelsTests
{
    private static IEnumerable<TestCaseData> EightBitScalers()
    {
        foreach (ScalerEntry entry in ScalerCatalog.Entries)
        {
            foreach ((string variant, ScalingOptions options) in Variants(entry))
            {
                try
                {
                    using ScalingModel probe = ScalingModel.Create(entry.Library, entry.Algorithm, new ImageSize(8, 8), new ImageSize(4, 4), options);
                    if (!probe.Supports(SampleType.UInt8))
                    {
                        continue; // float output (TensorFlow, PyTorch): SecureScaler writes the whole image there
                    }
                }
                catch (ArgumentException)
                {
                    continue; // an option this scaler does not take
                }
                foreach (ScalingBackend backend in new[] { ScalingBackend.Native, ScalingBackend.Managed })
                {
                    yield return new TestCaseData(entry.Library, entry.Algorithm, variant, options with { Backend = backend })
                        .SetArgDisplayNames(entry.Library.ToString(), entry.Algorithm.ToString(), variant, backend.ToString());
                }
            }
        }
    }

    // Each scaler as it comes, and with the switches that change which pixels it reads.
    private static IEnumerable<(string, ScalingOptions)> Variants(ScalerEntry entry)
    {
        yield return ("default", new ScalingOptions());
        if (entry.HasAntialiasSwitch)
        {
            yield return ("antialias", new ScalingOptions { Antialias = true });
        }
        switch (entry.Library)
        {
            case ScalingLibrary.OpenCV:
                yield return ("plain OpenCV build", new ScalingOptions { OpenCvBuild = OpenCvBuild.Plain });
                break;
            case ScalingLibrary.SkiaSharp:
                yield return ("nearest mipmaps", new ScalingOptions { Mipmaps = MipmapMode.Nearest });
                yield return ("linear mipmaps", new ScalingOptions { Mipmaps = MipmapMode.Linear });
                break;
            case ScalingLibrary.MlNet:
                yield return ("iso pad", new ScalingOptions { MlNetResizing = MlNetResizing.IsoPad });
                yield return ("fill", new ScalingOptions { MlNetResizing = MlNetResizing.Fill });
                yield return ("iso crop, top", new ScalingOptions { MlNetResizing = MlNetResizing.IsoCrop, CropAnchor = CropAnchor.Top });
                break;
        }
    }

    private static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [TestCaseSource(nameof(EightBitScalers))]
    public void A_scratch_with_only_P_written_scales_like_the_whole_rebuilt_image(ScalingLibrary library, ScalingAlgorithm algorithm,
                                                                                  string variant, ScalingOptions options)
    {
        // Downscales at an odd ratio and at a ratio near 2 (overlapping and disjoint kernels), and an upscale.
        foreach ((ImageSize source, ImageSize target) in new[]
                 {
                     (new ImageSize(97, 61), new ImageSize(23, 17)),
                     (new ImageSize(64, 50), new ImageSize(31, 26)),
                     (new ImageSize(20, 16), new ImageSize(45, 37)),
                 })
        {
            using ScalingModel model = ScalingModel.Create(library, algorithm, source, target, options);
            AssertScratchScalesLikeTheWholeImage(model);
        }
    }

    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, ScalingBackend.Native)]
    [TestCase(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, ScalingBackend.Managed)]
    [TestCase(ScalingLibrary.Pillow, ScalingAlgorithm.Bicubic, ScalingBackend.Native)]
    [TestCase(ScalingLibrary.Pillow, ScalingAlgorithm.Bicubic, ScalingBackend.Managed)]
    public void A_custom_model_reads_only_its_P_too(ScalingLibrary library, ScalingAlgorithm algorithm, ScalingBackend backend)
    {
        using ScalingModel exact = ScalingModel.Create(library, algorithm, new ImageSize(97, 61), new ImageSize(23, 17));
        using ScalingModel custom = ScalingModel.FromMatrices(exact.GetLeft(SampleType.Float32), exact.GetRight(SampleType.Float32),
                                                              new ScalingOptions { Backend = backend });
        AssertScratchScalesLikeTheWholeImage(custom);
    }

    private static void AssertScratchScalesLikeTheWholeImage(ScalingModel model)
    {
        ImageSize source = model.Source, target = model.Target;
        var layout = new ImageLayout(source.Width, source.Height, 3);
        var outLayout = new ImageLayout(target.Width, target.Height, 3);
        byte[] image = Noise((int)layout.RequiredLength, 1);
        foreach (Reconstruction method in new[] { Reconstruction.Median, Reconstruction.Random })
        {
            var whole = new ReconstructionOptions { Seed = 5 };
            byte[] rebuilt = new byte[image.Length];
            model.Reconstruct(image, layout, rebuilt, layout, method, whole);
            byte[] scratch = Noise(image.Length, 2); // what a pooled buffer held before
            model.Reconstruct(image, layout, scratch, layout, method, whole with { LeaveOtherPixels = true });

            byte[] expected = new byte[outLayout.RequiredLength], actual = new byte[outLayout.RequiredLength];
            model.Scale(rebuilt, layout, expected, outLayout);
            model.Scale(scratch, layout, actual, outLayout);
            Assert.That(actual, Is.EqualTo(expected), $"{method}, {source} -> {target}");

            // P's bytes are the rebuilt ones; the others keep the scratch's (equal to the image's by chance only).
            ConsideredPixels p = model.Considered;
            long outside = 0, kept = 0;
            for (int i = 0; i < image.Length; i++)
            {
                int pixel = i / 3, y = pixel / source.Width, x = pixel % source.Width;
                if (p.CoversImage || p.Contains(y, x))
                {
                    Assert.That(scratch[i], Is.EqualTo(rebuilt[i]), $"{method}, {source} -> {target}: byte {i} of P");
                    continue;
                }
                outside++;
                kept += scratch[i] != rebuilt[i] ? 1 : 0;
            }
            Assert.That(kept, Is.GreaterThanOrEqualTo(outside * 9 / 10), $"{method}, {source} -> {target}: bytes outside P left as they were");
        }
    }

    [Test]
    public void SecureScaler_gives_the_bytes_of_reconstruct_then_scale()
    {
        var source = new ImageSize(301, 203);
        var layout = new ImageLayout(source.Width, source.Height, 3);
        var target = new ImageSize(64, 48);
        var outLayout = new ImageLayout(target.Width, target.Height, 3);
        foreach (Reconstruction method in new[] { Reconstruction.Median, Reconstruction.Random })
        {
            var options = new SecureScalerOptions { Reconstruction = method, Filter = new ReconstructionOptions { Seed = 3 } };
            using var scaler = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, target, options);
            using ScalingModel model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, source, target);
            for (int seed = 0; seed < 3; seed++) // the pool hands back the previous image's scratch
            {
                byte[] image = Noise((int)layout.RequiredLength, 10 + seed);
                byte[] rebuilt = new byte[image.Length], expected = new byte[outLayout.RequiredLength], actual = new byte[outLayout.RequiredLength];
                model.Reconstruct(image, layout, rebuilt, layout, method, options.Filter);
                model.Scale(rebuilt, layout, expected, outLayout);
                scaler.Resize(image, layout, actual, outLayout);
                Assert.That(actual, Is.EqualTo(expected), $"{method}, image {seed}");
            }
        }
    }

    [Test]
    public void In_place_the_flag_changes_nothing()
    {
        var source = new ImageSize(90, 70);
        var layout = new ImageLayout(source.Width, source.Height, 3);
        using ScalingModel model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, source, new ImageSize(20, 20));
        byte[] a = Noise((int)layout.RequiredLength, 4), b = (byte[])a.Clone();
        model.Reconstruct(a, layout, Reconstruction.Median, new ReconstructionOptions());
        model.Reconstruct(b, layout, Reconstruction.Median, new ReconstructionOptions { LeaveOtherPixels = true });
        Assert.That(b, Is.EqualTo(a));
    }
}
