using System.CommandLine;
using System.Reflection;
using ScaleDefense.Cli.Commands;

namespace ScaleDefense.Cli;

/// <summary>
/// Builds the command tree and runs it. Every failure ends as one line on stderr and a
/// non-zero exit code: 2 for a malformed command line, 1 for anything else.
/// </summary>
internal static class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static string Version { get; } =
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("ScaleDefense: find, test and stop image-scaling attacks.")
        {
            ScaleCommand.Create(output),
            AnalyzeCommand.Create(output),
            DefendCommand.Create(output),
            AttackCommand.Create(output),
            ScalersCommand.Create(output),
            DemoCommand.Create(output),
            EvalCommand.Create(output, error),
            DetectCommand.Create(output),
            CalibrateCommand.Create(output),
            DetectEvalCommand.Create(output),
        };
        // The built-in --version reads the entry assembly, which is not this one when hosted
        // (tests); ours prints the CLI's own version wherever it runs.
        root.Options.Remove(root.Options.OfType<VersionOption>().Single());
        var version = new Option<bool>("--version") { Description = "Print the version and exit." };
        root.Options.Add(version);
        root.Options.Add(CliLimits.CreateOption());
        root.SetAction(result =>
        {
            if (result.GetValue(version))
            {
                output.WriteLine(Version);
                return Ok;
            }
            error.WriteLine("error: no command given (see: scaledefense --help)");
            return Usage;
        });
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            error.WriteLine($"error: {parsed.Errors[0].Message} (see: scaledefense --help)");
            return Usage;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is CliException or ArgumentException or NotSupportedException or IOException or UnauthorizedAccessException or FormatException or ScaleDefenseException)
        {
            error.WriteLine($"error: {OneLine(e)}");
            return Failed;
        }
        catch (Exception e) when (e is global::OpenCvSharp.OpenCVException or OutOfMemoryException or InsufficientExecutionStackException)
        {
            // OpenCV refusing an image (its own size limits, a corrupt stream) or the host out of memory.
            error.WriteLine($"error: {OneLine(e)}");
            return Failed;
        }
        catch (Exception e) when (e is InvalidOperationException or DllNotFoundException or BadImageFormatException)
        {
            // A missing or mismatched native library, or another environment problem.
            error.WriteLine($"error: {OneLine(e)}");
            return Failed;
        }
    }

    // ArgumentException appends " (Parameter 'x')", which names a C# parameter, not a CLI option.
    private static string OneLine(Exception e)
    {
        string message = e is ArgumentException { ParamName: { } name } ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
        return message.ReplaceLineEndings(" ");
    }
}
