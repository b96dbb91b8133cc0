using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ScaleDefense.Interop;

/// <summary>
/// Finds libscaledefense.so (next to the assemblies, in runtimes/linux-x64/native/, or at the
/// path in SCALEDEFENSE_NATIVE_LIBRARY) and refuses a library built for another ABI version.
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
    public static IntPtr LoadAndVerify(string path)
    {
        IntPtr handle = NativeLibrary.Load(path);
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

    /// <summary>The places searched, in order.</summary>
    public static IEnumerable<string> CandidatePaths()
    {
        string? overridePath = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(overridePath))
        {
            yield return overridePath;
        }
        string?[] folders = [AppContext.BaseDirectory, Path.GetDirectoryName(typeof(NativeLibraryLoader).Assembly.Location)];
        foreach (string? folder in folders.Distinct())
        {
            if (string.IsNullOrEmpty(folder))
            {
                continue;
            }
            yield return Path.Combine(folder, FileName);
            yield return Path.Combine(folder, "runtimes", "linux-x64", "native", FileName);
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != NativeMethods.LibraryName)
        {
            return IntPtr.Zero;
        }
        foreach (string path in CandidatePaths())
        {
            if (File.Exists(path))
            {
                return LoadAndVerify(path);
            }
        }
        throw new DllNotFoundException(
            $"{FileName} was not found (searched: {string.Join(", ", CandidatePaths())}). " +
            $"Build it with ./build.sh --target=Native or set {PathVariable} to its path.");
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
