using System.CommandLine;

namespace ScaleDefense.Cli.Commands;

/// <summary><c>scaledefense scalers</c>: every library/algorithm pair, whether it is modelled, and how it is verified.</summary>
internal static class ScalersCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("scalers", "List every library/algorithm pair with its status.");
        command.SetAction(_ =>
        {
            output.WriteLine($"{"library",-12} {"algorithm",-14} {"antialias",-9} {"status",-13} verification");
            foreach (ScalerEntry entry in ScalerCatalog.Entries)
            {
                output.WriteLine($"{Choices.Name(entry.Library),-12} {Choices.Name(entry.Algorithm),-14} {(entry.HasAntialiasSwitch ? "yes" : "-"),-9} {Status(entry),-13} {entry.Verification}");
            }
            return CliApp.Ok;
        });
        return command;
    }

    // A pair counts as modelled when the native core builds a model for it.
    private static string Status(ScalerEntry entry)
    {
        try
        {
            using var model = ScalingModel.Create(entry.Library, entry.Algorithm, new ImageSize(8, 8), new ImageSize(3, 3));
            return "modelled";
        }
        catch (NotSupportedException)
        {
            return "not yet";
        }
    }
}
