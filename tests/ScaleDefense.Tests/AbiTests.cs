using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using ScaleDefense.Interop;

namespace ScaleDefense.Tests;

/// <summary>The contract between libscaledefense.so and the generated bindings.</summary>
[TestFixture]
public class AbiTests
{
    private static string LoadedLibrary => NativeLibraryLoader.CandidatePaths().First(File.Exists);

    [Test]
    public void Exported_functions_equal_the_bound_functions()
    {
        string[] exported = DynamicSymbols(LoadedLibrary).Where(s => s.StartsWith("sd_", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        string[] bound = typeof(NativeMethods).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.GetCustomAttribute<LibraryImportAttribute>() is not null)
            .Select(m => m.GetCustomAttribute<LibraryImportAttribute>()!.EntryPoint ?? m.Name)
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(exported, Is.EqualTo(bound), "exported by the .so vs [LibraryImport] in C#");
            Assert.That(NativeExports.Functions, Is.EqualTo(bound), "declared in the header vs bound");
            Assert.That(DynamicSymbols(LoadedLibrary).Where(s => !s.StartsWith("sd_", StringComparison.Ordinal)), Is.Empty,
                        "only the C ABI leaves the library");
        });
    }

    [Test]
    public void Struct_layouts_match_the_c_compiler()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Marshal.SizeOf<sd_image>(), Is.EqualTo(NativeLayout.sd_image_Size));
            Assert.That(Marshal.OffsetOf<sd_image>(nameof(sd_image.stride)).ToInt32(), Is.EqualTo(NativeLayout.sd_image_stride_Offset));
            Assert.That(Marshal.OffsetOf<sd_image>(nameof(sd_image.sample_type)).ToInt32(), Is.EqualTo(NativeLayout.sd_image_sample_type_Offset));
            Assert.That(Marshal.SizeOf<sd_scaling_model_params>(), Is.EqualTo(NativeLayout.sd_scaling_model_params_Size));
            Assert.That(Marshal.OffsetOf<sd_scaling_model_params>(nameof(sd_scaling_model_params.target_height)).ToInt32(),
                        Is.EqualTo(NativeLayout.sd_scaling_model_params_target_height_Offset));
        });
    }

    [Test]
    public void The_loaded_library_has_the_expected_abi_version()
    {
        Assert.That(NativeMethods.sd_abi_version(), Is.EqualTo(NativeLibraryLoader.ExpectedAbiVersion));
    }

    [Test]
    public void A_library_with_another_abi_version_is_refused_with_a_clear_message()
    {
        string fake = Path.Combine(RepositoryPaths.NativeBuild, "tests", "libscaledefense_fake_abi.so");
        Assert.That(File.Exists(fake), $"{fake} is built by the native build");
        var e = Assert.Throws<InvalidOperationException>(() => NativeLibraryLoader.LoadAndVerify(fake));
        Assert.That(e!.Message, Does.Contain("ABI version 999").And.Contain($"expects {NativeLibraryLoader.ExpectedAbiVersion}"));
    }

    [Test]
    public void A_file_that_is_not_a_scaledefense_library_is_refused()
    {
        string zlib = new[] { "/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1" }.First(File.Exists);
        Assert.That(() => NativeLibraryLoader.LoadAndVerify(zlib),
                    Throws.InvalidOperationException.With.Message.Contains("does not export sd_abi_version"));
    }

    private static IEnumerable<string> DynamicSymbols(string library)
    {
        var start = new ProcessStartInfo("nm", ["-D", "--defined-only", library]) { RedirectStandardOutput = true };
        using Process nm = Process.Start(start)!;
        string text = nm.StandardOutput.ReadToEnd();
        nm.WaitForExit();
        Assert.That(nm.ExitCode, Is.Zero, "nm -D failed");
        // Lines: "<address> <type> <name>"; functions are type T.
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length == 3 && parts[1] == "T")
            .Select(parts => parts[2]);
    }
}
