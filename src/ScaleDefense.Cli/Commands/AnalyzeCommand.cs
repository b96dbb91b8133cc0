using System.CommandLine;

namespace ScaleDefense.Cli.Commands;

/// <summary><c>scaledefense analyze --library opencv --algorithm bilinear --source 1000x1000 --target 200x200 [--json]</c></summary>
internal static class AnalyzeCommand
{
    public static Command Create(TextWriter output)
    {
        var library = new Option<string>("--library") { Description = "opencv, pillow, tensorflow, tensorflow1 or pytorch.", Required = true };
        var algorithm = new Option<string>("--algorithm") { Description = "The algorithm (our name or the library's own).", Required = true };
        var source = new Option<string>("--source") { Description = "Source size WIDTHxHEIGHT.", Required = true };
        var target = new Option<string>("--target") { Description = "Target size WIDTHxHEIGHT.", Required = true };
        var antialias = new Option<bool>("--antialias") { Description = "Turn on the library's antialias switch." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("analyze", "Tell whether a resize is attackable: ratio, kernel width, the pixels it reads, verdict and mitigation.")
        {
            library, algorithm, source, target, antialias, json,
        };
        command.SetAction(result =>
        {
            using var model = ScalingModel.Create(
                Choices.Library(result.GetValue(library)!), Choices.Algorithm(result.GetValue(algorithm)!),
                Choices.Size(result.GetValue(source)!), Choices.Size(result.GetValue(target)!),
                new ScalingOptions { Antialias = result.GetValue(antialias) });
            VulnerabilityReport report = model.Analyze();
            output.Write(result.GetValue(json) ? report.ToJson() + Environment.NewLine : report.ToString());
            return CliApp.Ok;
        });
        return command;
    }
}
