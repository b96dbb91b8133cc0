using ScaleDefense.Interop;

namespace ScaleDefense.Tests;

/// <summary>ScalerCatalog (C#) and native/src/scaling/catalog.cpp list the same scalers, read through sd_catalog_*.</summary>
[TestFixture]
public unsafe class NativeCatalogTests
{
    [Test]
    public void The_managed_catalog_equals_the_native_one_entry_for_entry()
    {
        string[] managed = ScalerCatalog.Entries.Select(e => Describe((int)e.Library, (int)e.Algorithm, e.HasAntialiasSwitch ? 1 : 0)).ToArray();
        string[] native = NativeCatalog().Select(e => Describe(e.library, e.algorithm, e.has_antialias_switch)).ToArray();
        Assert.That(managed, Is.EqualTo(native), "ScalerCatalog.Entries (actual) vs sd_catalog_get (expected)");
    }

    [Test]
    public void The_native_catalog_serves_every_abi_library_and_algorithm()
    {
        sd_catalog_entry[] native = NativeCatalog();
        Assert.Multiple(() =>
        {
            // Custom models are built from matrices (sd_scaling_model_create_from_matrices), never from the catalog.
            Assert.That(native.Select(e => (sd_library)e.library).Distinct(), Is.EquivalentTo(Enum.GetValues<sd_library>().Where(l => l != sd_library.SD_LIBRARY_CUSTOM)));
            Assert.That(native.Select(e => (sd_algorithm)e.algorithm).Distinct(), Is.EquivalentTo(Enum.GetValues<sd_algorithm>().Where(a => a != sd_algorithm.SD_ALGORITHM_CUSTOM)));
        });
    }

    private static sd_catalog_entry[] NativeCatalog()
    {
        int count;
        Assert.That(NativeMethods.sd_catalog_count(&count), Is.EqualTo((int)sd_status_code.SD_STATUS_OK), NativeError.LastMessage);
        var entries = new sd_catalog_entry[count];
        for (int i = 0; i < count; i++)
        {
            sd_catalog_entry entry;
            Assert.That(NativeMethods.sd_catalog_get(i, &entry), Is.EqualTo((int)sd_status_code.SD_STATUS_OK), NativeError.LastMessage);
            entries[i] = entry;
        }
        return entries;
    }

    // Names where the value is one the C# enums know, so a mismatch reads as "PyTorch Area antialias=1".
    private static string Describe(int library, int algorithm, int antialias) =>
        $"{(ScalingLibrary)library} {(ScalingAlgorithm)algorithm} antialias={antialias}";
}
