namespace ScaleDefense.Cli.Eval;

/// <summary>
/// The attacks this build has: the direct attack on scalers that read one source pixel per output
/// (write T into P). The strong QP attack, the area attacks and the adaptive attacks are not in this
/// build; swapping them in is a change to this file only.
/// </summary>
internal sealed class EvalAttacks : IEvalAttacks
{
    public const string NotAvailable = "not available in this build";

    public IReadOnlyList<double> AdaptiveDeltas { get; } = [0.1, 0.2, 0.3, 0.4, 0.5];

    public (AttackResult? Result, string Note) Attack(ScalingModel model, byte[] source, byte[] target, int channels)
    {
        if (model.Algorithm == ScalingAlgorithm.Nearest || model.Analyze().BehavesLikeNearest)
        {
            return (AttackResult.Run("direct (T written into P)", model, source, channels, target, () => (WriteTargetIntoP(model, source, target, channels), [0.0])), "");
        }
        return (null, $"strong (QP) attack {NotAvailable}");
    }

    public (AttackResult? Result, string Note) Adaptive(ScalingModel model, Reconstruction filter, byte[] source, byte[] target, int channels, double delta) =>
        (null, $"adaptive attack against the {filter.ToString().ToLowerInvariant()} filter {NotAvailable}");

    // Each output pixel copies exactly one source pixel: put the target's value there.
    private static byte[] WriteTargetIntoP(ScalingModel model, byte[] source, byte[] target, int channels)
    {
        byte[] attack = (byte[])source.Clone();
        for (int ty = 0; ty < model.Target.Height; ty++)
        {
            int sy = model.Left.GetSourceIndices(ty)[0];
            for (int tx = 0; tx < model.Target.Width; tx++)
            {
                int sx = model.Right.GetSourceIndices(tx)[0];
                target.AsSpan((ty * model.Target.Width + tx) * channels, channels).CopyTo(attack.AsSpan((sy * model.Source.Width + sx) * channels));
            }
        }
        return attack;
    }
}
