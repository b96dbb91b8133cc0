using System.CommandLine;

namespace ScaleDefense.Cli;

/// <summary>The --max-pixels option every command inherits, and the <see cref="ResourceLimits"/> it sets.</summary>
internal static class CliLimits
{
    public const string OptionName = "--max-pixels";

    public static Option<long> CreateOption() => new(OptionName)
    {
        Description = $"Refuse images (read or produced) above this many pixels, before decoding them (default {ResourceLimits.DefaultMaxPixels:N0}).",
        DefaultValueFactory = _ => ResourceLimits.DefaultMaxPixels,
        Recursive = true,
    };

    public static ResourceLimits Of(ParseResult result)
    {
        long maxPixels = result.GetValue<long>(OptionName);
        if (maxPixels <= 0)
        {
            throw new CliException($"{OptionName} must be positive, got {maxPixels}");
        }
        return new ResourceLimits { MaxPixels = maxPixels };
    }
}
