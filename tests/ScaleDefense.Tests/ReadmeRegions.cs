using System.Text.RegularExpressions;

namespace ScaleDefense.Tests;

/// <summary>The <c>// &lt;readme:NAME&gt;</c> … <c>// &lt;/readme:NAME&gt;</c> regions of a source file, which README.md quotes.</summary>
internal static partial class ReadmeRegions
{
    public static IReadOnlyDictionary<string, string> Of(string source) =>
        Region().Matches(source.ReplaceLineEndings("\n"))
                .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["code"].Value.TrimEnd('\n'));

    [GeneratedRegex(@"^// <readme:(?<name>\w+)>\n(?<code>.*?)^// </readme:\k<name>>", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Region();
}
