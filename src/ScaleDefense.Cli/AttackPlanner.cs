namespace ScaleDefense.Cli;

/// <summary>Chooses the attack the paper would use against a scaler.</summary>
internal static class AttackPlanner
{
    public static AttackResult Attack(ScalingModel model, byte[] source, int channels, byte[] target, double epsilon)
    {
        if (model.Analyze().BehavesLikeNearest)
        {
            return ScalingAttacks.DirectNearest(model, source, channels, target);
        }
        if (model.Algorithm is ScalingAlgorithm.Area or ScalingAlgorithm.Box)
        {
            return ScalingAttacks.Area(model, source, channels, target, AreaAttackNorm.L1, epsilon);
        }
        throw new CliException($"{model.Library} {model.Algorithm} needs the strong (QP) attack, which this build does not have yet");
    }
}
