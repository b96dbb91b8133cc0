using ScaleDefense.Cli.Imaging;

namespace ScaleDefense.Cli.Eval;

/// <summary>
/// The seam between the evaluation and the attacks it runs. Each method returns the attack with
/// its verification, or null with a one-line reason when this build has no such attack for the
/// scaler (the results then say "not available", never a made-up number).
/// </summary>
internal interface IEvalAttacks
{
    /// <summary>The non-adaptive attack of §5.2 (the strong attack of Xiao et al.; for nearest-like scalers the direct one).</summary>
    (AttackResult? Result, string Note) Attack(ScalingModel model, PackedImage source, PackedImage target);

    /// <summary>The δ values Fig. 17 is measured at (fraction of each filter window the adversary may change).</summary>
    IReadOnlyList<double> AdaptiveDeltas { get; }

    /// <summary>
    /// The adaptive attack of §5.5 against <paramref name="filter"/> (median or random) changing at
    /// most a fraction <paramref name="delta"/> of each window, starting from <paramref name="start"/>:
    /// the caller's result of <see cref="Attack"/> for the same model and images (null when there was none).
    /// </summary>
    (AttackResult? Result, string Note) Adaptive(ScalingModel model, Reconstruction filter, PackedImage source, PackedImage target, AttackResult? start, double delta);
}
