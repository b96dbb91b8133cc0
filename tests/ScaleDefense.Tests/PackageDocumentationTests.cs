using System.Text.RegularExpressions;

namespace ScaleDefense.Tests;

/// <summary>What the packages' READMEs claim holds: their C# runs, and the glibc they name is the one the build checks.</summary>
[TestFixture]
public partial class PackageDocumentationTests
{
    private static string PackageReadmes => Path.Combine(RepositoryPaths.Root, "docs", "packages");

    [Test]
    public void Every_csharp_block_of_a_package_readme_is_a_quick_start_region()
    {
        HashSet<string> regions = ReadmeRegions.Of(File.ReadAllText(QuickStartProgram.SourceFile)).Values.ToHashSet(StringComparer.Ordinal);
        string[] readmes = Directory.GetFiles(PackageReadmes, "*.md");
        Assert.That(readmes, Is.Not.Empty);
        foreach (string readme in readmes)
        {
            foreach (Match block in CSharpBlock().Matches(File.ReadAllText(readme).ReplaceLineEndings("\n")))
            {
                Assert.That(regions, Does.Contain(block.Groups["code"].Value),
                    $"{Path.GetFileName(readme)} has C# that is not a <readme:...> region of examples/QuickStart/Program.cs, so nothing runs it");
            }
        }
    }

    [Test]
    public void The_documented_minimum_glibc_is_the_one_the_native_build_checks()
    {
        string cmake = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "native", "CMakeLists.txt"));
        string checkedVersion = Regex.Match(cmake, @"set\(SCALEDEFENSE_MAX_GLIBC ""([0-9.]+)""").Groups[1].Value;
        Assert.That(checkedVersion, Is.Not.Empty);
        foreach (string document in new[] { Path.Combine(RepositoryPaths.Root, "README.md"), Path.Combine(PackageReadmes, "ScaleDefense.md") })
        {
            Assert.That(File.ReadAllText(document), Does.Contain($"glibc ≥ {checkedVersion}"), Path.GetFileName(document));
        }
    }

    [GeneratedRegex(@"^```csharp\n(?<code>.*?)\n```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
