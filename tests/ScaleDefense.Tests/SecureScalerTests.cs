using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>The defense end to end on the bundled photos: attacks neutralised, benign images kept, thread safety, bad input.</summary>
[TestFixture]
public class SecureScalerTests
{
    private static readonly ImageSize Target = new(64, 64);

    // The simplest attack of the paper for scalers that copy pixels: write the target into P.
    // Exact for nearest; for bilinear at an odd ratio (which reads one pixel per output) too.
    private static byte[] NearestAttack(SamplePhotos.Photo source, byte[] target, ScalingModel model)
    {
        byte[] attack = (byte[])source.Pixels.Clone();
        int c = source.Layout.Channels;
        for (int ty = 0; ty < model.Target.Height; ty++)
        {
            int sy = model.Left.GetSourceIndices(ty)[0];
            for (int tx = 0; tx < model.Target.Width; tx++)
            {
                int sx = model.Right.GetSourceIndices(tx)[0];
                target.AsSpan((ty * model.Target.Width + tx) * c, c).CopyTo(attack.AsSpan((sy * source.Layout.Width + sx) * c));
            }
        }
        return attack;
    }

    private static byte[] Scale(ScalingModel model, byte[] pixels, int channels) => model.Scale(pixels, channels);

    [TestCase("astronaut", "coffee", ScalingAlgorithm.Nearest)]
    [TestCase("chelsea", "rocket", ScalingAlgorithm.Nearest)]
    [TestCase("coffee", "astronaut", ScalingAlgorithm.Nearest)]
    public void Median_filter_neutralises_a_nearest_attack_on_photos(string sourceName, string targetName, ScalingAlgorithm algorithm)
    {
        SamplePhotos.Photo source = SamplePhotos.Load(sourceName);
        SamplePhotos.Photo targetPhoto = SamplePhotos.Load(targetName);
        Assume.That(targetPhoto.Layout.Channels, Is.EqualTo(source.Layout.Channels));
        byte[] target = SamplePhotos.AreaResize(targetPhoto, Target);
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, source.Layout.Size, Target);
        byte[] attack = NearestAttack(source, target, model);
        int c = source.Layout.Channels;
        Assert.That(Scale(model, attack, c), Is.EqualTo(target), "the attack works on the undefended scaler");

