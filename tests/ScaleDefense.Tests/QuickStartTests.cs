using ScaleDefense.Interop;

namespace ScaleDefense.Tests;

/// <summary>
/// The README's C# examples (examples/QuickStart) run as written: on the native core, and with the
/// native library hidden, where ScalingBackend.Auto falls back to the managed baseline with the same bytes.
/// </summary>
[TestFixture]
public class QuickStartTests
{
    private static readonly string Photo = Path.Combine(RepositoryPaths.Root, "samples", "images", "coffee.png");

    [Test]
    public void Runs_on_the_native_core_and_matches_opencv()
    {
        (int code, IReadOnlyDictionary<string, string> lines, string error) = QuickStartProgram.Run(Photo);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, error);
            Assert.That(lines["backend"], Is.EqualTo("Native"));
            Assert.That(lines["verdict"], Does.StartWith("Vulnerable"));
            Assert.That(lines["source rows read by output row 0"], Is.EqualTo("0, 1"));
            Assert.That(lines["identical to Cv2.Resize"], Is.EqualTo("True"));
            Assert.That(lines["secure resize applied"], Is.EqualTo("Median"));
            Assert.That(lines["strong attack"], Does.StartWith("scaled output within 1 grey levels of the target"));
            Assert.That(lines["probed INTER_LINEAR_EXACT"], Does.Match(@"^Vulnerable, predicted within [01] grey levels, \d+ scaler calls$"));
            Assert.That(lines["probed defense applied"], Is.EqualTo("Median"));
            Assert.That(lines["detect"], Does.StartWith("Clean"));
            Assert.That(lines["suspicious upload"], Does.StartWith("False"));
        });
    }

    [Test]
    public void With_the_native_library_hidden_auto_runs_managed_with_the_same_bytes()
    {
        var hidden = new Dictionary<string, string> { [NativeLibraryLoader.PathVariable] = Path.Combine(Path.GetTempPath(), "no-such-dir", "libscaledefense.so") };
        (int _, IReadOnlyDictionary<string, string> native, string _) = QuickStartProgram.Run(Photo);
        (int code, IReadOnlyDictionary<string, string> managed, string error) = QuickStartProgram.Run(Photo, hidden);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, error);
            Assert.That(managed["backend"], Is.EqualTo("Managed"));
            Assert.That(managed["identical to Cv2.Resize"], Is.EqualTo("True"));
            Assert.That(managed["verdict"], Is.EqualTo(native["verdict"]));
            Assert.That(managed["scaled sha256"], Is.EqualTo(native["scaled sha256"]));
            Assert.That(managed["secure resize applied"], Is.EqualTo("Median"));
            Assert.That(managed["secure sha256"], Is.EqualTo(native["secure sha256"]), "the seeded filter gives the same bytes on both backends");
            Assert.That(managed["probed INTER_LINEAR_EXACT"], Is.EqualTo(native["probed INTER_LINEAR_EXACT"]));
            Assert.That(managed["probed defense sha256"], Is.EqualTo(native["probed defense sha256"]), "custom models: the same float arithmetic on both backends");
            Assert.That(managed["strong attack"], Does.StartWith("not available: The strong attack runs in the native core")
                                                   .And.Contain("libscaledefense.so for linux-x64 was not found")
                                                   .And.Contain("no-such-dir"));
        });
    }

    [Test]
    public void Readme_quotes_every_example_region_verbatim()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        IReadOnlyDictionary<string, string> regions = ReadmeRegions.Of(File.ReadAllText(QuickStartProgram.SourceFile));
        Assert.That(regions.Keys, Is.EquivalentTo(new[] { "model", "secure", "skiasharp", "attack", "detect", "probe" }));
        foreach ((string name, string code) in regions)
        {
            Assert.That(readme, Does.Contain(code), $"README.md no longer quotes the <readme:{name}> region of examples/QuickStart/Program.cs; run tools/sync_readme_examples.py");
        }
    }
}
