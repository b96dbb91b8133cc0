namespace ScaleDefense.Cli.Eval;

/// <summary>Aggregates of results.csv rows: rates of 0/1 measurements, medians of the rest.</summary>
internal sealed class EvalSummary(IReadOnlyList<EvalRow> rows, IReadOnlyList<string> scalers)
{
    public IReadOnlyList<EvalRow> Rows { get; } = rows;

    /// <summary>The scalers in command-line order.</summary>
    public IReadOnlyList<string> Scalers { get; } = scalers;

    public IReadOnlyList<RatioBucket> Buckets { get; } = RatioBucket.Paper.Where(b => rows.Any(r => r.Bucket == b.Label)).ToList();

    public IEnumerable<EvalRow> Select(string scaler, string measurement, string? bucket = null) =>
        Rows.Where(r => r.Scaler == scaler && r.Measurement == measurement && (bucket is null || r.Bucket == bucket));

    public int Cases(string scaler, string? bucket = null) => Select(scaler, EvalMeasurement.Complete, bucket).Count();

    /// <summary>Number of rows with value 1 of a 0/1 measurement.</summary>
    public int Count(string scaler, string measurement, string? bucket = null) => Select(scaler, measurement, bucket).Count(r => r.Value == 1);

    /// <summary>Share of 1s among the rows of a 0/1 measurement; null when there are none.</summary>
    public double? Rate(string scaler, string measurement, string? bucket = null)
    {
        double[] values = Values(scaler, measurement, bucket);
        return values.Length == 0 ? null : values.Average();
    }

    /// <summary>Median (PSNRs can be infinite for identical images, which a mean would swallow); null when there are no rows.</summary>
    public double? Median(string scaler, string measurement, string? bucket = null) => MedianOf(Values(scaler, measurement, bucket));

    public double[] Values(string scaler, string measurement, string? bucket = null) =>
        Select(scaler, measurement, bucket).Where(r => r.Value is not null).Select(r => r.Value!.Value).ToArray();

    /// <summary>The most common note of a measurement (verdicts, reasons an attack is not available).</summary>
    public string Note(string scaler, string measurement, double? value = null) =>
        Select(scaler, measurement).Where(r => value is null || r.Value == value).GroupBy(r => r.Note).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "";

    public static double? MedianOf(double[] values)
    {
        if (values.Length == 0)
        {
            return null;
        }
        Array.Sort(values);
        int middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
