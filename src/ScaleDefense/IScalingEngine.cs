namespace ScaleDefense;

/// <summary>
/// One backend's implementation of a model: every operation a <see cref="ScalingModel"/> offers goes
/// through here, so the model never asks which backend it holds. Arguments are validated by the
/// model before any call.
/// </summary>
internal interface IScalingEngine : IDisposable
{
    /// <summary>Native or Managed (never Auto).</summary>
    ScalingBackend Backend { get; }

    /// <summary>Width of the kernel's support in source pixels (the paper's σ) along one axis.</summary>
    double KernelWidth(bool vertical);

    /// <summary>Whether Scale accepts images of this sample type.</summary>
    bool Supports(SampleType sampleType);

    /// <summary>CSR arrays of one axis: offsets (outputs + 1), ascending indices, weights.</summary>
    (int[] Offsets, int[] Indices, double[] Weights) GetCoefficients(bool vertical, SampleType sampleType);

    void Scale(ReadOnlySpan<byte> source, ImageLayout sourceLayout, Span<byte> destination, ImageLayout destinationLayout);

    void Scale(ReadOnlySpan<float> source, ImageLayout sourceLayout, Span<float> destination, ImageLayout destinationLayout);

    /// <summary>
    /// Rebuilds P with <paramref name="method"/> (Median, Random or WeightedMedian; None and Auto are resolved by the
    /// model). <paramref name="considered"/> is the set to rebuild (the model's P, or its heavy pixels for WeightedMedian),
    /// evaluated only by the managed filters; the native handle holds the core's own copy of both sets.
    /// </summary>
    long Reconstruct(ReadOnlySpan<byte> source, ImageLayout sourceLayout, Span<byte> destination, ImageLayout destinationLayout,
                     Reconstruction method, ReconstructionOptions options, Lazy<ConsideredPixels> considered);

    /// <summary>
    /// The reconstruction-difference detector: RMS (grey levels, over every output sample) of
    /// scale(source) − scale(reconstruct(source)), on the 8-bit path where the library has one and the
    /// float path otherwise; 0 when the filter rewrites nothing. Both engines give the same value.
    /// </summary>
    double ReconstructionDifference(ReadOnlySpan<byte> source, ImageLayout sourceLayout, Reconstruction method,
                                    ReconstructionOptions options, Lazy<ConsideredPixels> considered, ImageSize target);

    /// <summary>The strong attack (Xiao et al.); the managed engine declines with <see cref="NotSupportedException"/>.</summary>
    StrongAttackOutput StrongAttack(ReadOnlySpan<byte> source, ImageLayout sourceLayout, ReadOnlySpan<byte> target, ImageLayout targetLayout,
                                    StrongAttackOptions options);
}

/// <summary>What an engine's strong attack returns: the packed attack image, ε per target column, and the solver's report.</summary>
internal sealed record StrongAttackOutput(byte[] Image, double[] Epsilons, StrongAttackStatistics Statistics);
