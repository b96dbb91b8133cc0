namespace ScaleDefense;

/// <summary>Choices of an <see cref="AttackDetector"/>.</summary>
public sealed record AttackDetectorOptions
{
    /// <summary>Thresholds to judge with; null for <see cref="DetectionThresholds.Shipped"/>.</summary>
    public DetectionThresholds? Thresholds { get; init; }

    /// <summary>
    /// Window, seed and threads of the reconstruction-difference detectors. The default random filter
    /// draws a fresh OS seed per call (an attacker cannot predict it); set a seed for repeatable scores.
    /// </summary>
    public ReconstructionOptions Filter { get; init; } = ReconstructionOptions.Default;

    /// <summary>The detectors to run (default: all).</summary>
    public IReadOnlySet<DetectorKind> Detectors { get; init; } = new HashSet<DetectorKind>(Enum.GetValues<DetectorKind>());
}
