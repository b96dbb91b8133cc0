namespace ScaleDefense;

/// <summary>
/// L and R recovered from a scaler seen only through its outputs (<see cref="ScalingModel.Probe(ImageSize, ImageSize, FloatScaler)"/>),
/// with a measure of how well <c>L·X·R</c> predicts the scaler.
/// </summary>
public sealed class ProbedScaler
{
    internal ProbedScaler(ImageSize source, ImageSize target, CoefficientMatrix left, CoefficientMatrix right, SampleType probeType, int calls,
                          double predictionError, int rowSpacing, int columnSpacing)
    {
        RowSpacing = rowSpacing;
        ColumnSpacing = columnSpacing;
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

    /// <summary>How far apart the source rows lit in one call were (the source height when each row had a call of its own).</summary>
    public int RowSpacing { get; }

    /// <summary>How far apart the source columns lit in one call were (the source width when each column had a call of its own).</summary>
    public int ColumnSpacing { get; }

    /// <summary>
    /// Largest absolute difference, on a random test image (values 0..255), between the scaler's
    /// output and the prediction <c>L·X·R</c> — for an 8-bit probe rounded and clamped to 0..255 as
    /// the scaler's output is. Near 0 for a linear separable float scaler; 1 or 2 for an 8-bit one
    /// (its own rounding of intermediate results); large when the scaler is not of the form L·X·R.
    /// </summary>
    public double PredictionError { get; }

    /// <summary>The vulnerability analysis of the recovered matrices; σ is taken as the widest support of any output.</summary>
    public VulnerabilityReport Analyze() => VulnerabilityReport.FromMatrices(
        $"probed scaler {Source} -> {Target}", Left, Right, CustomMatrices.WidestSupport(Right), CustomMatrices.WidestSupport(Left));
}
