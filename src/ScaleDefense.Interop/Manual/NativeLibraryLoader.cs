using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ScaleDefense.Interop;

/// <summary>
/// Finds libscaledefense.so — at the path in SCALEDEFENSE_NATIVE_LIBRARY when that is set (then
/// nowhere else), otherwise next to the assemblies or in runtimes/&lt;rid&gt;/native/, and last where
/// the runtime itself looks (a single-file bundle's extraction folder) — and refuses a library built
/// for another ABI version.
/// </summary>
public static class NativeLibraryLoader
{
    /// <summary>Environment variable that points at a specific native library file.</summary>
    public const string PathVariable = "SCALEDEFENSE_NATIVE_LIBRARY";

    private const string FileName = "libscaledefense.so";

#pragma warning disable CA2255 // registering the resolver before any P/Invoke is what a module initializer is for
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);

    /// <summary>The ABI version these bindings were generated for.</summary>
    public static int ExpectedAbiVersion => (int)sd_abi.SD_ABI_VERSION;

    /// <summary>Loads the library at <paramref name="path"/> and checks its ABI version.</summary>
    /// <exception cref="InvalidOperationException">The library has another ABI version or no version export.</exception>
    public static IntPtr LoadAndVerify(string path) => Verify(NativeLibrary.Load(path), path);

    private static IntPtr Verify(IntPtr handle, string path)
    {
        int version = ReadAbiVersion(handle, path);
        if (version != ExpectedAbiVersion)
        {
            NativeLibrary.Free(handle);
            throw new InvalidOperationException(
                $"{path} has ABI version {version}, but ScaleDefense.Interop {typeof(NativeLibraryLoader).Assembly.GetName().Version} " +
                $"expects {ExpectedAbiVersion}. Use the native library that was built with these bindings " +
                "(./build.sh --target=Native, or matching ScaleDefense packages).");
        }
        return handle;
    }

    /// <summary>The places searched, in order, each once. The environment variable, when set, is the only one.</summary>
    public static IReadOnlyList<string> CandidatePaths()
    {
        string? overridePath = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(overridePath))
        {
            return [overridePath];
        }
        string?[] folders = [AppContext.BaseDirectory, Path.GetDirectoryName(typeof(NativeLibraryLoader).Assembly.Location)];
        return folders
            .Where(folder => !string.IsNullOrEmpty(folder))
            .SelectMany(folder => new[] { Path.Combine(folder!, FileName), Path.Combine(folder!, "runtimes", RuntimeIdentifier, "native", FileName) })
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The runtime identifier whose native folder is searched (linux-x64, linux-arm64, ...).</summary>
    /// <remarks>The portable RID, which is what NuGet's runtimes/ folders are named after (RuntimeInformation.RuntimeIdentifier may name a distro instead).</remarks>
    public static string RuntimeIdentifier { get; } =
        (OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux") + "-" +
        RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != NativeMethods.LibraryName)
        {
            return IntPtr.Zero;
        }
        IReadOnlyList<string> candidates = CandidatePaths();
        foreach (string path in candidates)
        {
            if (File.Exists(path))
            {
                return LoadAndVerify(path);
            }
        }
        // A single-file app that bundles its native libraries (IncludeNativeLibrariesForSelfExtract)
        // extracts them to a folder only the runtime's own probing knows; the override stays exclusive.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PathVariable)) &&
            NativeLibrary.TryLoad(FileName, assembly, searchPath, out IntPtr extracted))
        {
            return Verify(extracted, $"{FileName} (found by the runtime's probing)");
        }
        throw new DllNotFoundException(
            $"{FileName} for {RuntimeIdentifier} was not found (searched: {string.Join(", ", candidates)}). " +
            $"The ScaleDefense package ships it for linux-x64 and linux-arm64 under runtimes/<rid>/native/; " +
            $"set {PathVariable} to the file to use another, or use ScalingBackend.Auto / Managed to run on the managed baseline.");
    }

    private static unsafe int ReadAbiVersion(IntPtr handle, string path)
    {
        if (!NativeLibrary.TryGetExport(handle, nameof(NativeMethods.sd_abi_version), out IntPtr export))
        {
            NativeLibrary.Free(handle);
            throw new InvalidOperationException($"{path} does not export sd_abi_version: it is not a ScaleDefense native library.");
        }
        return ((delegate* unmanaged[Cdecl]<int>)export)();
    }
}
