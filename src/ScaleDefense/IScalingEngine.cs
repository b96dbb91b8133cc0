namespace ScaleDefense;

/// <summary>One backend's implementation of a model. Arguments are validated before any call.</summary>
internal interface IScalingEngine : IDisposable
{
    /// <summary>Width of the kernel's support in source pixels (the paper's σ) along one axis.</summary>
    double KernelWidth(bool vertical);

    /// <summary>Whether Scale accepts images of this sample type.</summary>
    bool Supports(SampleType sampleType);

    /// <summary>CSR arrays of one axis: offsets (outputs + 1), ascending indices, weights.</summary>
    (int[] Offsets, int[] Indices, double[] Weights) GetCoefficients(bool vertical, SampleType sampleType);

    void Scale(ReadOnlySpan<byte> source, ImageLayout sourceLayout, Span<byte> destination, ImageLayout destinationLayout);

    void Scale(ReadOnlySpan<float> source, ImageLayout sourceLayout, Span<float> destination, ImageLayout destinationLayout);
}
