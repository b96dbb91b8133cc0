using System.Globalization;
using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// The defense against the direct attack, and the adaptive attacks of paper §5.5 against it: the
/// success-versus-δ curves (the paper's Fig. 17, with "output sample within ±Tolerance of the
/// target after the defense" in place of the classifier's verdict) and PSNR(A, S) per δ.
/// </summary>
[TestFixture]
public class AdaptiveAttackTests
{
    private const int Tolerance = 10;
    private static readonly double[] Deltas = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

    private sealed record Setup(SimpleAttackFixtures.Case Case, ScalingModel Model, AttackResult Direct) : IDisposable
    {
        public void Dispose() => Model.Dispose();
    }

    private static Setup Make(string sourceName, string targetName, int w, int h)
    {
        SimpleAttackFixtures.Case c = SimpleAttackFixtures.Make(sourceName, targetName, new ImageSize(w, h));
        var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, c.Source.Layout.Size, c.TargetSize);
        return new Setup(c, model, ScalingAttacks.DirectNearest(model, c.Source.Pixels, c.Source.Layout, c.Target, c.TargetLayout));
    }

    [TestCase("astronaut", "coffee", 64, 64, FilterWindow.Paper)]
    [TestCase("astronaut", "coffee", 64, 64, FilterWindow.Narrow)]
    [TestCase("coffee", "chelsea", 100, 66, FilterWindow.Paper)]
    [TestCase("camera", "rocket", 64, 64, FilterWindow.Paper)]
    public void Median_filter_undoes_the_direct_attack(string sourceName, string targetName, int w, int h, FilterWindow window)
    {
        using Setup s = Make(sourceName, targetName, w, h);
        SimpleAttackFixtures.Case c = s.Case;
        byte[] defended = SimpleAttackFixtures.DefendAndScale(s.Model, s.Direct.Image, c.Channels, Reconstruction.Median, window);
        byte[] scaledSource = s.Model.Scale(c.Source.Pixels, c.Channels);
        double toSource = ImageMetrics.Psnr(defended, scaledSource);
        double toTarget = ImageMetrics.Psnr(defended, c.Target);
        TestContext.Out.WriteLine($"{sourceName}<-{targetName} {window}: PSNR(defended, scaled S) {toSource:F1} dB, PSNR(defended, T) {toTarget:F1} dB");
        Assert.That(toSource, Is.GreaterThan(toTarget + 5), "the defended output is closer to the scaled source than to the target");
    }

    [TestCase("astronaut", "coffee", 64, 64, FilterWindow.Paper)]
    [TestCase("coffee", "chelsea", 100, 66, FilterWindow.Paper)]
    [TestCase("astronaut", "coffee", 64, 64, FilterWindow.Narrow)]
    public void Adaptive_median_attack_needs_a_large_share_of_each_window(string sourceName, string targetName, int w, int h, FilterWindow window)
    {
        using Setup s = Make(sourceName, targetName, w, h);
        SimpleAttackFixtures.Case c = s.Case;
        var success = new List<double>();
        var psnr = new List<double>();
        TestContext.Out.WriteLine($"adaptive median, {sourceName}<-{targetName} {c.Source.Layout.Size}->{c.TargetSize}, {window} window (direct attack alone: {Success(s, s.Direct.Image, Reconstruction.Median, window):P0}):");
        TestContext.Out.WriteLine("   δ   within ±10 after defense   exact   PSNR(A,S)");
        foreach (double delta in Deltas)
        {
            AttackResult adaptive = ScalingAttacks.AdaptiveMedian(s.Model, c.Source.Pixels, c.Source.Layout, c.Target, c.TargetLayout, s.Direct.Image, s.Direct.Layout,
                new AdaptiveAttackOptions { MaxChange = delta, Window = window });
            byte[] defended = SimpleAttackFixtures.DefendAndScale(s.Model, adaptive.Image, c.Channels, Reconstruction.Median, window);
            success.Add(SimpleAttackFixtures.ShareWithin(defended, c.Target, Tolerance));
            psnr.Add(adaptive.Verification.PsnrAttackToSource);
            Assert.That(adaptive.Verification.MaxDifferenceToTarget, Is.Zero, "pixels of P are untouched: the undefended scaler still outputs T");
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {delta:F1}   {success[^1],8:P1}                  {SimpleAttackFixtures.ShareWithin(defended, c.Target, 0),6:P1}   {psnr[^1]:F1} dB"));
        }
        Assert.Multiple(() =>
        {
            Assert.That(success.Take(3), Is.All.LessThan(0.5), "fails while at most 30% of each window may change");
            Assert.That(success.Skip(4), Is.All.GreaterThan(0.8), "mostly succeeds once half of each window may change");
            Assert.That(success[^1], Is.GreaterThan(0.9));
            AssertCurveShape(success, psnr);
        });
    }

    [TestCase("astronaut", "coffee", 64, 64, FilterWindow.Paper)]
    [TestCase("astronaut", "coffee", 64, 64, FilterWindow.Narrow)]
    [TestCase("coffee", "chelsea", 100, 66, FilterWindow.Narrow)]
    public void Adaptive_random_attack_succeeds_about_as_often_as_the_share_it_rewrites(string sourceName, string targetName, int w, int h, FilterWindow window)
    {
        using Setup s = Make(sourceName, targetName, w, h);
        SimpleAttackFixtures.Case c = s.Case;
        var success = new List<double>();
        var psnr = new List<double>();
        TestContext.Out.WriteLine($"adaptive random, {sourceName}<-{targetName} {c.Source.Layout.Size}->{c.TargetSize}, {window} window (direct attack alone: {Success(s, s.Direct.Image, Reconstruction.Random, window):P0}):");
        TestContext.Out.WriteLine("   δ   within ±10 after defense   exact   PSNR(A,S)");
        foreach (double delta in Deltas)
        {
            AttackResult adaptive = ScalingAttacks.AdaptiveRandom(s.Model, c.Source.Pixels, c.Source.Layout, c.Target, c.TargetLayout, s.Direct.Image, s.Direct.Layout,
                new AdaptiveAttackOptions { MaxChange = delta, Window = window });
            byte[] defended = SimpleAttackFixtures.DefendAndScale(s.Model, adaptive.Image, c.Channels, Reconstruction.Random, window, seed: 17);
            success.Add(SimpleAttackFixtures.ShareWithin(defended, c.Target, Tolerance));
            psnr.Add(adaptive.Verification.PsnrAttackToSource);
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {delta:F1}   {success[^1],8:P1}                  {SimpleAttackFixtures.ShareWithin(defended, c.Target, 0),6:P1}   {psnr[^1]:F1} dB"));
        }
        Assert.Multiple(() =>
        {
            for (int i = 0; i < Deltas.Length; i++)
            {
                Assert.That(success[i], Is.LessThan(Deltas[i] + 0.15), $"a uniform draw hits p's value about as often as the share δ = {Deltas[i]} that holds it");
            }
            Assert.That(success[^1], Is.GreaterThan(window == FilterWindow.Narrow ? 0.9 : 0.6), "rewriting whole windows mostly succeeds (the paper window's overlaps take some back)");
            AssertCurveShape(success, psnr);
        });
    }

    [Test]
    public void Adaptive_attacks_stop_at_their_work_budget_and_say_so()
    {
        using Setup s = Make("astronaut", "coffee", 64, 64);
        SimpleAttackFixtures.Case c = s.Case;
        AttackResult full = ScalingAttacks.AdaptiveMedian(s.Model, c.Source.Pixels, c.Source.Layout, c.Target, c.TargetLayout, s.Direct.Image, s.Direct.Layout);
        Assert.That(full.Budget, Is.Null, "the default budget is far above what a 64x64 target needs");
        var small = new AdaptiveAttackOptions { MaxWindowPixels = 20_000 };
        foreach (AttackResult stopped in new[]
        {
            ScalingAttacks.AdaptiveMedian(s.Model, c.Source.Pixels, c.Source.Layout, c.Target, c.TargetLayout, s.Direct.Image, s.Direct.Layout, small),
            ScalingAttacks.AdaptiveRandom(s.Model, c.Source.Pixels, c.Source.Layout, c.Target, c.TargetLayout, s.Direct.Image, s.Direct.Layout, small),
        })
        {
            Assert.That(stopped.Budget, Is.Not.Null, stopped.Method);
            AttackBudget budget = stopped.Budget!;
            Assert.That(budget.Limit, Is.EqualTo(20_000));
            Assert.That(budget.WindowsPerPass, Is.EqualTo(64L * 64));
            Assert.That(budget.WindowsDone, Is.InRange(1, budget.WindowsPerPass - 1));
            Assert.That(budget.ToString(), Does.Contain("work budget of 20000 window pixels"));
            Assert.That(stopped.Verification.MaxDifferenceToTarget, Is.Zero, "pixels of P are untouched");
            Assert.That(stopped.Image, Is.Not.EqualTo(s.Direct.Image), "the windows before the budget are adapted");
        }
        Assert.That(() => new AdaptiveAttackOptions { MaxWindowPixels = 0 }, Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    // A 3x3 grey source scaled to 1x1: P is the centre, its window the other 8 pixels.
    private static readonly ImageLayout OneWindowSource = new(3, 3, 1);
    private static readonly ImageLayout OneWindowTarget = new(1, 1, 1);

    [Test]
    public void Adaptive_median_attack_on_one_window_changes_exactly_the_values_between_median_and_p()
    {
        // 3x3 source, INTER_NEAREST_EXACT to 1x1 reads the centre (1, 1): P = {(1, 1)}, the window is the other 8 pixels.
        byte[] source = [10, 20, 30, 40, 0, 50, 60, 70, 80];
        byte[] target = [65];
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.NearestExact, new ImageSize(3, 3), new ImageSize(1, 1));
        AttackResult direct = ScalingAttacks.DirectNearest(model, source, OneWindowSource, target, OneWindowTarget);
        Assert.That(direct.Image[4], Is.EqualTo(65));
        // Window values sorted: 10 20 30 40 | 50 60 70 80; lower median (index 3) = 40. To make it 65, 40, 50 and 60 must become 65.
        AttackResult full = ScalingAttacks.AdaptiveMedian(model, source, OneWindowSource, target, OneWindowTarget, direct.Image, direct.Layout, new AdaptiveAttackOptions { MaxChange = 1.0 });
        Assert.That(full.Image, Is.EqualTo(new byte[] { 10, 20, 30, 65, 65, 65, 65, 70, 80 }));
        Assert.That(SimpleAttackFixtures.DefendAndScale(model, full.Image, 1, Reconstruction.Median, FilterWindow.Paper), Is.EqualTo(target));
        // With δ = 0.25 only 2 of 8 may change: 40 and 50 (from the median up), so the median becomes 60.
        AttackResult partial = ScalingAttacks.AdaptiveMedian(model, source, OneWindowSource, target, OneWindowTarget, direct.Image, direct.Layout, new AdaptiveAttackOptions { MaxChange = 0.25 });
        Assert.That(partial.Image, Is.EqualTo(new byte[] { 10, 20, 30, 65, 65, 65, 60, 70, 80 }));
        Assert.That(SimpleAttackFixtures.DefendAndScale(model, partial.Image, 1, Reconstruction.Median, FilterWindow.Paper), Is.EqualTo(new byte[] { 60 }));
    }

    [Test]
    public void Adaptive_random_attack_on_one_window_rewrites_the_closest_values()
    {
        byte[] source = [10, 20, 30, 40, 0, 50, 60, 70, 80];
        byte[] target = [65];
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.NearestExact, new ImageSize(3, 3), new ImageSize(1, 1));
        AttackResult direct = ScalingAttacks.DirectNearest(model, source, OneWindowSource, target, OneWindowTarget);
        // δ = 0.5: 4 of 8; distances to 65: 60→5, 70→5, 50→15, 80→15, 40→25 ...; ties go to the nearer pixel, then row order.
        AttackResult result = ScalingAttacks.AdaptiveRandom(model, source, OneWindowSource, target, OneWindowTarget, direct.Image, direct.Layout, new AdaptiveAttackOptions { MaxChange = 0.5 });
        Assert.That(result.Image, Is.EqualTo(new byte[] { 10, 20, 30, 40, 65, 65, 65, 65, 65 }));
    }

    // Success never drops as δ grows, PSNR(A, S) never rises, and wherever most outputs survive the
    // defense the attack image is visibly altered (O2 fails: below 15 dB).
    private static void AssertCurveShape(List<double> success, List<double> psnr)
    {
        Assert.That(psnr[^1], Is.LessThan(psnr[0] - 3), "the attack becomes visible as δ grows");
        for (int i = 0; i < Deltas.Length; i++)
        {
            if (i > 0)
            {
                Assert.That(success[i], Is.GreaterThanOrEqualTo(success[i - 1] - 0.01), $"success does not drop from δ = {Deltas[i - 1]} to {Deltas[i]}");
                Assert.That(psnr[i], Is.LessThanOrEqualTo(psnr[i - 1] + 0.01), $"PSNR(A,S) does not rise from δ = {Deltas[i - 1]} to {Deltas[i]}");
            }
            if (success[i] > 0.5)
            {
                Assert.That(psnr[i], Is.LessThan(AttackVerification.VisibleBelowDb), $"δ = {Deltas[i]} succeeds on most outputs but stays invisible");
            }
        }
    }

    private static double Success(Setup s, byte[] attack, Reconstruction method, FilterWindow window) =>
        SimpleAttackFixtures.ShareWithin(SimpleAttackFixtures.DefendAndScale(s.Model, attack, s.Case.Channels, method, window, seed: 17), s.Case.Target, Tolerance);
}
