using ScaleDefense.Cli.Imaging;

namespace ScaleDefense.Cli.Eval;

/// <summary>
/// The attacks of the evaluation: the one the paper would use against each scaler
/// (<see cref="AttackPlanner"/>: direct, area or strong), and the adaptive attacks of §5.5, which
/// harden that attack image.
/// </summary>
internal sealed class EvalAttacks : IEvalAttacks
{
    public const string NotAvailable = "not available in this build";

    /// <summary>Adaptive attacks run only where the scaler reads less than this share of the pixels.</summary>
    public const double SparseLimit = 0.5;

    public IReadOnlyList<double> AdaptiveDeltas { get; } = [0.1, 0.2, 0.3, 0.4, 0.5];

    public (AttackResult? Result, string Note) Attack(ScalingModel model, PackedImage source, PackedImage target) =>
        (AttackPlanner.Attack(model, source, target, epsilon: 1), "");

    public (AttackResult? Result, string Note) Adaptive(ScalingModel model, Reconstruction filter, PackedImage source, PackedImage target, AttackResult? start, double delta)
    {
        double r = model.Analyze().ConsideredPixelRatio;
        if (r >= SparseLimit)
        {
            // The paper's adaptive attacks target a sparse P. When (nearly) every pixel is read the
            // filters rebuild from (almost) nothing, and the attack's widened windows cost seconds.
            return (null, $"P is not sparse (r = {r:0.##} ≥ {SparseLimit}): adaptive attacks are run where r < {SparseLimit}");
        }
        if (start is null)
        {
            return (null, "no attack image to adapt (the non-adaptive attack did not run)");
        }
        if (!AttackPlanner.CanAdapt(filter))
        {
            return (null, $"adaptive attack against {filter} {NotAvailable}");
        }
        return (AttackPlanner.Adapt(model, filter, source, target, start, new AdaptiveAttackOptions { MaxChange = delta }), "");
    }
}
