namespace ScaleDefense.Cli.Demo;

/// <summary>Picks the attack the paper would use against a scaler.</summary>
internal static class DemoAttacks
{
    /// <summary>The attack image for <paramref name="model"/>, or null with the reason when no attack applies.</summary>
    public static (AttackResult? Result, string Note) Run(ScalingModel model, VulnerabilityReport report, byte[] source, byte[] target, int channels)
    {
        if (report.BehavesLikeNearest)
        {
            return (AttackResult.Run("direct (target written into P)", model, source, channels, target,
                () => (WriteTargetIntoP(model, source, target, channels), null)), "each output copies one source pixel: the target is written into those pixels");
        }
        return (null, "needs the strong (QP) attack, which this build does not have yet");
    }

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
