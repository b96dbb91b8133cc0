namespace ScaleDefense;

/// <summary>The detectors of <see cref="AttackDetector"/>; each returns a score where higher means more suspicious.</summary>
public enum DetectorKind
{
    /// <summary>RMS of scale(X) − scale(median-reconstruct(X)) in grey levels (the "clean filter" detector; native core).</summary>
    ReconstructionMedian = 0,

    /// <summary>The same with the selective random filter.</summary>
    ReconstructionRandom = 1,

    /// <summary>RMS of X − upscale(scale(X)) in grey levels, upscaled bilinearly (Kim et al.'s Decamouflage).</summary>
    DownUpScaling = 2,

    /// <summary>Mean log10 ratio of the spectrum's power at the frequencies the scaler's grid aliases (multiples of the target size) to their neighbourhood.</summary>
    PeakSpectrum = 3,

    /// <summary>For scalers that read every pixel (r = 1): RMS of scale(X) − scale(X with its heavily weighted pixels rebuilt from the light ones).</summary>
    WeightedReconstruction = 4,
}

/// <summary>What <see cref="AttackDetector"/> concludes about one image.</summary>
public enum DetectionVerdict
{
    /// <summary>No detector exceeded its threshold, or the scaler cannot be attacked.</summary>
    Clean = 0,

    /// <summary>At least one detector exceeded its threshold.</summary>
    Suspicious = 3,
}
