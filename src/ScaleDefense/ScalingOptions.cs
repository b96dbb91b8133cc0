namespace ScaleDefense;

/// <summary>Choices of a <see cref="ScalingModel"/> beyond library, algorithm and sizes.</summary>
public sealed record ScalingOptions
{
    /// <summary>The library's antialias switch (TensorFlow 2; PyTorch bilinear and bicubic). Off by default, as in those libraries' low-level APIs.</summary>
    public bool Antialias { get; init; }

    /// <summary>Which implementation does the arithmetic.</summary>
    public ScalingBackend Backend { get; init; } = ScalingBackend.Native;

    /// <summary>Native backend, no antialias.</summary>
    public static ScalingOptions Default { get; } = new();
}
