using ScaleDefense.Interop;

namespace ScaleDefense.Tests;

/// <summary>
/// The public enums that cross the C ABI (cast to int by src/ScaleDefense/Native) carry the ABI's
/// values, member for member, both ways. A C# member X mirrors the generated constant Prefix + X
/// in upper case, underscores ignored: NearestExact ~ SD_ALGORITHM_NEAREST_EXACT.
/// </summary>
[TestFixture]
public class AbiEnumTests
{
    private static readonly (Type Public, Type Abi, string Prefix)[] Mirrors =
    [
        (typeof(ScalingLibrary), typeof(sd_library), "SD_LIBRARY_"),
        (typeof(ScalingAlgorithm), typeof(sd_algorithm), "SD_ALGORITHM_"),
        (typeof(SampleType), typeof(sd_sample_type), "SD_SAMPLE_"),
        (typeof(Reconstruction), typeof(sd_reconstruction), "SD_RECONSTRUCTION_"),
        (typeof(FilterWindow), typeof(sd_window), "SD_WINDOW_"),
        (typeof(MipmapMode), typeof(sd_mipmap_mode), "SD_MIPMAP_"),
        (typeof(OpenCvBuild), typeof(sd_opencv_build), "SD_OPENCV_BUILD_"),
        (typeof(MlNetResizing), typeof(sd_mlnet_resizing), "SD_MLNET_"),
        (typeof(CropAnchor), typeof(sd_crop_anchor), "SD_CROP_ANCHOR_"),
    ];

    // Members of mirrored enums that C# resolves before anything crosses the ABI.
    private static readonly Enum[] CSharpOnlyMembers = [Reconstruction.None, Reconstruction.Auto];

    // Enums with no counterpart on the other side.
    private static readonly Type[] CSharpOnlyEnums = [typeof(ScalingBackend), typeof(Verdict), typeof(AreaAttackNorm), typeof(DetectorKind), typeof(DetectionVerdict)];
    private static readonly Type[] AbiOnlyEnums = [typeof(sd_abi), typeof(sd_status_code), typeof(sd_axis)];

    private static IEnumerable<TestCaseData> MirrorCases() =>
        Mirrors.Select(m => new TestCaseData(m.Public, m.Abi, m.Prefix).SetArgDisplayNames(m.Public.Name));

    [Test]
    public void Every_public_enum_mirrors_an_abi_enum_or_is_listed_as_csharp_only()
    {
        Type[] publicEnums = typeof(ScalingModel).Assembly.GetExportedTypes().Where(t => t.IsEnum).ToArray();
        Assert.That(publicEnums, Is.EquivalentTo(Mirrors.Select(m => m.Public).Concat(CSharpOnlyEnums)));
    }

    [Test]
    public void Every_generated_enum_is_mirrored_or_listed_as_abi_only()
    {
        Type[] generated = typeof(NativeMethods).Assembly.GetExportedTypes()
            .Where(t => t.IsEnum && t.Name.StartsWith("sd_", StringComparison.Ordinal)).ToArray();
        Assert.That(generated, Is.EquivalentTo(Mirrors.Select(m => m.Abi).Concat(AbiOnlyEnums)));
    }

    [TestCaseSource(nameof(MirrorCases))]
    public void A_mirrored_enum_has_the_abi_members_and_values(Type publicEnum, Type abiEnum, string prefix)
    {
        (string Name, int Value)[] abiMembers = Members(abiEnum).ToArray();
        Assert.That(abiMembers.Select(m => m.Name), Is.All.StartsWith(prefix), "the naming convention this test relies on");
        Dictionary<string, int> abi = abiMembers.ToDictionary(m => Key(m.Name[prefix.Length..]), m => m.Value);
        Dictionary<string, int> mirrored = Members(publicEnum)
            .Where(m => !CSharpOnlyMembers.Contains((Enum)Enum.Parse(publicEnum, m.Name)))
            .ToDictionary(m => Key(m.Name), m => m.Value);
        Assert.Multiple(() =>
        {
            Assert.That(mirrored.Keys.Except(abi.Keys), Is.Empty, $"{publicEnum.Name} members missing from {abiEnum.Name}");
            Assert.That(abi.Keys.Except(mirrored.Keys), Is.Empty, $"{abiEnum.Name} constants missing from {publicEnum.Name}");
            foreach (string name in mirrored.Keys.Intersect(abi.Keys))
            {
                Assert.That(mirrored[name], Is.EqualTo(abi[name]), $"{publicEnum.Name} vs {abiEnum.Name}: {name}");
            }
            foreach (Enum only in CSharpOnlyMembers.Where(e => e.GetType() == publicEnum))
            {
                Assert.That(abi.Values, Does.Not.Contain(Convert.ToInt32(only, null)), $"C#-only {publicEnum.Name}.{only} takes an ABI value");
            }
        });
    }

    private static IEnumerable<(string Name, int Value)> Members(Type enumType) =>
        Enum.GetNames(enumType).Select(n => (n, Convert.ToInt32(Enum.Parse(enumType, n), null)));

    private static string Key(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}
