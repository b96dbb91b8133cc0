using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
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
    public void Every_NativeLayout_constant_matches_a_generated_struct_or_field()
    {
        Dictionary<string, int> fromClang = typeof(NativeLayout).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);
        Dictionary<string, int> fromCSharp = GeneratedStructs().SelectMany(CSharpLayout).ToDictionary(p => p.Key, p => p.Value);
        Assert.That(fromClang, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(fromClang.Keys.Except(fromCSharp.Keys), Is.Empty, "NativeLayout constants that name no generated struct or field");
            Assert.That(fromCSharp.Keys.Except(fromClang.Keys), Is.Empty, "generated structs or fields without a NativeLayout constant");
            foreach (string name in fromClang.Keys.Intersect(fromCSharp.Keys))
            {
                Assert.That(fromCSharp[name], Is.EqualTo(fromClang[name]), name);
            }
        });
    }

    // Offsets above come from Marshal.OffsetOf; the bindings pass pointers to managed memory, so
    // the marshalled layout must also be the managed one: sequential, and the same size.
    [Test]
    public void Generated_structs_are_sequential_and_the_same_size_managed_and_marshalled()
    {
        Assert.Multiple(() =>
        {
            foreach (Type type in GeneratedStructs())
            {
                Assert.That(type.IsLayoutSequential, type.Name);
                Assert.That(Marshal.SizeOf(type), Is.EqualTo(ManagedSize(type)), type.Name);
            }
        });
    }

    [Test]
    public void The_loaded_library_has_the_expected_abi_version()
    {
        Assert.That(NativeMethods.sd_abi_version(), Is.EqualTo((int)sd_abi.SD_ABI_VERSION));
        Assert.That(NativeLibraryLoader.ExpectedAbiVersion, Is.EqualTo((int)sd_abi.SD_ABI_VERSION));
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

    // The generated structs with fields (opaque handle types have none and no layout).
    private static IEnumerable<Type> GeneratedStructs() =>
        typeof(NativeMethods).Assembly.GetExportedTypes()
            .Where(t => t.IsValueType && !t.IsEnum && t.Name.StartsWith("sd_", StringComparison.Ordinal))
            .Where(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance).Length > 0);

    // The names BindGen gives NativeLayout constants: {struct}_Size and {struct}_{field}_Offset.
    private static IEnumerable<KeyValuePair<string, int>> CSharpLayout(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Instance)
            .Select(f => KeyValuePair.Create($"{type.Name}_{f.Name}_Offset", Marshal.OffsetOf(type, f.Name).ToInt32()))
            .Prepend(KeyValuePair.Create($"{type.Name}_Size", ManagedSize(type)));

    private static int ManagedSize(Type type) =>
        (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;

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
