using System.Runtime.InteropServices;
using ScaleDefense.Interop;

namespace ScaleDefense.Native;

/// <summary>Whether libscaledefense loads in this process, asked once: the answer <see cref="ScalingBackend.Auto"/> is resolved with.</summary>
internal static class NativeAvailability
{
    private static readonly Lazy<string?> s_loadError = new(Probe, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Null when the library loaded and has the expected ABI version; otherwise why not.</summary>
    public static string? LoadError => s_loadError.Value;

    public static bool IsAvailable => LoadError is null;

    public static string Describe() => LoadError is null ? "the native library is loaded" : $"the native library did not load: {LoadError}";

    private static string? Probe()
    {
        try
        {
            _ = NativeMethods.sd_abi_version(); // the resolver loads the file and refuses another ABI version
            return null;
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or EntryPointNotFoundException or InvalidOperationException or MarshalDirectiveException)
        {
            return e.Message;
        }
    }
}
