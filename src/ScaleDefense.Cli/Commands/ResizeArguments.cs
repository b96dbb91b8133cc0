using System.CommandLine;
using ScaleDefense.Cli.Imaging;

namespace ScaleDefense.Cli.Commands;

/// <summary>
/// What the commands that pass one image file through a scaler into another file (scale, defend)
/// share: the input and output paths, the scaler, and its target size.
/// </summary>
internal sealed class ResizeArguments(string inputDescription, string outputDescription, string sizeDescription)
{
    public Argument<string> Input { get; } = new("input") { Description = inputDescription };

    public Argument<string> Output { get; } = new("output") { Description = outputDescription };

    public ScalerOptions Scaler { get; } = new(libraryRequired: false);

    public Option<string> Size { get; } = new("--size") { Description = sizeDescription, Required = true };

    public Option<bool> Overwrite { get; } = new("--overwrite") { Description = "Allow the output to be the input file (replaced)." };

    /// <summary>The command with input, output, --library, --algorithm, --size, then <paramref name="options"/>, then --antialias and --no-ipp.</summary>
    public Command Command(string name, string description, params Option[] options)
    {
        var command = new Command(name, description) { Input, Output, Scaler.Library, Scaler.Algorithm, Size };
        foreach (Option option in options)
        {
            command.Options.Add(option);
        }
        command.Options.Add(Scaler.Antialias);
        command.Options.Add(Scaler.NoIpp);
        command.Options.Add(Overwrite);
        return command;
    }

    public string InputOf(ParseResult result) => result.GetValue(Input)!;

    /// <summary>The output path, refused when it is the input (unless --overwrite).</summary>
    public string OutputOf(ParseResult result)
    {
        string output = result.GetValue(Output)!;
        ImageFiles.RequireDistinct(output, result.GetValue(Overwrite), InputOf(result));
        return output;
    }

    public ImageSize SizeOf(ParseResult result) => Choices.Size(result.GetValue(Size)!);
}
