namespace ScaleDefense;

/// <summary>Options of a <see cref="SecureScaler"/>.</summary>
public sealed record SecureScalerOptions
{
    /// <summary>How P is rebuilt. Default <see cref="Reconstruction.Auto"/>: the median filter unless the scaler is robust.</summary>
    public Reconstruction Reconstruction { get; init; } = Reconstruction.Auto;

    /// <summary>
    /// Filter window, random seed and threads. Its <see cref="ReconstructionOptions.LeaveOtherPixels"/> is not used: the
    /// scaler rebuilds into its own scratch buffer and writes there what its scale reads.
    /// </summary>
    public ReconstructionOptions Filter { get; init; } = ReconstructionOptions.Default;

    /// <summary>The library's antialias switch and the backend.</summary>
    public ScalingOptions Scaling { get; init; } = ScalingOptions.Default;

    /// <summary>Thresholds the suspicion reported by <see cref="SecureScaler.Resize(ReadOnlySpan{byte}, ImageLayout, Span{byte}, ImageLayout, out Suspicion)"/> is judged with; null for <see cref="DetectionThresholds.Shipped"/>.</summary>
    public DetectionThresholds? Thresholds { get; init; }

    /// <summary>How many source sizes keep a ready model (least recently used ones are dropped). Default 16.</summary>
    public int CacheCapacity { get; init; } = 16;
}
