using System.CommandLine;

namespace ScaleDefense.Cli.Commands;

/// <summary><c>scaledefense analyze --library opencv --algorithm bilinear --source 1000x1000 --target 200x200 [--json]</c></summary>
internal static class AnalyzeCommand
{
    public static Command Create(TextWriter output)
    {
        var scaler = new ScalerOptions(libraryRequired: true);
        var source = new Option<string>("--source") { Description = "Source size WIDTHxHEIGHT.", Required = true };
        var target = new Option<string>("--target") { Description = "Target size WIDTHxHEIGHT.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("analyze", "Tell whether a resize is attackable: ratio, kernel width, the pixels it reads, verdict and mitigation.")
        {
            scaler.Library, scaler.Algorithm, source, target, scaler.Antialias, scaler.NoIpp, json,
        };
        command.SetAction(result =>
        {
            using ScalingModel model = scaler.CreateModel(result, Choices.Size(result.GetValue(source)!), Choices.Size(result.GetValue(target)!));
            VulnerabilityReport report = model.Analyze();
            output.Write(result.GetValue(json) ? report.ToJson() + Environment.NewLine : report.ToString());
            return CliApp.Ok;
        });
        return command;
    }
}
