namespace ScaleDefense.Cli.Eval;

/// <summary>ROC measures of a detector from benign and attack scores (higher = more suspicious; NaN scores are left out).</summary>
internal static class Roc
{
    /// <summary>AUC (ties count half) and the TPR at the strictest threshold that keeps FPR ≤ 1%; NaN when a side has no score.</summary>
    public static (double Auc, double TprAtOnePercent) Measure(IEnumerable<double> benign, IEnumerable<double> attacks)
    {
        double[] b = benign.Where(double.IsFinite).Order().ToArray();
        double[] a = attacks.Where(double.IsFinite).ToArray();
        if (b.Length == 0 || a.Length == 0)
        {
            return (double.NaN, double.NaN);
        }
        double wins = 0;
        foreach (double x in a)
        {
            foreach (double y in b)
            {
                wins += x > y ? 1 : x == y ? 0.5 : 0;
            }
        }
        int allowed = (int)Math.Floor(0.01 * b.Length);
        double threshold = b[b.Length - 1 - allowed];
        return (wins / ((double)a.Length * b.Length), (double)a.Count(x => x > threshold) / a.Length);
    }

    /// <summary>The curve's points, one per distinct threshold, from (0, 0) to (1, 1).</summary>
    public static List<(double Fpr, double Tpr)> Curve(IEnumerable<double> benign, IEnumerable<double> attacks)
    {
        double[] b = benign.Where(double.IsFinite).ToArray();
        double[] a = attacks.Where(double.IsFinite).ToArray();
        var points = new List<(double, double)>();
        if (b.Length == 0 || a.Length == 0)
        {
            return points;
        }
        foreach (double t in b.Concat(a).Append(double.NegativeInfinity).Append(double.PositiveInfinity).Distinct().OrderDescending())
        {
            points.Add(((double)b.Count(x => x > t) / b.Length, (double)a.Count(x => x > t) / a.Length));
        }
        return points;
    }
}
