using ScottPlot;

namespace ScaleDefense.Cli.Eval;

/// <summary>The figures as PNG (ScottPlot): PSNR per bucket for attacks and defenses, recovery rates, runtimes.</summary>
internal static class EvalCharts
{
    private const int Width = 800, Height = 500;

    /// <summary>File name → PNG bytes, in the order the report shows them.</summary>
    public static IReadOnlyList<(string FileName, string Caption, byte[] Png)> Build(EvalSummary s) =>
    [
        .. Paper(s),
        .. EvalDetection.Charts(s),
    ];

    private static IEnumerable<(string FileName, string Caption, byte[] Png)> Paper(EvalSummary s) =>
    [
        ("chart-attack-psnr.png", "Attack: median PSNR(A, S) per ratio bucket (paper Fig. 19); above 25 dB the attack is invisible, below 15 dB clearly visible.", AttackPsnr(s)),
        ("chart-defense-psnr.png", "Defense: median PSNR(A, S) before and after reconstruction, all attacked scalers pooled (paper Fig. 15).", DefensePsnr(s)),
        ("chart-recovery.png", "Recovery: share of attack images whose defended, scaled output is closer to scale(S) than to T, and share of benign images kept (paper Table 4).", Recovery(s)),
        ("chart-runtime-scaler.png", "Runtime per image of scaling and of each filter, per scaler (median, log scale; paper Fig. 16).", RuntimePerScaler(s)),
        ("chart-runtime-bucket.png", "Filter runtime per image by ratio bucket, all scalers pooled (median, log scale).", RuntimePerBucket(s)),
    ];

    private static byte[] AttackPsnr(EvalSummary s)
    {
        var plot = new Plot();
        foreach (string scaler in s.Scalers)
        {
            AddLine(plot, s, scaler, b => s.Median(scaler, EvalMeasurement.AttackPsnrSource, b));
        }
        Thresholds(plot);
        return Finish(plot, s, "Attack visibility per ratio", "PSNR(A, S) [dB]");
    }

    private static byte[] DefensePsnr(EvalSummary s)
    {
        var plot = new Plot();
        AddLine(plot, s, "attack image", b => Pooled(s, EvalMeasurement.AttackPsnrSource, b));
        AddLine(plot, s, "after median filter", b => Pooled(s, EvalMeasurement.DefensePsnrSource("median"), b));
        AddLine(plot, s, "after random filter", b => Pooled(s, EvalMeasurement.DefensePsnrSource("random"), b));
        Thresholds(plot);
        return Finish(plot, s, "PSNR(A, S) before and after reconstruction", "PSNR [dB]");
    }

