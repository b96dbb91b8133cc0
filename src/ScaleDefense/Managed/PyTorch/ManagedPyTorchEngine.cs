namespace ScaleDefense.Managed.PyTorch;

/// <summary>The managed baseline of PyTorch's interpolate.</summary>
internal static class ManagedPyTorchEngine
{
    public static IScalingEngine Create(ScalingAlgorithm algorithm, ImageSize source, ImageSize target, bool antialias) =>
        throw new NotSupportedException($"PyTorch {algorithm} (antialias {antialias}) is not implemented yet ({source} -> {target}).");
}
