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

    /// <summary>Median when the analysis finds the scaler vulnerable or partially robust, none when it is robust.</summary>
    Auto = 3,
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
