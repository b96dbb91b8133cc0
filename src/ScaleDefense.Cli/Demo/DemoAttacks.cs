namespace ScaleDefense.Cli.Demo;

/// <summary>Picks the attack the paper would use against a scaler.</summary>
internal static class DemoAttacks
{
    /// <summary>The attack image for <paramref name="model"/>, or null with the reason when no attack applies.</summary>
    public static (AttackResult? Result, string Note) Run(ScalingModel model, VulnerabilityReport report, byte[] source, byte[] target, int channels)
    {
        string note = report.BehavesLikeNearest ? "each output copies one source pixel: the target is written into those pixels"
            : model.Algorithm is ScalingAlgorithm.Area or ScalingAlgorithm.Box ? "area scaling averages whole blocks: every pixel of a block must move (§5.3.2)"
            : "the strong attack: the smallest change of A that makes scale(A) = T within ε (§2.2.3)";
        return (AttackPlanner.Attack(model, source, channels, target, epsilon: 1), note);
    }
}
