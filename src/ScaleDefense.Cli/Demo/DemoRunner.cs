using System.Diagnostics;
using ScaleDefense.Cli.Imaging;

namespace ScaleDefense.Cli.Demo;

/// <summary>
/// The whole story on one pair of photos: for each scaler, the analysis verdict, the attack
/// (source, target, attack image, what the scaler makes of it) and the defended result with the
/// median and the random filter.
/// </summary>
internal static class DemoRunner
{
    public static IReadOnlyList<DemoOutcome> Run(PackedImage source, PackedImage target, TextWriter progress)
    {
        var outcomes = new List<DemoOutcome>();
        foreach (DemoScenario scenario in DemoScenario.All)
        {
            var clock = Stopwatch.StartNew();
            using var model = ScalingModel.Create(scenario.Library, scenario.Algorithm, source.Size, target.Size);
            VulnerabilityReport report = model.Analyze();
            AttackResult attack = AttackPlanner.Attack(model, source, target, epsilon: 1);
            byte[] scaledSource = model.Scale(source.Pixels, source.Channels);
            byte[] scaledAttack = model.Scale(attack.Image, source.Channels);
            (byte[] median, TimeSpan medianTime) = Defend(scenario, attack, target.Layout, Reconstruction.Median);
            (byte[] random, TimeSpan randomTime) = Defend(scenario, attack, target.Layout, Reconstruction.Random);
            outcomes.Add(new DemoOutcome(scenario, report, attack, scaledAttack, median, random,
                ImageMetrics.Psnr(median, scaledSource), ImageMetrics.Psnr(median, target.Pixels),
                ImageMetrics.Psnr(random, scaledSource), ImageMetrics.Psnr(random, target.Pixels),
                medianTime, randomTime));
            progress.WriteLine($"  [{outcomes.Count}/{DemoScenario.All.Count}] {scenario.Title}: {report.Verdict}, attack PSNR(A,S) {Numbers.Fixed(attack.Verification.PsnrAttackToSource, 1)} dB ({Numbers.Fixed(clock.Elapsed.TotalSeconds, 1)} s)");
        }
        return outcomes;
    }

    private static (byte[] Output, TimeSpan Time) Defend(DemoScenario scenario, AttackResult attack, ImageLayout targetLayout, Reconstruction method)
    {
        using var scaler = new SecureScaler(scenario.Library, scenario.Algorithm, targetLayout.Size, new SecureScalerOptions { Reconstruction = method });
        var output = new byte[targetLayout.RequiredLength];
        scaler.PlanFor(attack.Layout.Size); // build the model outside the timing
        var clock = Stopwatch.StartNew();
        scaler.Resize(attack.Image, attack.Layout, output, targetLayout);
        return (output, clock.Elapsed);
    }
}
