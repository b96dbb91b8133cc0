using System.Globalization;

namespace ScaleDefense.Cli.Eval;

/// <summary>One measurement of one (case, scaler): a line of results.csv.</summary>
internal sealed record EvalRow(int Case, string Bucket, double Beta, string Source, string Target, ImageSize SourceSize, ImageSize TargetSize,
                               string Scaler, string Measurement, double? Value, string Note)
{
    public static EvalRow For(EvalCase c, EvalScaler scaler, string measurement, double? value, string note = "") =>
        new(c.Index, c.Bucket.Label, c.Beta, c.Source.Name, c.Target.Name, c.SourceSize, c.TargetSize, scaler.Name, measurement, value, note);

    public static EvalRow For(EvalCase c, EvalScaler scaler, string measurement, bool value, string note = "") =>
        For(c, scaler, measurement, value ? 1 : 0, note);

    /// <summary>Whether this row was measured on the same pair and sizes as <paramref name="c"/> (a resume with other settings would not be).</summary>
    public bool Matches(EvalCase c) =>
        Case == c.Index && Bucket == c.Bucket.Label && Source == c.Source.Name && Target == c.Target.Name && SourceSize == c.SourceSize && TargetSize == c.TargetSize;

    public static string FormatValue(double? value) => value switch
    {
        null => "",
        double v when double.IsPositiveInfinity(v) => "inf",
        double v when double.IsNegativeInfinity(v) => "-inf",
        double v => v.ToString("G6", CultureInfo.InvariantCulture),
    };

    public static double? ParseValue(string text) => text switch
    {
        "" => null,
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
