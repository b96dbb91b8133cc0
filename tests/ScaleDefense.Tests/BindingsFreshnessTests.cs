using System.Diagnostics;

namespace ScaleDefense.Tests;

/// <summary>The generated bindings are checked against the header by tools/BindGen --check.</summary>
[TestFixture]
public class BindingsFreshnessTests
{
    private static string Header => Path.Combine(RepositoryPaths.Root, "native", "include", "scaledefense", "scaledefense.h");
    private static string Generated => Path.Combine(RepositoryPaths.Root, "src", "ScaleDefense.Interop", "Generated", "NativeMethods.g.cs");

    [Test]
    public void Checked_in_bindings_match_the_header() =>
        Assert.That(RunCheck(Header).Code, Is.Zero);

    [Test]
    public void A_changed_header_fails_the_check_and_says_how_to_regenerate()
    {
        string copy = Path.Combine(Path.GetTempPath(), $"sd-header-{Guid.NewGuid():N}.h");
        string text = File.ReadAllText(Header).Replace("#ifdef __cplusplus\n}", "SD_API sd_status sd_new_function(int32_t x);\n\n#ifdef __cplusplus\n}", StringComparison.Ordinal);
        File.WriteAllText(copy, text);
        try
        {
            var (code, error) = RunCheck(copy);
            Assert.That(code, Is.EqualTo(1));
            Assert.That(error, Does.Contain("stale").And.Contain("./build.sh --target=Bindings"));
        }
        finally
        {
            File.Delete(copy);
        }
    }

    private static (int Code, string Error) RunCheck(string header)
    {
        string bindGen = Path.Combine(RepositoryPaths.Root, "tools", "BindGen", "bin", "Release", "net10.0", "BindGen.dll");
        Assert.That(File.Exists(bindGen), $"{bindGen} is built by ./build.sh (VerifyBindings)");
        var start = new ProcessStartInfo("dotnet", [bindGen, "--header", header, "--output", Generated, "--check"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using Process process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }
}
