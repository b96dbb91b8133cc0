namespace ScaleDefense;

/// <summary>
/// L and R recovered from a scaler seen only through its outputs (<see cref="ScalingModel.Probe(ImageSize, ImageSize, FloatScaler)"/>),
/// with a measure of how well <c>L·X·R</c> predicts the scaler.
/// </summary>
public sealed class ProbedScaler
{
    internal ProbedScaler(ImageSize source, ImageSize target, CoefficientMatrix left, CoefficientMatrix right, SampleType probeType, int calls, double predictionError)
    {
        Source = source;
        Target = target;
        Left = left;
        Right = right;
        ProbeType = probeType;
        ScalerCalls = calls;
        PredictionError = predictionError;
    }

    /// <summary>Source size probed.</summary>
    public ImageSize Source { get; }

    /// <summary>Target size probed.</summary>
    public ImageSize Target { get; }

    /// <summary>Recovered L (target height × source height).</summary>
    public CoefficientMatrix Left { get; }

    /// <summary>Recovered R (source width × target width).</summary>
    public CoefficientMatrix Right { get; }

    /// <summary>Whether float or 8-bit probes were used.</summary>
    public SampleType ProbeType { get; }

    /// <summary>How many times the scaler was called.</summary>
    public int ScalerCalls { get; }

    /// <summary>
    /// Largest absolute difference, on a random test image (values 0..255), between the scaler's
    /// output and <c>L·X·R</c>. Near 0 for a linear separable float scaler; about 1 for an
    /// 8-bit one (its rounding); large when the scaler is not of the form L·X·R.
    /// </summary>
    public double PredictionError { get; }

    /// <summary>The vulnerability analysis of the recovered matrices; σ is taken as the widest support of any output.</summary>
    public VulnerabilityReport Analyze() => VulnerabilityReport.FromMatrices(
        $"probed scaler {Source} -> {Target}", Left, Right, SupportWidth(Right), SupportWidth(Left));

    private static double SupportWidth(CoefficientMatrix m)
    {
        int widest = 0;
        for (int d = 0; d < m.OutputCount; d++)
        {
            ReadOnlySpan<int> indices = m.GetSourceIndices(d);
            if (indices.Length > 0)
            {
                widest = Math.Max(widest, indices[^1] - indices[0] + 1);
            }
        }
        return widest;
    }
}
