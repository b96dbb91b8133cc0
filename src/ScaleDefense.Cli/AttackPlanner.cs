namespace ScaleDefense.Cli;

/// <summary>
/// Chooses the attack the paper would use against a scaler: write the target into P when every
/// output copies one pixel, the area attack for block averages, the strong (QP) attack otherwise.
/// </summary>
internal static class AttackPlanner
{
    public static AttackResult Attack(ScalingModel model, byte[] source, int channels, byte[] target, double epsilon)
    {
        var layout = new ImageLayout(model.Source.Width, model.Source.Height, channels);
        var targetLayout = new ImageLayout(model.Target.Width, model.Target.Height, channels);
        if (model.Analyze().BehavesLikeNearest)
        {
            return ScalingAttacks.DirectNearest(model, source, layout, target, targetLayout);
        }
        if (model.Algorithm is ScalingAlgorithm.Area or ScalingAlgorithm.Box)
        {
            return ScalingAttacks.Area(model, source, layout, target, targetLayout, new AreaAttackOptions { Norm = AreaAttackNorm.L1, Epsilon = epsilon });
        }
        return new StrongScalingAttack(model, new StrongAttackOptions { Epsilon = epsilon }).Run(source, layout, target, targetLayout).Attack;
    }
}
