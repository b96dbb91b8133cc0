using System.Globalization;

namespace ScaleDefense.Cli;

/// <summary>
/// How the CLI writes figures, culture-independent: dB with one decimal, percentages, milliseconds.
/// Reports (HTML, Markdown) use ∞ and an em dash for a missing value; the console keeps to ASCII.
/// </summary>
internal static class Numbers
{
    public const string Missing = "—";

    /// <summary>dB for reports: one decimal, ∞ for identical images, — when there is no value.</summary>
    public static string Db(double? value) => Format(value, "F1", Missing, "∞");

    /// <summary>dB for the console: one decimal, inf for identical images, - when there is no value.</summary>
    public static string DbAscii(double? value) => Format(value, "F1", "-", "inf");

    public static string Percent(double? rate) => rate is null ? Missing : Fixed(rate.Value * 100, 0) + "%";

    /// <summary>Milliseconds: two decimals below 10, one above.</summary>
    public static string Ms(double? value) => value is null ? Missing : Fixed(value.Value, value < 10 ? 2 : 1);

    public static string Fixed(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Format(double? value, string format, string missing, string infinity) => value switch
    {
        null => missing,
        double v when double.IsPositiveInfinity(v) => infinity,
        double v => v.ToString(format, CultureInfo.InvariantCulture),
    };
}
