namespace ScaleDefense.Tests;

/// <summary>
/// Objective O1 and the defense against the real SkiaSharp: an attack built on the SkiaSharp Mitchell
/// model reaches the target through SKBitmap.Resize, and SecureScaler for that scaler takes it back.
/// </summary>
[TestFixture]
public class SkiaSharpAttackTests
{
    [Test]
    public void A_strong_attack_on_the_Mitchell_model_reaches_the_target_through_SkiaSharp_and_SecureScaler_defeats_it()
    {
        var source = new ImageSize(400, 300);
        var target = new ImageSize(80, 60);
        byte[] s = StrongAttackTestData.Photo("astronaut", source);
        byte[] t = StrongAttackTestData.Photo("coffee", target);
        var sourceLayout = new ImageLayout(source.Width, source.Height, 3);
        var targetLayout = new ImageLayout(target.Width, target.Height, 3);
        using var model = ScalingModel.Create(ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bicubic, source, target);
        Assert.That(model.Analyze().Verdict, Is.EqualTo(Verdict.Vulnerable));

        StrongAttackResult result = new StrongScalingAttack(model).Run(s, sourceLayout, t, targetLayout);
        byte[] attack = result.Attack.Image;
        var mitchell = SkiaReference.Sampling(ScalingAlgorithm.Bicubic);
        byte[] throughSkia = Rgb(SkiaReference.Resize(Rgba(attack), source, target, mitchell));
        double epsilon = result.Attack.Verification.EpsilonPerColumn.Max();
        int reached = ImageMetrics.MaxAbsoluteDifference(throughSkia, t);

        using var secure = new SecureScaler(ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bicubic, target);
        var defended = new byte[t.Length];
        Reconstruction applied = secure.Resize(attack, sourceLayout, defended, targetLayout);
        byte[] scaledSource = Rgb(SkiaReference.Resize(Rgba(s), source, target, mitchell));
        double toSource = ImageMetrics.Psnr(defended, scaledSource);
        double toTarget = ImageMetrics.Psnr(defended, t);
        TestContext.Out.WriteLine($"SkiaSharp Mitchell {source} -> {target}: SKBitmap.Resize(A) vs T max {reached} (epsilon {epsilon}); " +
                                  $"PSNR(A, S) {result.Attack.Verification.PsnrAttackToSource:F2} dB; defended ({applied}): " +
                                  $"PSNR to scaled S {toSource:F2} dB, to T {toTarget:F2} dB");
        Assert.Multiple(() =>
        {
            Assert.That(reached, Is.LessThanOrEqualTo(epsilon + 1), "the attack reaches the target through the real SkiaSharp");
            Assert.That(result.Attack.Verification.PsnrAttackToSource, Is.GreaterThan(AttackVerification.VisibleBelowDb), "Mitchell reads many pixels: the attack shows (about 18.5 dB) but is not a different picture");
            Assert.That(applied, Is.EqualTo(Reconstruction.Median));
            Assert.That(toSource, Is.GreaterThan(toTarget), "the defended output is the source's, not the target's");
        });
    }

    private static byte[] Rgba(byte[] rgb)
    {
        var rgba = new byte[rgb.Length / 3 * 4];
        for (int p = 0; p < rgb.Length / 3; p++)
        {
            rgb.AsSpan(p * 3, 3).CopyTo(rgba.AsSpan(p * 4));
            rgba[p * 4 + 3] = 255;
        }
        return rgba;
    }

    private static byte[] Rgb(byte[] rgba)
    {
        var rgb = new byte[rgba.Length / 4 * 3];
        for (int p = 0; p < rgba.Length / 4; p++)
        {
            rgba.AsSpan(p * 4, 3).CopyTo(rgb.AsSpan(p * 3));
        }
        return rgb;
    }
}
