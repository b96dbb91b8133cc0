using System.Globalization;

namespace ScaleDefense.Cli.Eval;

/// <summary>A titled table of formatted cells, rendered as Markdown and as HTML.</summary>
internal sealed record EvalTable(string Title, string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public const string Missing = "—";

    public static string Db(double? value) => value switch
    {
        null => Missing,
        double v when double.IsPositiveInfinity(v) => "∞",
        double v => v.ToString("F1", CultureInfo.InvariantCulture),
    };

    public static string Percent(double? rate) => rate is null ? Missing : (rate.Value * 100).ToString("F0", CultureInfo.InvariantCulture) + "%";

    public static string Ms(double? value) => value switch
    {
        null => Missing,
        < 10 => value.Value.ToString("F2", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("F1", CultureInfo.InvariantCulture),
    };
}