        using var scaler = new SecureScaler(ScalingLibrary.OpenCV, algorithm, Target, new SecureScalerOptions { Reconstruction = Reconstruction.Median });
        var defended = new byte[Target.Width * Target.Height * c];
        scaler.Resize(attack, source.Layout, defended, new ImageLayout(Target.Width, Target.Height, c));
        byte[] scaledSource = Scale(model, source.Pixels, c);
        double toSource = ImageMetrics.Psnr(defended, scaledSource);
        double toTarget = ImageMetrics.Psnr(defended, target);
        TestContext.Out.WriteLine($"{sourceName}<-{targetName} {algorithm}: PSNR(defended, scaled source) {toSource:F1} dB, PSNR(defended, target) {toTarget:F1} dB");
        Assert.That(toSource, Is.GreaterThan(toTarget + 5), "closer to the source than to the target");
    }

    [TestCase(FilterWindow.Paper)]
    [TestCase(FilterWindow.Narrow)]
    public void Benign_photos_keep_their_content(FilterWindow window)
    {
        foreach (string name in SamplePhotos.Names)
        {
            SamplePhotos.Photo photo = SamplePhotos.Load(name);
            int c = photo.Layout.Channels;
            using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, photo.Layout.Size, Target);
            using var scaler = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Target,
                new SecureScalerOptions { Reconstruction = Reconstruction.Median, Filter = new ReconstructionOptions { Window = window } });
            var defended = new byte[Target.Width * Target.Height * c];
            scaler.Resize(photo.Pixels, photo.Layout, defended, new ImageLayout(Target.Width, Target.Height, c));
            double psnr = ImageMetrics.Psnr(defended, Scale(model, photo.Pixels, c));
            TestContext.Out.WriteLine($"{name} {window} window: PSNR(scaled, scaled after median) = {psnr:F1} dB");
            Assert.That(psnr, Is.GreaterThanOrEqualTo(20), name);
        }
    }

    [Test]
    public void Auto_skips_robust_scalers_and_filters_vulnerable_ones()
    {
        using var scaler = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, new ImageSize(100, 100));
        Assert.That(scaler.PlanFor(new ImageSize(500, 500)), Is.EqualTo(Reconstruction.Median), "β = 5");
        Assert.That(scaler.PlanFor(new ImageSize(200, 200)), Is.EqualTo(Reconstruction.None), "β = 2: the area path");
        Assert.That(scaler.PlanFor(new ImageSize(50, 50)), Is.EqualTo(Reconstruction.None), "upscale");
    }

    [Test]
    public void Sixteen_threads_give_the_same_bytes_as_one()
    {
        SamplePhotos.Photo photo = SamplePhotos.Load("chelsea");
        int c = photo.Layout.Channels;
        var outLayout = new ImageLayout(Target.Width, Target.Height, c);
        using var scaler = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Target, new SecureScalerOptions { CacheCapacity = 2 });
        var expected = new byte[outLayout.RequiredLength];
        scaler.Resize(photo.Pixels, photo.Layout, expected, outLayout);
        var results = new byte[16][];
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            var output = new byte[outLayout.RequiredLength];
            for (int k = 0; k < 5; k++)
            {
                scaler.Resize(photo.Pixels, photo.Layout, output, outLayout);
            }
            results[i] = output;
        });
        Assert.That(results, Has.All.EqualTo(expected));
    }

    [TestCase(Reconstruction.Median, ScalingBackend.Native)]
    [TestCase(Reconstruction.Random, ScalingBackend.Native)]
    [TestCase(Reconstruction.Median, ScalingBackend.Managed)]
    [TestCase(Reconstruction.Random, ScalingBackend.Managed)]
    public void Steady_state_calls_do_not_allocate(Reconstruction method, ScalingBackend backend)
    {
        SamplePhotos.Photo photo = SamplePhotos.Load("coffee");
        var outLayout = new ImageLayout(Target.Width, Target.Height, 3);
        var output = new byte[outLayout.RequiredLength];
        using var scaler = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Target,
            new SecureScalerOptions { Reconstruction = method, Scaling = new ScalingOptions { Backend = backend } });
        for (int i = 0; i < 10; i++)
        {
            scaler.Resize(photo.Pixels, photo.Layout, output, outLayout); // warm: model, pools, JIT tiers
        }
        // The least of three rounds: one-off runtime work (a tier-up, a pool refill) is not per call.
        long perCall = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 20; i++)
            {
                scaler.Resize(photo.Pixels, photo.Layout, output, outLayout);
            }
            perCall = Math.Min(perCall, (GC.GetAllocatedBytesForCurrentThread() - before) / 20);
        }
        TestContext.Out.WriteLine($"{method} {backend}: {perCall} bytes per call");
        Assert.That(perCall, Is.LessThan(64));
    }

    [Test]
    public void Batch_resizes_every_image()
    {
        SamplePhotos.Photo a = SamplePhotos.Load("coffee");
        SamplePhotos.Photo b = SamplePhotos.Load("rocket");
        var outLayout = new ImageLayout(Target.Width, Target.Height, 3);
        using var scaler = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, Target, new SecureScalerOptions { Reconstruction = Reconstruction.Random, Filter = new ReconstructionOptions { Seed = 3 } });
        var outputs = new[] { new byte[outLayout.RequiredLength], new byte[outLayout.RequiredLength] };
        Reconstruction[] applied = scaler.ResizeBatch(
        [
            new SecureScaler.Job(a.Pixels, a.Layout, outputs[0], outLayout),
            new SecureScaler.Job(b.Pixels, b.Layout, outputs[1], outLayout),
        ], maxDegreeOfParallelism: 2);
        Assert.That(applied, Is.EqualTo(new[] { Reconstruction.Random, Reconstruction.Random }));
        var single = new byte[outLayout.RequiredLength];
        scaler.Resize(b.Pixels, b.Layout, single, outLayout);
        Assert.That(outputs[1], Is.EqualTo(single), "seeded random filter is reproducible");
    }

    [Test]
    public void Mismatched_buffers_sizes_and_channels_are_rejected()
    {
        using var scaler = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, new ImageSize(10, 10));
        var source = new byte[50 * 40 * 3];
        var layout = new ImageLayout(50, 40, 3);
        Assert.That(() => scaler.Resize(source, layout, new byte[300], new ImageLayout(11, 10, 3)), Throws.ArgumentException.With.Message.Contains("produces 10x10"));
        Assert.That(() => scaler.Resize(source, layout, new byte[100], new ImageLayout(10, 10, 1)), Throws.ArgumentException.With.Message.Contains("channels"));
        Assert.That(() => scaler.Resize(source, new ImageLayout(50, 40, 3, 100), new byte[300], new ImageLayout(10, 10, 3)), Throws.ArgumentException.With.Message.Contains("stride"));
        Assert.That(() => scaler.Resize(source.AsSpan(1), layout, new byte[300], new ImageLayout(10, 10, 3)), Throws.ArgumentException.With.Message.Contains("needs"));
        Assert.That(() => scaler.Resize(source, layout, new byte[299], new ImageLayout(10, 10, 3)), Throws.ArgumentException.With.Message.Contains("destinationLayout"));
        Assert.That(() => new SecureScaler(ScalingLibrary.Pillow, ScalingAlgorithm.Area, new ImageSize(10, 10)), Throws.ArgumentException.With.Message.Contains("Pillow has no algorithm"));
        Assert.That(() => new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Area, new ImageSize(0, 10)), Throws.ArgumentException.With.Message.Contains("positive"));
    }
}
