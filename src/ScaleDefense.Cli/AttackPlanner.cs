using ScaleDefense.Cli.Imaging;

namespace ScaleDefense.Cli;

/// <summary>
/// The attacks the paper would use against a scaler, for every command that attacks (attack, demo,
/// eval): write the target into P when every output copies one pixel, the area attack for block
/// averages, the strong (QP) attack otherwise; and the adaptive attacks of §5.5 against the
/// median and random filters, hardening one of those attack images.
/// </summary>
internal static class AttackPlanner
{
    public static AttackResult Attack(ScalingModel model, PackedImage source, PackedImage target, double epsilon)
    {
        if (model.Analyze().BehavesLikeNearest)
        {
            return ScalingAttacks.DirectNearest(model, source.Pixels, source.Layout, target.Pixels, target.Layout);
        }
        if (model.Algorithm is ScalingAlgorithm.Area or ScalingAlgorithm.Box)
        {
            var options = new AreaAttackOptions { Norm = AreaAttackNorm.L1, Epsilon = epsilon };
            return ScalingAttacks.Area(model, source.Pixels, source.Layout, target.Pixels, target.Layout, options);
        }
        var strong = new StrongScalingAttack(model, new StrongAttackOptions { Epsilon = epsilon });
        return strong.Run(source.Pixels, source.Layout, target.Pixels, target.Layout).Attack;
    }

    /// <summary>Whether <see cref="Adapt"/> has an attack against <paramref name="defense"/>.</summary>
    public static bool CanAdapt(Reconstruction defense) => defense is Reconstruction.Median or Reconstruction.Random;

    /// <summary>The adaptive attack against <paramref name="defense"/> (median or random), hardening <paramref name="start"/>, an attack image for the same model and images.</summary>
    public static AttackResult Adapt(ScalingModel model, Reconstruction defense, PackedImage source, PackedImage target, AttackResult start,
                                     AdaptiveAttackOptions options) => defense switch
    {
        Reconstruction.Median => ScalingAttacks.AdaptiveMedian(model, source.Pixels, source.Layout, target.Pixels, target.Layout, start.Image, start.Layout, options),
        Reconstruction.Random => ScalingAttacks.AdaptiveRandom(model, source.Pixels, source.Layout, target.Pixels, target.Layout, start.Image, start.Layout, options),
        _ => throw new ArgumentException($"there is no adaptive attack against the {defense} reconstruction; use median or random", nameof(defense)),
    };
}
