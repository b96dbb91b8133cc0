namespace ScaleDefense;

/// <summary>How <see cref="SecureScaler"/> rebuilds the pixels a scaler reads (the set P) before scaling.</summary>
public enum Reconstruction
{
    /// <summary>Scale as is (for robust scalers).</summary>
    None = 0,

    /// <summary>The selective median filter (paper §4.3): per channel, the median of the window's pixels outside P.</summary>
    Median = 1,

    /// <summary>The selective random filter (paper, Appendix B): a random pixel of the window outside P.</summary>
    Random = 2,

    /// <summary>
    /// None when the analysis finds the scaler robust; <see cref="WeightedMedian"/> when it reads every pixel
    /// but weighs some far more, at β below 4 (<see cref="ScalingModel.AutomaticReconstruction"/>); the median otherwise.
    /// </summary>
    Auto = 3,

    /// <summary>
    /// For scalers that read every pixel but weigh some far more (r = 1: OpenCV bicubic at β ≤ 4, Lanczos,
    /// TensorFlow's gaussian/mitchellcubic without antialias), where <see cref="Median"/> has nothing outside P
    /// to rebuild from: the selective median filter applied to the heavily weighted rows × columns (largest
    /// weight in L or R ≥ 1.5/β, on axes with β ≥ 1.5) instead of P, rebuilding them from the light ones.
    /// The set is the weighted-P detector's (<see cref="DetectorKind.WeightedReconstruction"/>). It costs
    /// benign images more than the median on a sparse P (PSNR of the scaled output ≥ 21 dB on our photos at
    /// β ≤ 3.3, down to 18 dB at β = 4: docs/detection.md), so <see cref="Auto"/> picks it below β = 4 only.
    /// </summary>
    WeightedMedian = 4,
}

/// <summary>The window around each pixel of P.</summary>
public enum FilterWindow
{
    /// <summary>
    /// The paper's 2β_h × 2β_v window: columns x − ⌊β_h⌋ … x + ⌊β_h⌋ and rows y − ⌊β_v⌋ … y + ⌊β_v⌋
    /// (at least ±1), clipped at the image borders. The default.
    /// </summary>
    Paper = 0,

    /// <summary>The narrower ±⌊β/2⌋ window (at least ±1) of the paper's public code: faster, closer to the original pixel, easier to influence.</summary>
    Narrow = 1,
}
