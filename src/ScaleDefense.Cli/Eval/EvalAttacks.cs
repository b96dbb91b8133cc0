namespace ScaleDefense.Cli.Eval;

/// <summary>
/// The attacks of the evaluation: the one the paper would use against each scaler
/// (<see cref="AttackPlanner"/>: direct, area or strong), and the adaptive attacks of §5.5, which
/// start from that attack image.
/// </summary>
internal sealed class EvalAttacks : IEvalAttacks
{
    public const string NotAvailable = "not available in this build";

    /// <summary>Adaptive attacks run only where the scaler reads less than this share of the pixels.</summary>
    public const double SparseLimit = 0.5;

    // The adaptive attacks of one case start from the same non-adaptive attack image: keep the last.
    private (ScalingModel Model, byte[] Source, byte[] Target, AttackResult Result)? _last;

    public IReadOnlyList<double> AdaptiveDeltas { get; } = [0.1, 0.2, 0.3, 0.4, 0.5];

    public (AttackResult? Result, string Note) Attack(ScalingModel model, byte[] source, byte[] target, int channels)
    {
        AttackResult result = AttackPlanner.Attack(model, source, channels, target, epsilon: 1);
        _last = (model, source, target, result);
        return (result, "");
    }

    public (AttackResult? Result, string Note) Adaptive(ScalingModel model, Reconstruction filter, byte[] source, byte[] target, int channels, double delta)
    {
        double r = model.Analyze().ConsideredPixelRatio;
        if (r >= SparseLimit)
        {
            // The paper's adaptive attacks target a sparse P. When (nearly) every pixel is read the
            // filters rebuild from (almost) nothing, and the attack's widened windows cost seconds.
            return (null, $"P is not sparse (r = {r:0.##} ≥ {SparseLimit}): adaptive attacks are run where r < {SparseLimit}");
        }
        AttackResult start = _last is { } last && ReferenceEquals(last.Model, model) && ReferenceEquals(last.Source, source) && ReferenceEquals(last.Target, target)
            ? last.Result
            : Attack(model, source, target, channels).Result!;
        var sourceLayout = new ImageLayout(model.Source.Width, model.Source.Height, channels);
        var targetLayout = new ImageLayout(model.Target.Width, model.Target.Height, channels);
        var options = new AdaptiveAttackOptions { MaxChange = delta };
        return filter switch
        {
            Reconstruction.Median => (ScalingAttacks.AdaptiveMedian(model, source, sourceLayout, target, targetLayout, start.Image, start.Layout, options), ""),
            Reconstruction.Random => (ScalingAttacks.AdaptiveRandom(model, source, sourceLayout, target, targetLayout, start.Image, start.Layout, options), ""),
            _ => (null, $"adaptive attack against {filter} {NotAvailable}"),
        };
    }
}
