namespace ScaleDefense;

/// <summary>
/// The direct attack on scalers that copy pixels (paper §2.2.3 for nearest; Appendix A for scalers
/// that degrade to it): every output copies one source pixel, so writing T into those pixels makes
/// the scaled image equal T exactly, and nothing else changes.
/// </summary>
internal static class DirectNearestAttack
{
    public static byte[] Run(ScalingModel model, byte[] source, int channels, byte[] target)
    {
        SampleType type = AttackInputs.VerifiedType(model);
        int[] rows = SelectedIndices(model.GetLeft(type));
        int[] columns = SelectedIndices(model.GetRight(type));
        if (rows.Length == 0 || columns.Length == 0)
        {
            throw new ArgumentException($"{model} does not copy one source pixel per output (its weights are spread over several pixels), so the direct attack cannot work; use the strong attack (the quadratic program of Xiao et al.) or, for area scaling, ScalingAttacks.Area.", nameof(model));
        }
        byte[] attack = (byte[])source.Clone();
        int width = model.Source.Width;
        int targetWidth = model.Target.Width;
        for (int ty = 0; ty < rows.Length; ty++)
        {
            for (int tx = 0; tx < columns.Length; tx++)
            {
                target.AsSpan((ty * targetWidth + tx) * channels, channels).CopyTo(attack.AsSpan((rows[ty] * width + columns[tx]) * channels));
            }
        }
        return attack;
    }

    /// <summary>The source index each output copies, or an empty array if some output reads more than one pixel or scales it.</summary>
    private static int[] SelectedIndices(CoefficientMatrix matrix)
    {
        var selected = new int[matrix.OutputCount];
        for (int output = 0; output < selected.Length; output++)
        {
            ReadOnlySpan<int> indices = matrix.GetSourceIndices(output);
            ReadOnlySpan<double> weights = matrix.GetWeights(output);
            if (indices.Length != 1 || Math.Abs(weights[0] - 1.0) > 1e-9)
            {
                return [];
            }
            selected[output] = indices[0];
        }
        return selected;
    }
}
