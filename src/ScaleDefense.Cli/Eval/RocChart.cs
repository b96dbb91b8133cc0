namespace ScaleDefense.Cli.Eval;

/// <summary>A ROC chart (ScottPlot): one curve per detector, benign vs attack scores; shared by eval and eval-detect.</summary>
internal static class RocChart
{
    /// <summary>The PNG, or null when no detector has scores on both sides (a robust scaler: nothing applies).</summary>
    public static byte[]? Png(string title, IEnumerable<(string Label, IEnumerable<double> Benign, IEnumerable<double> Attacks)> detectors)
    {
        var plot = new ScottPlot.Plot();
        int drawn = 0;
        foreach ((string label, IEnumerable<double> benign, IEnumerable<double> attacks) in detectors)
        {
            List<(double Fpr, double Tpr)> curve = Roc.Curve(benign, attacks);
            if (curve.Count == 0)
            {
                continue;
            }
            drawn++;
            var line = plot.Add.ScatterLine(curve.Select(p => p.Fpr).ToArray(), curve.Select(p => p.Tpr).ToArray());
            line.LegendText = label;
        }
        if (drawn == 0)
        {
            return null;
        }
        plot.Title(title);
        plot.XLabel("false-positive rate");
        plot.YLabel("true-positive rate");
        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
        return plot.GetImageBytes(640, 480, ScottPlot.ImageFormat.Png);
    }
}
