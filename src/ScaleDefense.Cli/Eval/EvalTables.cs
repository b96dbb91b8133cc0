using System.Globalization;
using static ScaleDefense.Cli.Numbers;

namespace ScaleDefense.Cli.Eval;

/// <summary>The paper's tables and figures as tables: per scaler, per ratio bucket, benign impact, runtimes, adaptive attacks.</summary>
internal static class EvalTables
{
    public static IReadOnlyList<EvalTable> Build(EvalSummary s, IReadOnlyList<double> deltas)
    {
        List<EvalTable> tables = s.Rows.Any(r => r.Measurement.StartsWith(EvalMeasurement.ModelPrefix, StringComparison.Ordinal))
            ? [PerScaler(s), Model(s), PerBucket(s), Benign(s), Runtimes(s), Adaptive(s, deltas)]
            : [PerScaler(s), PerBucket(s), Benign(s), Runtimes(s), Adaptive(s, deltas)];
        if (EvalDetection.HasRows(s))
        {
            tables.Add(EvalDetection.Table(s)); // results.csv files written before detection joined eval have none
        }
        return tables;
    }

    /// <summary>--model resnet18: O1 and Table 4 judged by ImageNet ResNet-18 features (cosine) instead of pixels.</summary>
    public static EvalTable Model(EvalSummary s)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (string scaler in s.Scalers)
        {
            rows.Add([scaler, s.Count(scaler, EvalMeasurement.AttackAvailable).ToString(CultureInfo.InvariantCulture),
                Percent(s.Rate(scaler, EvalMeasurement.ModelAttackO1)),
                Percent(s.Rate(scaler, EvalMeasurement.ModelRecovered("median"))), Percent(s.Rate(scaler, EvalMeasurement.ModelRecovered("random"))),
                Percent(s.Rate(scaler, EvalMeasurement.ModelBenignKept("median"))), Percent(s.Rate(scaler, EvalMeasurement.ModelBenignKept("random")))]);
        }
        return new("Judged by ResNet-18 features",
            "O1: the ResNet-18 features of scale(A) are closer (cosine) to T's than to scale(S)'s. Recovered / kept: the features of scale(filter(A)) / scale(filter(S)) are closer to scale(S)'s than to T's.",
            ["scaler", "attacks run", "O1", "median recovers", "random recovers", "benign kept (median)", "benign kept (random)"], rows);
    }

    /// <summary>§5.2 and Table 4 in one: attack success for O1/O2, and what each filter recovers.</summary>
    public static EvalTable PerScaler(EvalSummary s)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (string scaler in s.Scalers)
        {
            int cases = s.Cases(scaler), attacks = s.Count(scaler, EvalMeasurement.AttackAvailable);
            rows.Add([scaler, s.Note(scaler, EvalMeasurement.Verdict), cases.ToString(CultureInfo.InvariantCulture),
                attacks == 0 ? $"0 ({s.Note(scaler, EvalMeasurement.AttackAvailable, 0)})" : attacks.ToString(CultureInfo.InvariantCulture),
                Percent(s.Rate(scaler, EvalMeasurement.AttackO1)), Percent(s.Rate(scaler, EvalMeasurement.AttackO2)),
                Db(s.Median(scaler, EvalMeasurement.AttackPsnrSource)),
                Db(s.Median(scaler, EvalMeasurement.DefensePsnrSource("median"))), Db(s.Median(scaler, EvalMeasurement.DefensePsnrSource("random"))),
                Recovery(s, scaler, "median"), Recovery(s, scaler, "random"),
                Percent(s.Rate(scaler, EvalMeasurement.BenignPreserved("median"))), Percent(s.Rate(scaler, EvalMeasurement.BenignPreserved("random")))]);
        }
        return new("Summary per scaler",
            "O1: every sample of scale(A) within ε+1 of T. O2: PSNR(A, S) > 25 dB. PSNRs are medians in dB; \"after\" is PSNR(filter(A), S) (Fig. 15). " +
            "Recovered: scale(filter(A)) is closer to scale(S) than to T (Table 4, attacks); not applicable (attack visible) for robust scalers, where the attack image " +
            "is destroyed and nothing needs recovering; benign kept: the same for filter(S) (Table 4, unmodified).",
            ["scaler", "verdict", "cases", "attacks run", "O1", "O2", "PSNR(A,S)", "after median", "after random", "median recovers", "random recovers", "benign kept (median)", "benign kept (random)"],
            rows);
    }

    /// <summary>
    /// The share of attacks a filter recovers, or "not applicable (attack visible)" for a robust scaler: its
    /// attack image no longer looks like the source (PSNR(A, S) near 9 dB), so a 0% would read as a failure of
    /// the defense where there was nothing to recover. Those cases are counted apart (<see cref="RobustScalers"/>).
    /// </summary>
    public static string Recovery(EvalSummary s, string scaler, string filter, string? bucket = null) =>
        IsRobust(s, scaler) ? NotApplicable : Percent(s.Rate(scaler, EvalMeasurement.DefenseRecovered(filter), bucket));

    public const string NotApplicable = "not applicable (attack visible)";

    public static bool IsRobust(EvalSummary s, string scaler) => s.Note(scaler, EvalMeasurement.Verdict) == nameof(Verdict.Robust);

    /// <summary>The robust scalers of the run, whose recovery is not applicable.</summary>
    public static IReadOnlyList<string> RobustScalers(EvalSummary s) => s.Scalers.Where(x => IsRobust(s, x)).ToList();

    /// <summary>Fig. 15 and 19 by ratio: the attack's PSNR(A, S) and the filters' effect per bucket.</summary>
    public static EvalTable PerBucket(EvalSummary s)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (string scaler in s.Scalers)
        {
            foreach (RatioBucket bucket in s.Buckets)
            {
                string b = bucket.Label;
                rows.Add([scaler, b, s.Cases(scaler, b).ToString(CultureInfo.InvariantCulture), s.Count(scaler, EvalMeasurement.AttackAvailable, b).ToString(CultureInfo.InvariantCulture),
                    Percent(s.Rate(scaler, EvalMeasurement.AttackO1, b)), Percent(s.Rate(scaler, EvalMeasurement.AttackO2, b)),
                    Db(s.Median(scaler, EvalMeasurement.AttackPsnrSource, b)),
                    Db(s.Median(scaler, EvalMeasurement.DefensePsnrSource("median"), b)), Db(s.Median(scaler, EvalMeasurement.DefensePsnrSource("random"), b)),
                    Recovery(s, scaler, "median", b), Recovery(s, scaler, "random", b)]);
            }
        }
        return new("Per scaler and ratio bucket", "β = min(W/W′, H/H′). PSNRs are medians in dB.",
            ["scaler", "β", "cases", "attacks run", "O1", "O2", "PSNR(A,S)", "after median", "after random", "median recovers", "random recovers"], rows);
    }

    /// <summary>The filters' cost on benign images: PSNR(scale(filter(S)), scale(S)).</summary>
    public static EvalTable Benign(EvalSummary s)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (string scaler in s.Scalers)
        {
            var cells = new List<string> { scaler };
            foreach (string filter in new[] { "median", "random" })
            {
                cells.Add(Db(s.Median(scaler, EvalMeasurement.BenignPsnr(filter))));
            }
            foreach (RatioBucket bucket in s.Buckets)
            {
                cells.Add(Db(s.Median(scaler, EvalMeasurement.BenignPsnr("median"), bucket.Label)) + " / " + Db(s.Median(scaler, EvalMeasurement.BenignPsnr("random"), bucket.Label)));
            }
            rows.Add(cells);
        }
        return new("Impact on benign images", "PSNR(scale(filter(S)), scale(S)) in dB (median; ∞ = unchanged, e.g. when P is the whole image and nothing can be rebuilt). Per bucket: median / random filter.",
            ["scaler", "median filter", "random filter", .. s.Buckets.Select(b => b.Label)], rows);
    }

    /// <summary>Fig. 16: time per image of scaling and of each filter, per scaler and per bucket (medians, ms).</summary>
    public static EvalTable Runtimes(EvalSummary s)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (string scaler in s.Scalers)
        {
            var cells = new List<string> { scaler, Ms(s.Median(scaler, EvalMeasurement.ScaleTime)), Ms(s.Median(scaler, EvalMeasurement.BenignTime("median"))), Ms(s.Median(scaler, EvalMeasurement.BenignTime("random"))) };
            foreach (RatioBucket bucket in s.Buckets)
            {
                cells.Add(Ms(s.Median(scaler, EvalMeasurement.BenignTime("median"), bucket.Label)) + " / " + Ms(s.Median(scaler, EvalMeasurement.BenignTime("random"), bucket.Label)));
            }
            rows.Add(cells);
        }
        return new("Runtimes", "Milliseconds per image (median over cases), single thread, on the benign source. Per bucket: median / random filter.",
            ["scaler", "scale", "median filter", "random filter", .. s.Buckets.Select(b => b.Label)], rows);
    }

    private static string BudgetNote(int stopped) => stopped > 0 ? $" ({stopped} at budget)" : "";

    /// <summary>Fig. 17: the adaptive attacks' success versus δ, or why they were not run.</summary>
    public static EvalTable Adaptive(EvalSummary s, IReadOnlyList<double> deltas)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (string scaler in s.Scalers)
        {
            foreach (string filter in new[] { "median", "random" })
            {
                var cells = new List<string> { scaler, filter };
                if (s.Count(scaler, EvalMeasurement.AdaptiveAvailable(filter)) == 0)
                {
                    string why = s.Note(scaler, EvalMeasurement.AdaptiveAvailable(filter), 0);
                    cells.AddRange(deltas.Select((_, i) => i == 0 ? (why.Length > 0 ? why : EvalAttacks.NotAvailable) : Missing));
                }
                else
                {
                    cells.AddRange(deltas.Select(d => Percent(s.Rate(scaler, EvalMeasurement.AdaptiveSuccess(filter, d))) +
                                                      BudgetNote(s.Count(scaler, EvalMeasurement.AdaptiveBudgetHit(filter, d)))));
                }
                rows.Add(cells);
            }
        }
        return new("Adaptive attacks versus δ", "Share of cases where scale(filter(A)) is closer to T than to scale(S), for an adaptive attack that may change a fraction δ of each filter window. " +
                   "\"n at budget\": attacks that stopped at their work budget (AdaptiveAttackOptions.MaxWindowPixels) before every window was done.",
            ["scaler", "filter", .. deltas.Select(d => string.Create(CultureInfo.InvariantCulture, $"δ = {d:0.##}"))], rows);
    }
}
