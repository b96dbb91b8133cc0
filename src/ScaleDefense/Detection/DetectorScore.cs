namespace ScaleDefense;

/// <summary>One detector's result on one image.</summary>
/// <param name="Detector">Which detector.</param>
/// <param name="Score">Its score (higher = more suspicious); NaN when it does not apply.</param>
/// <param name="Threshold">The threshold it was compared with; null when no threshold is known for this scaler or it does not apply.</param>
/// <param name="Applies">Whether the detector means anything for this scaler (see <see cref="Note"/> when not).</param>
/// <param name="Note">Why it does not apply, or an empty string.</param>
public sealed record DetectorScore(DetectorKind Detector, double Score, double? Threshold, bool Applies, string Note)
{
    /// <summary>The detector applies, has a threshold, and its score is above it.</summary>
    public bool Exceeds => Applies && Threshold is { } t && Score > t;

    /// <summary>One line: name, score, threshold, outcome.</summary>
    public override string ToString()
    {
        string name = Detector.ToString();
        if (!Applies)
        {
            return $"{name,-24} not applicable ({Note})";
        }
        string threshold = Threshold is { } t ? t.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "none";
        string outcome = Threshold is null ? "no threshold" : Exceeds ? "SUSPICIOUS" : "clean";
        return $"{name,-24} score {Score.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),10}  threshold {threshold,10}  {outcome}";
    }
}
