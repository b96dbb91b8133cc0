namespace ScaleDefense.Managed.Pillow;

/// <summary>The managed baseline of Pillow's resize.</summary>
internal static class ManagedPillowEngine
{
    public static IScalingEngine Create(ScalingAlgorithm algorithm, ImageSize source, ImageSize target) =>
        throw new NotSupportedException($"Pillow {algorithm} is not implemented yet ({source} -> {target}).");
}
