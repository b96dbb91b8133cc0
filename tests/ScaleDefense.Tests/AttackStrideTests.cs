using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// The direct, area and adaptive attacks take images with any row stride: padded rows (with
/// garbage in the padding) give exactly the result of the same images packed.
/// </summary>
[TestFixture]
public class AttackStrideTests
{
    private const int Padding = 7;

    /// <summary>A random packed image and the same image with <see cref="Padding"/> extra samples per row filled with 0xAB.</summary>
    private sealed record TestImage(byte[] Packed, ImageLayout PackedLayout, byte[] Padded, ImageLayout PaddedLayout)
    {
        public static TestImage Random(ImageSize size, int channels, int seed)
        {
            var layout = new ImageLayout(size.Width, size.Height, channels);
            var packed = new byte[size.Width * size.Height * channels];
            new Random(seed).NextBytes(packed);
            return FromPacked(packed, layout);
        }

        public static TestImage FromPacked(byte[] packed, ImageLayout layout)
        {
            int row = layout.Width * layout.Channels;
            var paddedLayout = new ImageLayout(layout.Width, layout.Height, layout.Channels, row + Padding);
            byte[] padded = Enumerable.Repeat((byte)0xAB, (int)paddedLayout.RequiredLength).ToArray();
            for (int y = 0; y < layout.Height; y++)
            {
                packed.AsSpan(y * row, row).CopyTo(padded.AsSpan(y * paddedLayout.RowStride));
            }
            return new TestImage(packed, layout, padded, paddedLayout);
        }
    }

    private static (TestImage Source, TestImage Target) Pair(ImageSize source, ImageSize target, int channels) =>
        (TestImage.Random(source, channels, seed: 1), TestImage.Random(target, channels, seed: 2));

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(4)]
    public void Direct_attack_gives_the_same_result_for_padded_rows(int channels)
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, new ImageSize(40, 30), new ImageSize(10, 6));
        (TestImage s, TestImage t) = Pair(model.Source, model.Target, channels);
        AttackResult packed = ScalingAttacks.DirectNearest(model, s.Packed, s.PackedLayout, t.Packed, t.PackedLayout);
        AttackResult padded = ScalingAttacks.DirectNearest(model, s.Padded, s.PaddedLayout, t.Padded, t.PaddedLayout);
        AssertSame(padded, packed);
        Assert.That(packed.Layout, Is.EqualTo(s.PackedLayout), "the result is packed");
    }

    [TestCase(AreaAttackNorm.L1)]
    [TestCase(AreaAttackNorm.L0)]
    public void Area_attack_gives_the_same_result_for_padded_rows(AreaAttackNorm norm)
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Area, new ImageSize(41, 29), new ImageSize(13, 7));
        (TestImage s, TestImage t) = Pair(model.Source, model.Target, 3);
        var options = new AreaAttackOptions { Norm = norm };
        AttackResult packed = ScalingAttacks.Area(model, s.Packed, s.PackedLayout, t.Packed, t.PackedLayout, options);
        AttackResult padded = ScalingAttacks.Area(model, s.Padded, s.PaddedLayout, t.Padded, t.PaddedLayout, options);
        AssertSame(padded, packed);
    }

    [TestCase(Reconstruction.Median)]
    [TestCase(Reconstruction.Random)]
    public void Adaptive_attacks_give_the_same_result_for_padded_rows(Reconstruction defense)
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, new ImageSize(40, 30), new ImageSize(10, 6));
        (TestImage s, TestImage t) = Pair(model.Source, model.Target, 3);
        AttackResult direct = ScalingAttacks.DirectNearest(model, s.Packed, s.PackedLayout, t.Packed, t.PackedLayout);
        TestImage a = TestImage.FromPacked(direct.Image, direct.Layout);
        var options = new AdaptiveAttackOptions { MaxChange = 0.3, Window = FilterWindow.Narrow };
        AttackResult Run(byte[] source, ImageLayout sourceLayout, byte[] target, ImageLayout targetLayout, byte[] attack, ImageLayout attackLayout) =>
            defense == Reconstruction.Median
                ? ScalingAttacks.AdaptiveMedian(model, source, sourceLayout, target, targetLayout, attack, attackLayout, options)
                : ScalingAttacks.AdaptiveRandom(model, source, sourceLayout, target, targetLayout, attack, attackLayout, options);
        AttackResult packed = Run(s.Packed, s.PackedLayout, t.Packed, t.PackedLayout, a.Packed, a.PackedLayout);
        AttackResult padded = Run(s.Padded, s.PaddedLayout, t.Padded, t.PaddedLayout, a.Padded, a.PaddedLayout);
        AssertSame(padded, packed);
        Assert.That(packed.Image, Is.Not.EqualTo(direct.Image), "the adaptive attack changed something");
    }

    [Test]
    public void Verification_gives_the_same_figures_for_padded_rows()
    {
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, new ImageSize(40, 30), new ImageSize(10, 6));
        (TestImage s, TestImage t) = Pair(model.Source, model.Target, 3);
        TestImage a = TestImage.Random(model.Source, 3, seed: 3);
        double[] epsilons = [1, 2];
        AttackVerification packed = AttackVerification.Measure(model, s.Packed, s.PackedLayout, a.Packed, a.PackedLayout, t.Packed, t.PackedLayout, TimeSpan.Zero, epsilons);
        AttackVerification padded = AttackVerification.Measure(model, s.Padded, s.PaddedLayout, a.Padded, a.PaddedLayout, t.Padded, t.PaddedLayout, TimeSpan.Zero, epsilons);
        AssertSameFigures(padded, packed);
        AttackResult run = AttackResult.Run("given", model, s.Padded, s.PaddedLayout, t.Padded, t.PaddedLayout, () => (a.Packed, epsilons));
        AssertSameFigures(run.Verification, packed);
    }

    private static void AssertSame(AttackResult actual, AttackResult expected)
    {
        Assert.That(actual.Method, Is.EqualTo(expected.Method));
        Assert.That(actual.Layout, Is.EqualTo(expected.Layout));
        Assert.That(actual.Image, Is.EqualTo(expected.Image));
        AssertSameFigures(actual.Verification, expected.Verification);
    }

    // Everything but the runtime, which is measured.
    private static void AssertSameFigures(AttackVerification actual, AttackVerification expected)
    {
        Assert.That(actual.MaxDifferenceToTarget, Is.EqualTo(expected.MaxDifferenceToTarget));
        Assert.That(actual.MeanDifferenceToTarget, Is.EqualTo(expected.MeanDifferenceToTarget));
        Assert.That(actual.PsnrScaledToTarget, Is.EqualTo(expected.PsnrScaledToTarget));
        Assert.That(actual.PsnrAttackToSource, Is.EqualTo(expected.PsnrAttackToSource));
        Assert.That(actual.EpsilonPerColumn, Is.EqualTo(expected.EpsilonPerColumn));
    }
}
