using System.Globalization;
using static ScaleDefense.Cli.Numbers;

namespace ScaleDefense.Cli.Eval;

/// <summary>The evaluation's detection table and ROC charts, from the detect.* rows of results.csv.</summary>
internal static class EvalDetection
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static bool HasRows(EvalSummary s) => s.Rows.Any(r => r.Measurement.StartsWith(EvalMeasurement.DetectPrefix, StringComparison.Ordinal));

    /// <summary>Per scaler and attack: AUC and TPR at 1% FPR of each detector that applies, and the verdict with the shipped thresholds.</summary>
    public static EvalTable Table(EvalSummary s)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (string scaler in s.Scalers)
        {
            HashSet<int> dense = s.Select(scaler, EvalMeasurement.DetectDenseP).Where(r => r.Value == 1).Select(r => r.Case).ToHashSet();
            rows.Add([scaler, "benign", "verdict (shipped thresholds)", Missing, Missing, Flagged(s, scaler, "benign", null)]);
            foreach (string image in EvalMeasurement.DetectedImages.Skip(1))
            {
                AddAttack(rows, s, scaler, image, image, null);
                // Only where it splits the cases: a scaler that is dense at every ratio (area, Pillow) adds nothing.
                if (image == "attack" && dense.Count > 0 && dense.Count < s.Cases(scaler))
                {
                    AddAttack(rows, s, scaler, image, "attack, dense P (r = 1)", dense);
                }
            }
        }
        return new("Detection",
            "Every detector (AttackDetector, seeded) scores the benign source and each attack image where it applies: AUC (ties count half) and the TPR at the " +
            "strictest threshold that keeps FPR ≤ 1% on these benign sources; flagged: the verdict with the thresholds shipped in the library (calibrated on other " +
            "photos, at 48×48). Adaptive attacks are scored at the largest δ. Dense P: the cases where the scaler reads every pixel (OpenCV bicubic at β ≤ 4), " +
            "benign and attack alike. Robust scalers: no detector applies, nothing is flagged.",
            ["scaler", "images", "detector", "AUC", "TPR at 1% FPR", "flagged"], rows);
    }

    private static void AddAttack(List<IReadOnlyList<string>> rows, EvalSummary s, string scaler, string image, string label, HashSet<int>? cases)
    {
        if (!s.Select(scaler, EvalMeasurement.DetectFlagged(image)).Any(r => cases is null || cases.Contains(r.Case)))
        {
            return;
        }
        foreach (DetectorKind d in Enum.GetValues<DetectorKind>())
        {
            (double auc, double tpr) = Roc.Measure(Scores(s, scaler, "benign", d, cases), Scores(s, scaler, image, d, cases));
            if (!double.IsNaN(auc))
            {
                rows.Add([scaler, label, d.ToString(), Fixed(auc, 3), Percent(tpr), ""]);
            }
        }
        rows.Add([scaler, label, "verdict (shipped thresholds)", Missing, Missing, Flagged(s, scaler, image, cases)]);
    }

    private static IEnumerable<double> Scores(EvalSummary s, string scaler, string image, DetectorKind d, HashSet<int>? cases) =>
        s.Select(scaler, EvalMeasurement.DetectScore(image, d)).Where(r => r.Value is not null && (cases is null || cases.Contains(r.Case))).Select(r => r.Value!.Value);

    private static string Flagged(EvalSummary s, string scaler, string image, HashSet<int>? cases)
    {
        var flags = s.Select(scaler, EvalMeasurement.DetectFlagged(image)).Where(r => cases is null || cases.Contains(r.Case)).ToList();
        return string.Create(C, $"{flags.Count(r => r.Value == 1)}/{flags.Count}");
    }

    /// <summary>One ROC chart per scaler where some detector applies: benign sources vs the (non-adaptive) attack images.</summary>
    public static IEnumerable<(string FileName, string Caption, byte[] Png)> Charts(EvalSummary s)
    {
        foreach (string scaler in s.Scalers)
        {
            byte[]? png = RocChart.Png($"ROC, {scaler}: benign vs attack", Enum.GetValues<DetectorKind>().Select(d =>
                (d.ToString(), Scores(s, scaler, "benign", d, null), Scores(s, scaler, "attack", d, null))));
            if (png is not null)
            {
                yield return ($"roc-{scaler.Replace(':', '-')}.png", $"Detection, {scaler}: ROC of each detector, benign sources vs attack images (see the Detection table).", png);
            }
        }
    }
}
