namespace ScaleDefense.Cli.Demo;

/// <summary>Picks the attack the paper would use against a scaler.</summary>
internal static class DemoAttacks
{
    /// <summary>The attack image for <paramref name="model"/>, or null with the reason when no attack applies.</summary>
    public static (AttackResult? Result, string Note) Run(ScalingModel model, VulnerabilityReport report, byte[] source, byte[] target, int channels)
    {
        if (report.BehavesLikeNearest)
        {
            return (ScalingAttacks.DirectNearest(model, source, channels, target), "each output copies one source pixel: the target is written into those pixels");
        }
        if (model.Algorithm is ScalingAlgorithm.Area or ScalingAlgorithm.Box)
        {
            return (ScalingAttacks.Area(model, source, channels, target, AreaAttackNorm.L1), "area scaling averages whole blocks: every pixel of a block must move (§5.3.2)");
        }
        return (null, "needs the strong (QP) attack, which this build does not have yet");
    }
}
