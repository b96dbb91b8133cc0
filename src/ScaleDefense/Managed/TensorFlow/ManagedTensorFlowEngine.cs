namespace ScaleDefense.Managed.TensorFlow;

/// <summary>The managed baseline of TensorFlow 2's and TensorFlow 1's resize.</summary>
internal static class ManagedTensorFlowEngine
{
    public static IScalingEngine Create(ScalingLibrary library, ScalingAlgorithm algorithm, ImageSize source, ImageSize target, bool antialias) =>
        throw new NotSupportedException($"{library} {algorithm} (antialias {antialias}) is not implemented yet ({source} -> {target}).");
}
