namespace ScaleDefense;

/// <summary>
/// What <see cref="SecureScaler"/> noticed while defending one image: the reconstruction-difference
/// score (how far the defense moved the scaled output, RMS grey levels) and its threshold.
/// </summary>
/// <param name="Detector">ReconstructionMedian, ReconstructionRandom or WeightedReconstruction (for <see cref="Reconstruction.WeightedMedian"/>), after the filter applied.</param>
/// <param name="Score">The score; NaN when the detector does not apply.</param>
/// <param name="Threshold">The threshold of this scaler family and ratio; null when none is known or it does not apply.</param>
public sealed record Suspicion(DetectorKind Detector, double Score, double? Threshold)
{
    /// <summary>Why the detector does not apply, or an empty string.</summary>
    public string Note { get; init; } = "";

    /// <summary>The score is above a known threshold: the image was probably an attack (already neutralised by the defense).</summary>
    public bool IsSuspicious => Threshold is { } t && Score > t;

    internal static Suspicion NotApplicable(string why) => new(DetectorKind.ReconstructionMedian, double.NaN, null) { Note = why };
}
