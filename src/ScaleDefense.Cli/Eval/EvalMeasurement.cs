namespace ScaleDefense.Cli.Eval;

/// <summary>The names of the CSV's measurements (column <c>measurement</c>); "filter" is median or random.</summary>
internal static class EvalMeasurement
{
    /// <summary>0 robust, 1 partially robust, 2 vulnerable (note: the verdict).</summary>
    public const string Verdict = "analysis.verdict";
    public const string ScaleTime = "scale.time_ms";

    /// <summary>1 when an attack ran, 0 when none is available (note: the method, or why not).</summary>
    public const string AttackAvailable = "attack.available";
    public const string AttackEpsilon = "attack.epsilon";
    public const string AttackMaxDifference = "attack.o1_max_diff";
    /// <summary>O1: every sample of scale(A) within ε + 1 of T (ε is the attack's own bound; +1 for rounding).</summary>
    public const string AttackO1 = "attack.o1_success";
    public const string AttackPsnrScaledTarget = "attack.psnr_scaled_target";
    /// <summary>O2: PSNR(A, S).</summary>
    public const string AttackPsnrSource = "attack.psnr_attack_source";
    /// <summary>O2 success: PSNR(A, S) above 25 dB.</summary>
    public const string AttackO2 = "attack.o2_success";
    public const string AttackTime = "attack.time_ms";

    /// <summary>PSNR(filter(A), S): Fig. 15's "after".</summary>
    public static string DefensePsnrSource(string filter) => $"defense.{filter}.psnr_attack_source";
    public static string DefensePsnrScaledSource(string filter) => $"defense.{filter}.psnr_to_scaled_source";
    public static string DefensePsnrTarget(string filter) => $"defense.{filter}.psnr_to_target";
    /// <summary>1 when scale(filter(A)) is closer (PSNR) to scale(S) than to T: Table 4's "attacks".</summary>
    public static string DefenseRecovered(string filter) => $"defense.{filter}.recovered";
    public static string DefenseTime(string filter) => $"defense.{filter}.time_ms";

    /// <summary>PSNR(scale(filter(S)), scale(S)): the filter's cost on a benign image.</summary>
    public static string BenignPsnr(string filter) => $"benign.{filter}.psnr_scaled";
    /// <summary>1 when scale(filter(S)) stays closer to scale(S) than to T: Table 4's "unmodified".</summary>
    public static string BenignPreserved(string filter) => $"benign.{filter}.preserved";
    public static string BenignTime(string filter) => $"benign.{filter}.time_ms";

    /// <summary>1 when available (note: why not, when 0).</summary>
    public static string AdaptiveAvailable(string filter) => $"adaptive.{filter}.available";
    /// <summary>1 when scale(filter(A)) is closer to T than to scale(S) for the adaptive A at this δ.</summary>
    public static string AdaptiveSuccess(string filter, double delta) => FormattableString.Invariant($"adaptive.{filter}.d{delta:0.##}.success");
    public static string AdaptivePsnrSource(string filter, double delta) => FormattableString.Invariant($"adaptive.{filter}.d{delta:0.##}.psnr_attack_source");
    /// <summary>1 when the adaptive attack at this δ stopped at its work budget (<see cref="AdaptiveAttackOptions.MaxWindowPixels"/>) before every window was done.</summary>
    public static string AdaptiveBudgetHit(string filter, double delta) => FormattableString.Invariant($"adaptive.{filter}.d{delta:0.##}.budget_hit");

    /// <summary>--model resnet18, O1: the features of scale(A) are closer (cosine) to T's than to scale(S)'s.</summary>
    public const string ModelAttackO1 = "model.attack.o1_success";
    public const string ModelCosineTarget = "model.attack.cos_target";
    public const string ModelCosineScaledSource = "model.attack.cos_scaled_source";
    /// <summary>--model resnet18: the features of scale(filter(A)) are closer to scale(S)'s than to T's.</summary>
    public static string ModelRecovered(string filter) => $"model.{filter}.recovered";
    /// <summary>--model resnet18: the features of scale(filter(S)) stay closer to scale(S)'s than to T's.</summary>
    public static string ModelBenignKept(string filter) => $"model.benign.{filter}.kept";
    public const string ModelPrefix = "model.";

    /// <summary>A detector's score (<see cref="DetectorKind"/>) of one image: benign, attack, adaptive-median or adaptive-random; only where the detector applies.</summary>
    public static string DetectScore(string image, DetectorKind detector) => $"detect.{image}.{detector}";
    /// <summary>1 when the verdict with the shipped thresholds is Suspicious for that image.</summary>
    public static string DetectFlagged(string image) => $"detect.{image}.flagged";
    /// <summary>1 when the scaler reads every pixel (r = 1: dense P), the case the weighted-P detector is for.</summary>
    public const string DetectDenseP = "detect.dense_p";
    public const string DetectPrefix = "detect.";

    /// <summary>The images the detectors score, in the order of the detection table.</summary>
    public static IReadOnlyList<string> DetectedImages { get; } = ["benign", "attack", "adaptive-median", "adaptive-random"];

    /// <summary>Written last for a (case, scaler): its rows are complete.</summary>
    public const string Complete = "complete";

    public static IReadOnlyList<(Reconstruction Method, string Name)> Filters { get; } = [(Reconstruction.Median, "median"), (Reconstruction.Random, "random")];
}
