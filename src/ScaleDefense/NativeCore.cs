using ScaleDefense.Native;

namespace ScaleDefense;

/// <summary>Whether the native core (libscaledefense) serves this process; checked once, on first use.</summary>
public static class NativeCore
{
    /// <summary>True when the native library loaded and matches these bindings.</summary>
    public static bool IsAvailable => NativeAvailability.IsAvailable;

    /// <summary>Why the native library did not load (which file, which paths were searched), or null when it did.</summary>
    public static string? LoadError => NativeAvailability.LoadError;

    /// <summary>Native model handles created and not yet released in this process: a leak counter for soak tests and diagnostics.</summary>
    public static long LiveHandles => ScaleDefense.Interop.ScalingModelHandle.LiveCount;

    /// <summary>One phrase for messages: loaded, or why not.</summary>
    internal static string Describe() => NativeAvailability.Describe();

    /// <summary>The backend a request resolves to here: <see cref="ScalingBackend.Auto"/> becomes Native or Managed.</summary>
    /// <exception cref="ArgumentException">The value is not a <see cref="ScalingBackend"/>.</exception>
    public static ScalingBackend Resolve(ScalingBackend requested) => requested switch
    {
        ScalingBackend.Native or ScalingBackend.Managed => requested,
        ScalingBackend.Auto => IsAvailable ? ScalingBackend.Native : ScalingBackend.Managed,
        _ => throw new ArgumentException($"Unknown backend {(int)requested}; use Auto, Native or Managed.", nameof(requested)),
    };
}