    private static byte[] Recovery(EvalSummary s)
    {
        var plot = new Plot();
        (string Label, Func<string, double?> Rate)[] series =
        [
            // Robust scalers get no recovery bar: their attack is visible, nothing needs recovering (not a 0%).
            ("median recovers attacks", x => EvalTables.IsRobust(s, x) ? null : s.Rate(x, EvalMeasurement.DefenseRecovered("median"))),
            ("random recovers attacks", x => EvalTables.IsRobust(s, x) ? null : s.Rate(x, EvalMeasurement.DefenseRecovered("random"))),
            ("median keeps benign", x => s.Rate(x, EvalMeasurement.BenignPreserved("median"))),
            ("random keeps benign", x => s.Rate(x, EvalMeasurement.BenignPreserved("random"))),
        ];
        var bars = new List<Bar>();
        for (int k = 0; k < series.Length; k++)
        {
            Color color = plot.Add.Palette.GetColor(k);
            for (int i = 0; i < s.Scalers.Count; i++)
            {
                if (series[k].Rate(s.Scalers[i]) is { } rate)
                {
                    bars.Add(new Bar { Position = i * (series.Length + 1) + k, Value = rate * 100, FillColor = color });
                }
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[k].Label, FillColor = color });
        }
        plot.Add.Bars(bars);
        ScalerTicks(plot, s, i => i * (series.Length + 1) + (series.Length - 1) / 2.0);
        plot.Axes.SetLimitsY(0, 110);
        IReadOnlyList<string> robust = EvalTables.RobustScalers(s);
        string title = robust.Count == 0 ? "Recovery and benign impact"
            : $"Recovery and benign impact (recovery {EvalTables.NotApplicable} for {string.Join(", ", robust)})";
        return Render(plot, title, "share [%]");
    }

    private static byte[] RuntimePerScaler(EvalSummary s)
    {
        var plot = new Plot();
        (string Label, string Measurement)[] series = [("scale", EvalMeasurement.ScaleTime), ("median filter", EvalMeasurement.BenignTime("median")), ("random filter", EvalMeasurement.BenignTime("random"))];
        foreach ((string label, string measurement) in series)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            for (int i = 0; i < s.Scalers.Count; i++)
            {
                if (s.Median(s.Scalers[i], measurement) is > 0 and { } ms)
                {
                    xs.Add(i);
                    ys.Add(Math.Log10(ms));
                }
            }
            var points = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            points.LineWidth = 0;
            points.MarkerSize = 12;
            points.LegendText = label;
        }
        ScalerTicks(plot, s, i => i);
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsX(-0.5, s.Scalers.Count - 0.5);
        LogAxis(plot);
        return Render(plot, "Runtime per image", "time [ms]");
    }

    private static byte[] RuntimePerBucket(EvalSummary s)
    {
        var plot = new Plot();
        AddLine(plot, s, "scale", b => Log(Pooled(s, EvalMeasurement.ScaleTime, b)));
        AddLine(plot, s, "median filter", b => Log(Pooled(s, EvalMeasurement.BenignTime("median"), b)));
        AddLine(plot, s, "random filter", b => Log(Pooled(s, EvalMeasurement.BenignTime("random"), b)));
        LogAxis(plot);
        return Finish(plot, s, "Runtime per image by ratio", "time [ms]");
    }

    private static double? Log(double? ms) => ms is > 0 ? Math.Log10(ms.Value) : null;

    // Values are log10(ms); label the ticks with the milliseconds.
    private static void LogAxis(Plot plot) =>
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = y => Math.Pow(10, y).ToString("G3", System.Globalization.CultureInfo.InvariantCulture),
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
        };

    private static double? Pooled(EvalSummary s, string measurement, string bucket) =>
        EvalSummary.MedianOf(s.Scalers.SelectMany(x => s.Values(x, measurement, bucket)).ToArray());

    // One series over the buckets; buckets without a value are left out (a gap, not a zero).
    private static void AddLine(Plot plot, EvalSummary s, string label, Func<string, double?> value)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i < s.Buckets.Count; i++)
        {
            if (value(s.Buckets[i].Label) is { } y && double.IsFinite(y))
            {
                xs.Add(i);
                ys.Add(y);
            }
        }
        if (xs.Count == 0)
        {
            return;
        }
        var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
        line.LegendText = label;
        line.LineWidth = 2;
        line.MarkerSize = 8;
    }

    private static void Thresholds(Plot plot)
    {
        foreach ((double db, string label) in new[] { (25.0, "25 dB: invisible"), (15.0, "15 dB: visible") })
        {
            var line = plot.Add.HorizontalLine(db);
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Gray;
            line.LegendText = label;
        }
    }

    private static byte[] Finish(Plot plot, EvalSummary s, string title, string yLabel)
    {
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(s.Buckets.Select((_, i) => (double)i).ToArray(), s.Buckets.Select(b => "β ∈ " + b.Label).ToArray());
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsX(-0.5, Math.Max(s.Buckets.Count, 1) - 0.5);
        plot.XLabel("scaling ratio β = min(W/W′, H/H′)");
        return Render(plot, title, yLabel);
    }

    // One labelled tick per scaler, at position(index).
    private static void ScalerTicks(Plot plot, EvalSummary s, Func<int, double> position) =>
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(s.Scalers.Select((_, i) => position(i)).ToArray(), s.Scalers.ToArray());

    // Every chart: title, y label, legend below, PNG of one size.
    private static byte[] Render(Plot plot, string title, string yLabel)
    {
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Bottom);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
