using System.CommandLine;

namespace ScaleDefense.Cli.Commands;

/// <summary>--window: the selective filters' window, for the defense and for the adaptive attacks on it (same names, same default).</summary>
internal static class WindowOption
{
    public static Option<string> Create(string description) =>
        new("--window") { Description = description, DefaultValueFactory = _ => "paper" };

    public static FilterWindow ValueOf(ParseResult result, Option<string> option) => Choices.Window(result.GetValue(option)!);
}
