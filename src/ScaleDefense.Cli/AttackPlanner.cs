namespace ScaleDefense.Cli;

/// <summary>
/// Chooses the attack the paper would use against a scaler: write the target into P when every
/// output copies one pixel, the area attack for block averages, the strong (QP) attack otherwise.
/// </summary>
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
        var layout = new ImageLayout(model.Source.Width, model.Source.Height, channels);
        var targetLayout = new ImageLayout(model.Target.Width, model.Target.Height, channels);
        return new StrongScalingAttack(model, new StrongAttackOptions { Epsilon = epsilon }).Run(source, layout, target, targetLayout).Attack;
    }
}
