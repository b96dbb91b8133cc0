namespace ScaleDefense;

/// <summary>How exposed a scaler is to image-scaling attacks (Quiring et al. 2020, §3.3 and §4.2).</summary>
public enum Verdict
{
    /// <summary>Some source pixels are never read: whoever rewrites the pixels that are read controls the output while the rest keeps the source's look.</summary>
    Vulnerable = 0,

    /// <summary>Every pixel is read, but some weigh far more than others: an adaptive attack can concentrate its changes there.</summary>
    PartiallyRobust = 1,

    /// <summary>Every pixel is read with a near-uniform weight (σ ≥ β): the attack cannot stay invisible.</summary>
    Robust = 2,
}
