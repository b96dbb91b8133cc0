using System.Diagnostics;
using OpenCvSharp;

namespace ScaleDefense.Cli.Demo;

/// <summary>
/// The whole story on one pair of photos: for each scaler, the analysis verdict, the attack
/// (source, target, attack image, what the scaler makes of it) and the defended result with the
/// median and the random filter.
/// </summary>
internal static class DemoRunner
{
    public static IReadOnlyList<DemoOutcome> Run(byte[] source, byte[] target, ImageSize sourceSize, ImageSize targetSize, int channels,
                                                 TextWriter progress)
    {
        var outcomes = new List<DemoOutcome>();
        foreach (DemoScenario scenario in DemoScenario.All)
        {
            var clock = Stopwatch.StartNew();
            using var model = ScalingModel.Create(scenario.Library, scenario.Algorithm, sourceSize, targetSize);
            VulnerabilityReport report = model.Analyze();
            (AttackResult? attack, string note) = DemoAttacks.Run(model, report, source, target, channels);
            byte[] scaledSource = model.Scale(source, channels);
            byte[]? scaledAttack = attack is null ? null : model.Scale(attack.Image, channels);
            byte[] attacked = attack?.Image ?? source;
            (byte[] median, TimeSpan medianTime) = Defend(scenario, targetSize, attacked, sourceSize, channels, Reconstruction.Median);
            (byte[] random, TimeSpan randomTime) = Defend(scenario, targetSize, attacked, sourceSize, channels, Reconstruction.Random);
            outcomes.Add(new DemoOutcome(scenario, report, attack, note, scaledAttack,
                attack is null ? null : median, attack is null ? null : random,
                attack is null ? null : ImageMetrics.Psnr(median, scaledSource), attack is null ? null : ImageMetrics.Psnr(median, target),
                attack is null ? null : ImageMetrics.Psnr(random, scaledSource), attack is null ? null : ImageMetrics.Psnr(random, target),
                medianTime, randomTime));
            progress.WriteLine($"  [{outcomes.Count}/{DemoScenario.All.Count}] {scenario.Title}: {report.Verdict}, attack {(attack is null ? "n/a" : $"PSNR(A,S) {attack.Verification.PsnrAttackToSource:F1} dB")} ({clock.Elapsed.TotalSeconds:F1} s)");
        }
        return outcomes;
    }

    private static (byte[] Output, TimeSpan Time) Defend(DemoScenario scenario, ImageSize target, byte[] image, ImageSize size, int channels, Reconstruction method)
    {
        using var scaler = new SecureScaler(scenario.Library, scenario.Algorithm, target, new SecureScalerOptions { Reconstruction = method });
        var output = new byte[target.Width * target.Height * channels];
        scaler.PlanFor(size); // build the model outside the timing
        var clock = Stopwatch.StartNew();
        scaler.Resize(image, new ImageLayout(size.Width, size.Height, channels), output, new ImageLayout(target.Width, target.Height, channels));
        return (output, clock.Elapsed);
    }

    /// <summary>Encodes packed 8-bit BGR(A)/gray pixels as PNG.</summary>
    public static byte[] Png(byte[] pixels, ImageSize size, int channels)
    {
        using var mat = new Mat(size.Height, size.Width, MatType.CV_8UC(channels));
        int row = size.Width * channels;
        unsafe
        {
            for (int y = 0; y < size.Height; y++)
            {
                pixels.AsSpan(y * row, row).CopyTo(new Span<byte>((void*)mat.Ptr(y), row));
            }
        }
        Cv2.ImEncode(".png", mat, out byte[] png);
        return png;
    }
}
