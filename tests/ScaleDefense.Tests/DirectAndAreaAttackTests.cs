using OpenCvSharp;
using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>The direct attack on pixel-copying scalers and the area attacks of paper §5.3.2, on the bundled photos.</summary>
[TestFixture]
public class DirectAndAreaAttackTests
{
    [TestCase("astronaut", "coffee", 64, 64)]
    [TestCase("coffee", "chelsea", 100, 66)]
    [TestCase("camera", "rocket", 64, 64)]
    [TestCase("rocket", "astronaut", 160, 106)]
    public void Direct_attack_on_OpenCV_nearest_makes_the_real_resize_output_the_target(string sourceName, string targetName, int w, int h)
    {
        SimpleAttackFixtures.Case c = SimpleAttackFixtures.Make(sourceName, targetName, new ImageSize(w, h));
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, c.Source.Layout.Size, c.TargetSize);
        AttackResult result = ScalingAttacks.DirectNearest(model, c.Source.Pixels, c.Source.Layout, c.Target, c.TargetLayout);

        byte[] scaled = SimpleAttackFixtures.CvResize(result.Image, c.Source.Layout.Size, c.Channels, c.TargetSize, InterpolationFlags.Nearest);
        Assert.That(scaled, Is.EqualTo(c.Target), "cv::resize(INTER_NEAREST) of the attack image is the target");
        Assert.That(result.Verification.MaxDifferenceToTarget, Is.Zero);
        int changed = CountChangedPixels(c.Source.Pixels, result.Image, c.Channels);
        Assert.That(changed, Is.LessThanOrEqualTo(w * h), "only the pixels the scaler copies change");
        TestContext.Out.WriteLine($"direct {sourceName}<-{targetName} {c.Source.Layout.Size}->{c.TargetSize}: PSNR(A,S) {result.Verification.PsnrAttackToSource:F1} dB, {changed} pixels changed");
    }

    [Test]
    public void Direct_attack_works_on_a_scaler_that_behaves_like_nearest()
    {
        // OpenCV bilinear at an odd integer ratio (448 -> 64, β = 7) reads one pixel per output with weight 1.
        SimpleAttackFixtures.Case c = SimpleAttackFixtures.Make("astronaut", "chelsea", new ImageSize(64, 64));
        SamplePhotos.Photo source = SimpleAttackFixtures.Crop(c.Source, new ImageSize(448, 448));
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, source.Layout.Size, c.TargetSize);
        Assert.That(model.Analyze().BehavesLikeNearest, Is.True);
        AttackResult result = ScalingAttacks.DirectNearest(model, source.Pixels, source.Layout, c.Target, c.TargetLayout);
        byte[] scaled = SimpleAttackFixtures.CvResize(result.Image, source.Layout.Size, c.Channels, c.TargetSize, InterpolationFlags.Linear);
        Assert.That(scaled, Is.EqualTo(c.Target));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(4)]
    public void Direct_attack_handles_any_channel_count(int channels)
    {
        var size = new ImageSize(40, 30);
        var small = new ImageSize(10, 6);
        var random = new Random(channels);
        var source = new byte[size.Width * size.Height * channels];
        var target = new byte[small.Width * small.Height * channels];
        random.NextBytes(source);
        random.NextBytes(target);
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, size, small);
        AttackResult result = ScalingAttacks.DirectNearest(model, source, new ImageLayout(size.Width, size.Height, channels), target, new ImageLayout(small.Width, small.Height, channels));
        Assert.That(SimpleAttackFixtures.CvResize(result.Image, size, channels, small, InterpolationFlags.Nearest), Is.EqualTo(target));
    }

    [TestCase("astronaut", "coffee", 64, 64, AreaAttackNorm.L1)]
    [TestCase("astronaut", "coffee", 64, 64, AreaAttackNorm.L0)]
    [TestCase("coffee", "rocket", 100, 66, AreaAttackNorm.L1)]
    [TestCase("coffee", "rocket", 100, 66, AreaAttackNorm.L0)]
    [TestCase("chelsea", "astronaut", 64, 48, AreaAttackNorm.L1)]
    [TestCase("chelsea", "astronaut", 64, 48, AreaAttackNorm.L0)]
    [TestCase("camera", "chelsea", 64, 64, AreaAttackNorm.L0)]
    public void Area_attacks_reach_the_target_of_OpenCV_area_but_are_visible(string sourceName, string targetName, int w, int h, AreaAttackNorm norm)
    {
        const double epsilon = 1;
        SimpleAttackFixtures.Case c = SimpleAttackFixtures.Make(sourceName, targetName, new ImageSize(w, h));
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Area, c.Source.Layout.Size, c.TargetSize);
        AttackResult result = ScalingAttacks.Area(model, c.Source.Pixels, c.Source.Layout, c.Target, c.TargetLayout, new AreaAttackOptions { Norm = norm, Epsilon = epsilon });

        Assert.That(result.Verification.MaxDifferenceToTarget, Is.LessThanOrEqualTo(epsilon), "through the exact model");
        byte[] real = SimpleAttackFixtures.CvResize(result.Image, c.Source.Layout.Size, c.Channels, c.TargetSize, InterpolationFlags.Area);
        int realMax = ImageMetrics.MaxAbsoluteDifference(real, c.Target);
        Assert.That(realMax, Is.LessThanOrEqualTo(epsilon + 1), "through the real cv::resize(INTER_AREA)");
        double psnr = result.Verification.PsnrAttackToSource;
        Assert.That(psnr, Is.LessThan(AttackVerification.VisibleBelowDb), "the paper's negative result: the attack image is visibly altered");
        double changed = (double)CountChangedPixels(c.Source.Pixels, result.Image, c.Channels) / (c.Source.Layout.Width * c.Source.Layout.Height);
        TestContext.Out.WriteLine($"area {norm} {sourceName}<-{targetName} {c.Source.Layout.Size}->{c.TargetSize}: PSNR(A,S) {psnr:F1} dB, " +
                                  $"changed pixels {changed:P0}, max |scale(A)-T| model {result.Verification.MaxDifferenceToTarget} / cv::resize {realMax}, " +
                                  $"mean {result.Verification.MeanDifferenceToTarget:F3}, {result.Verification.Runtime.TotalMilliseconds:F0} ms");
    }

    [Test]
    public void Area_attacks_over_all_sample_photos_reach_the_target_with_a_low_PSNR()
    {
        // Every photo as source (to 1/8 of its size, non-integer for chelsea and rocket), the next one as target.
        foreach (AreaAttackNorm norm in new[] { AreaAttackNorm.L1, AreaAttackNorm.L0 })
        {
            var psnrs = new List<double>();
            var changedShares = new List<double>();
            for (int k = 0; k < SamplePhotos.Names.Count; k++)
            {
                string sourceName = SamplePhotos.Names[k];
                SamplePhotos.Photo photo = SamplePhotos.Load(sourceName);
                var size = new ImageSize(photo.Layout.Width / 8, photo.Layout.Height / 8);
                SimpleAttackFixtures.Case c = SimpleAttackFixtures.Make(sourceName, SamplePhotos.Names[(k + 1) % SamplePhotos.Names.Count], size);
                using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Area, c.Source.Layout.Size, size);
                AttackResult result = ScalingAttacks.Area(model, c.Source.Pixels, c.Source.Layout, c.Target, c.TargetLayout, new AreaAttackOptions { Norm = norm });
                Assert.That(result.Verification.MaxDifferenceToTarget, Is.LessThanOrEqualTo(1), $"{sourceName} {norm}");
                byte[] real = SimpleAttackFixtures.CvResize(result.Image, c.Source.Layout.Size, c.Channels, size, InterpolationFlags.Area);
                Assert.That(ImageMetrics.MaxAbsoluteDifference(real, c.Target), Is.LessThanOrEqualTo(2), $"{sourceName} {norm} through the real cv::resize");
                psnrs.Add(result.Verification.PsnrAttackToSource);
                changedShares.Add((double)CountChangedPixels(c.Source.Pixels, result.Image, c.Channels) / (c.Source.Layout.Width * c.Source.Layout.Height));
            }
            TestContext.Out.WriteLine($"area {norm} over {psnrs.Count} photos: mean PSNR(A,S) {psnrs.Average():F1} dB (min {psnrs.Min():F1}, max {psnrs.Max():F1}); " +
                                      $"changed pixels mean {changedShares.Average():P0} (min {changedShares.Min():P0}, max {changedShares.Max():P0})");
            Assert.That(psnrs, Is.All.LessThan(AttackVerification.VisibleBelowDb), $"{norm}: every attack image is visibly altered");
        }
    }

    [TestCase(ScalingLibrary.Pillow, ScalingAlgorithm.Box, AreaAttackNorm.L1)]
    [TestCase(ScalingLibrary.Pillow, ScalingAlgorithm.Box, AreaAttackNorm.L0)]
    [TestCase(ScalingLibrary.TensorFlow, ScalingAlgorithm.Area, AreaAttackNorm.L1)]
    [TestCase(ScalingLibrary.TensorFlow1, ScalingAlgorithm.Area, AreaAttackNorm.L0)]
    [TestCase(ScalingLibrary.PyTorch, ScalingAlgorithm.Area, AreaAttackNorm.L1)]
    [TestCase(ScalingLibrary.PyTorch, ScalingAlgorithm.Area, AreaAttackNorm.L0)]
    public void Area_attacks_reach_the_target_of_other_libraries_at_a_non_integer_ratio(ScalingLibrary library, ScalingAlgorithm algorithm, AreaAttackNorm norm)
    {
        SimpleAttackFixtures.Case c = SimpleAttackFixtures.Make("chelsea", "coffee", new ImageSize(70, 45));
        using var model = ScalingModel.Create(library, algorithm, c.Source.Layout.Size, c.TargetSize);
        AttackResult result = ScalingAttacks.Area(model, c.Source.Pixels, c.Source.Layout, c.Target, c.TargetLayout, new AreaAttackOptions { Norm = norm });
        Assert.That(result.Verification.MaxDifferenceToTarget, Is.LessThanOrEqualTo(1), "through the exact model");
        Assert.That(result.Verification.PsnrAttackToSource, Is.LessThan(AttackVerification.VisibleBelowDb));
        TestContext.Out.WriteLine($"area {norm} {library} {algorithm} 451x300->70x45: PSNR(A,S) {result.Verification.PsnrAttackToSource:F1} dB, " +
                                  $"max |scale(A)-T| {result.Verification.MaxDifferenceToTarget:F2}");
    }

    [Test]
    public void L1_shift_is_even_and_L0_saturates_the_heaviest_pixels_first()
    {
        double[] weights = [0.25, 0.25, 0.25, 0.25];
        int[] values = [10, 20, 250, 100];
        // Raise the mean by 10: an even shift of 10 clips 250 at 255 (+5); the lost 5·0.25 go to the others (+12, +12, +12 ≈ 11.67).
        int[] even = AreaAttack.EvenShift(weights, values, 10);
        Assert.That(even[2], Is.EqualTo(5));
        Assert.That(even.Select((d, k) => d * weights[k]).Sum(), Is.EqualTo(10).Within(0.125));
        Assert.That(even.Where((_, k) => k != 2).Max() - even.Where((_, k) => k != 2).Min(), Is.LessThanOrEqualTo(1));
        // L0: pixel 0 (10 → 255, effect 61.25) alone overshoots 10, so only as far as needed: +40.
        int[] sparse = AreaAttack.Saturate(weights, values, 10);
        Assert.That(sparse, Is.EqualTo(new[] { 40, 0, 0, 0 }));
        // Lowering the mean by 70: pixel 2 (250 → 0, effect 62.5) first, then pixel 3 the remaining 7.5 / 0.25 = 30.
        Assert.That(AreaAttack.Saturate(weights, values, -70), Is.EqualTo(new[] { 0, 0, -250, -30 }));
    }

    private static int CountChangedPixels(byte[] a, byte[] b, int channels)
    {
        int changed = 0;
        for (int i = 0; i < a.Length; i += channels)
        {
            changed += a.AsSpan(i, channels).SequenceEqual(b.AsSpan(i, channels)) ? 0 : 1;
        }
        return changed;
    }
}
