using System.Diagnostics;

namespace ScaleDefense.Tests;

/// <summary>Runs examples/QuickStart (the README's C# examples) as a separate process, so the native library can be hidden from it.</summary>
internal static class QuickStartProgram
{
    public static string Directory => Path.Combine(RepositoryPaths.Root, "examples", "QuickStart");

    public static string SourceFile => Path.Combine(Directory, "Program.cs");

    // Built by the solution (and by this project's reference) in the configuration the tests run in.
    private static string Assembly => Path.Combine(Directory, "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "QuickStart.dll");

    /// <summary>Output lines as "key: value" pairs, exit code and stderr.</summary>
    public static (int Code, IReadOnlyDictionary<string, string> Lines, string Error) Run(string photo, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        start.ArgumentList.Add(Assembly);
        start.ArgumentList.Add(photo);
        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                          .Select(line => line.Split(": ", 2))
                          .Where(pair => pair.Length == 2)
                          .ToDictionary(pair => pair[0], pair => pair[1].TrimEnd());
        return (process.ExitCode, lines, error.Result);
    }
}
