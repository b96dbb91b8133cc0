namespace ScaleDefense.Tests;

/// <summary>
/// Models built from matrices or probes (<see cref="ScalingLibrary.Custom"/>): what they accept, that
/// both backends agree byte for byte, and that the whole library — analysis, attacks, the strong
/// attack, <see cref="SecureScaler"/> — serves a scaler ScaleDefense does not model.
/// </summary>
[TestFixture]
public class CustomModelTests
{
    private static readonly ImageSize Source = new(240, 180);
    private static readonly ImageSize Target = new(48, 36);

    [Test]
    public void A_custom_model_predicts_and_says_it_is_not_exact()
    {
        using var exact = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Source, Target);
        using var custom = ScalingModel.FromMatrices(exact.GetLeft(SampleType.Float32), exact.GetRight(SampleType.Float32));
        byte[] image = Noise(Source, 1, 5);
        byte[] expected = exact.Scale(image, 1);
        byte[] predicted = custom.Scale(image, 1);
        Assert.Multiple(() =>
        {
            Assert.That(custom.IsExact, Is.False);
            Assert.That(exact.IsExact, Is.True);
            Assert.That(custom.Library, Is.EqualTo(ScalingLibrary.Custom));
            Assert.That(custom.Algorithm, Is.EqualTo(ScalingAlgorithm.Custom));
            Assert.That(custom.Origin, Does.Contain("given matrices"));
            Assert.That((custom.Source, custom.Target), Is.EqualTo((Source, Target)));
            // Float weights in float arithmetic against OpenCV's 11-bit fixed point: one grey level apart at most.
            Assert.That(ImageMetrics.MaxAbsoluteDifference(predicted, expected), Is.LessThanOrEqualTo(1));
            Assert.That(custom.Analyze().Verdict, Is.EqualTo(exact.Analyze().Verdict));
            Assert.That(custom.KernelWidthX, Is.InRange(1, 2), "the widest output support: ratio 5 samples pixel centres exactly, 1 tap");
        });
    }

    [Test]
    public void Native_and_managed_custom_models_give_the_same_bytes_and_floats()
    {
        if (!NativeCore.IsAvailable)
        {
            Assert.Ignore("the native library does not load here");
        }
        using var exact = ScalingModel.Create(ScalingLibrary.Pillow, ScalingAlgorithm.Lanczos, Source, Target);
        var native = ScalingModel.FromMatrices(exact.Left, exact.Right, new ScalingOptions { Backend = ScalingBackend.Native });
        var managed = ScalingModel.FromMatrices(exact.Left, exact.Right, new ScalingOptions { Backend = ScalingBackend.Managed });
        using (native)
        using (managed)
        {
            var layout = new ImageLayout(Source.Width, Source.Height, 3, Source.Width * 3 + 7);
            byte[] image = Noise(Source, 3, 9, layout.RowStride);
            byte[] a = new byte[Target.Width * Target.Height * 3];
            byte[] b = new byte[a.Length];
            var targetLayout = new ImageLayout(Target.Width, Target.Height, 3);
            native.Scale(image, layout, a, targetLayout);
            managed.Scale(image, layout, b, targetLayout);
            float[] floats = Array.ConvertAll(Noise(Source, 3, 10), v => v / 3f);
            Assert.Multiple(() =>
            {
                Assert.That(a, Is.EqualTo(b));
                Assert.That(native.Scale(floats, 3), Is.EqualTo(managed.Scale(floats, 3)));
                Assert.That(native.Left.ToArray(), Is.EqualTo(managed.Left.ToArray()));
                Assert.That(native.KernelWidthY, Is.EqualTo(managed.KernelWidthY));
                byte[] r1 = new byte[image.Length];
                byte[] r2 = new byte[image.Length];
                var options = new ReconstructionOptions { Seed = 3 };
                Assert.That(native.Reconstruct(image, layout, r1, layout, Reconstruction.Median, options),
                            Is.EqualTo(managed.Reconstruct(image, layout, r2, layout, Reconstruction.Median, options)));
                Assert.That(r1, Is.EqualTo(r2));
            });
        }
    }

    [Test]
    public void Dense_matrices_are_accepted_and_bad_ones_refused_with_what_to_do()
    {
        double[,] left = { { 0.5, 0.5, 0, 0 }, { 0, 0, 0.5, 0.5 } };  // 2 × 4
        double[,] right = { { 1, 0 }, { 0, 0 }, { 0, 1 } };              // 3 × 2
        using (ScalingModel model = ScalingModel.FromMatrices(left, right))
        {
            Assert.That((model.Source, model.Target), Is.EqualTo((new ImageSize(3, 4), new ImageSize(2, 2))));
            Assert.That(model.Right[2, 1], Is.EqualTo(1));
        }
        using var exact = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Source, Target);
        double[,] nan = (double[,])left.Clone();
        nan[1, 2] = double.NaN;
        double[,] silent = { { 0.5, 0.5, 0, 0 }, { 0, 0, 0, 0 } };
        Assert.Multiple(() =>
        {
            Assert.That(() => ScalingModel.FromMatrices(exact.Right, exact.Right), Throws.ArgumentException.With.Message.Contains("as ScalingModel.Left is"));
            Assert.That(() => ScalingModel.FromMatrices(exact.Left, exact.Left), Throws.ArgumentException.With.Message.Contains("as ScalingModel.Right is"));
            Assert.That(() => ScalingModel.FromMatrices(nan, right), Throws.ArgumentException.With.Message.Contains("left[1, 2] is NaN"));
            Assert.That(() => ScalingModel.FromMatrices(silent, right), Throws.ArgumentException.With.Message.Contains("row 1 of left has no non-zero weight"));
            Assert.That(() => ScalingModel.FromMatrices(new double[0, 4], right), Throws.ArgumentException.With.Message.Contains("at least one row"));
            Assert.That(() => ScalingModel.FromMatrices(left, right, new ScalingOptions { Antialias = true }), Throws.ArgumentException.With.Message.Contains("Antialias"));
            Assert.That(() => ScalingModel.FromMatrices(null!, right), Throws.ArgumentNullException);
            Assert.That(() => ScalingModel.FromProbe(null!), Throws.ArgumentNullException);
            Assert.That(() => ScalingModel.Create(ScalingLibrary.Custom, ScalingAlgorithm.Custom, Source, Target), Throws.ArgumentException.With.Message.Contains("FromMatrices"));
            Assert.That(() => new SecureScaler(ScalingLibrary.Custom, ScalingAlgorithm.Custom, Target), Throws.ArgumentException.With.Message.Contains("FromProbe"));
        });
    }

    // The probe-and-defend loop on a scaler we do not model: probe it, attack the probed model, check the
    // attack against the real scaler, then defend with a SecureScaler built from the same probe.
    [Test]
    public void A_probed_model_is_attacked_and_defended_for_a_scaler_we_do_not_model()
    {
        ByteScaler blackBox = BlackBoxScalers.ShiftedNearest();
        ProbedScaler probed = ScalingModel.Probe(Source, Target, blackBox);
        using ScalingModel model = ScalingModel.FromProbe(probed);
        byte[] source = Smooth(Source, 1);
        byte[] target = Noise(Target, 1, 2);
        AttackResult attack = ScalingAttacks.DirectNearest(model, source, new ImageLayout(Source.Width, Source.Height, 1), target, new ImageLayout(Target.Width, Target.Height, 1));
        byte[] throughRealScaler = BlackBoxScalers.Apply(blackBox, attack.Image, Source, Target);
        byte[] scaledSource = BlackBoxScalers.Apply(blackBox, source, Source, Target);
        using var secure = new SecureScaler(model);
        byte[] defended = new byte[Target.Width * Target.Height];
        Reconstruction applied = secure.Resize(attack.Image, new ImageLayout(Source.Width, Source.Height, 1), defended, new ImageLayout(Target.Width, Target.Height, 1));
        Assert.Multiple(() =>
        {
            Assert.That(model.Analyze().Verdict, Is.EqualTo(Verdict.Vulnerable));
            Assert.That(throughRealScaler, Is.EqualTo(target), "the attack built on the probed model steers the real scaler exactly");
            Assert.That(applied, Is.EqualTo(Reconstruction.Median));
            Assert.That(ImageMetrics.Psnr(defended, scaledSource), Is.GreaterThan(ImageMetrics.Psnr(defended, target) + 10));
            Assert.That(() => secure.Resize(new byte[100 * 100], new ImageLayout(100, 100, 1), defended, new ImageLayout(Target.Width, Target.Height, 1)),
                        Throws.ArgumentException.With.Message.Contains("probe the scaler at 100x100"));
        });
    }

    [Test]
    public void The_area_attack_accepts_a_probed_averaging_scaler()
    {
        using var area = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Area, Source, Target);
        ByteScaler blackBox = ProbeAccuracyTests.AsByteScaler(area);
        using ScalingModel model = ScalingModel.FromProbe(ScalingModel.Probe(Source, Target, blackBox));
        byte[] source = Smooth(Source, 1);
        byte[] target = Noise(Target, 1, 6);
        AttackResult attack = ScalingAttacks.Area(model, source, new ImageLayout(Source.Width, Source.Height, 1), target, new ImageLayout(Target.Width, Target.Height, 1));
        using var bilinear = ScalingModel.FromMatrices(new double[,] { { 0.5, 0.5 } }, new double[,] { { -0.1 }, { 1.1 } });
        Assert.Multiple(() =>
        {
            // ε = 1 on the model, plus a grey level of rounding the probed model does not know.
            Assert.That(ImageMetrics.MaxAbsoluteDifference(BlackBoxScalers.Apply(blackBox, attack.Image, Source, Target), target), Is.LessThanOrEqualTo(2));
            Assert.That(() => ScalingAttacks.Area(bilinear, new byte[4], new ImageLayout(2, 2, 1), new byte[1], new ImageLayout(1, 1, 1)),
                        Throws.ArgumentException.With.Message.Contains("weights are all positive"));
        });
    }

    [Test]
    public void The_strong_attack_on_a_probed_model_reaches_the_target_through_the_real_scaler()
    {
        if (!NativeCore.IsAvailable)
        {
            Assert.Ignore("the strong attack runs in the native core only");
        }
        ByteScaler blackBox = BlackBoxScalers.ShiftedLinear();
        ProbedScaler probed = ScalingModel.Probe(Source, Target, blackBox);
        using ScalingModel model = ScalingModel.FromProbe(probed);
        byte[] source = Smooth(Source, 1);
        byte[] target = Noise(Target, 1, 4);
        StrongAttackResult attack = new StrongScalingAttack(model).Run(source, new ImageLayout(Source.Width, Source.Height, 1), target, new ImageLayout(Target.Width, Target.Height, 1));
        byte[] throughRealScaler = BlackBoxScalers.Apply(blackBox, attack.Attack.Image, Source, Target);
        byte[] scaledSource = BlackBoxScalers.Apply(blackBox, source, Source, Target);
        using var secure = new SecureScaler(model);
        byte[] defended = new byte[Target.Width * Target.Height];
        secure.Resize(attack.Attack.Image, new ImageLayout(Source.Width, Source.Height, 1), defended, new ImageLayout(Target.Width, Target.Height, 1));
        Assert.Multiple(() =>
        {
            Assert.That(probed.PredictionError, Is.LessThanOrEqualTo(1));
            // ε = 1 on the model plus the model's own prediction error of a grey level.
            Assert.That(ImageMetrics.MaxAbsoluteDifference(throughRealScaler, target), Is.LessThanOrEqualTo(3));
            Assert.That(ImageMetrics.Psnr(defended, scaledSource), Is.GreaterThan(ImageMetrics.Psnr(defended, target)));
        });
    }

    private static byte[] Noise(ImageSize size, int channels, int seed, int? stride = null)
    {
        int rowStride = stride ?? size.Width * channels;
        var image = new byte[rowStride * size.Height];
        new Random(seed).NextBytes(image);
        return image;
    }

    // A smooth picture (gradients and a soft disc): what a photo's scaled version looks like, far from noise.
    private static byte[] Smooth(ImageSize size, int channels)
    {
        var image = new byte[size.Width * size.Height * channels];
        for (int y = 0; y < size.Height; y++)
        {
            for (int x = 0; x < size.Width; x++)
            {
                double d = Math.Sqrt(Math.Pow(x - size.Width / 2.0, 2) + Math.Pow(y - size.Height / 2.0, 2)) / size.Height;
                for (int c = 0; c < channels; c++)
                {
                    image[(y * size.Width + x) * channels + c] = (byte)Math.Clamp(60 + 100.0 * x / size.Width + 80 * Math.Exp(-8 * d * d), 0, 255);
                }
            }
        }
        return image;
    }
}
