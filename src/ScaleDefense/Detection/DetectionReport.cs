using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ScaleDefense;

/// <summary>What <see cref="AttackDetector.Detect"/> found: per-detector scores and thresholds, a verdict, and the reason in words.</summary>
public sealed class DetectionReport
{
    internal DetectionReport(string scaler, DetectionVerdict verdict, string reason, IReadOnlyList<DetectorScore> scores)
    {
        Scaler = scaler;
        Verdict = verdict;
        Reason = reason;
        Scores = scores;
    }

    /// <summary>The scaler the image was judged for (library, algorithm, sizes).</summary>
    public string Scaler { get; }

    /// <summary>Clean or Suspicious.</summary>
    public DetectionVerdict Verdict { get; }

    /// <summary>Why, in one sentence.</summary>
    public string Reason { get; }

    /// <summary>One entry per detector, in <see cref="DetectorKind"/> order.</summary>
    public IReadOnlyList<DetectorScore> Scores { get; }

    /// <summary>The score of one detector.</summary>
    public DetectorScore this[DetectorKind detector] => Scores.First(s => s.Detector == detector);

    /// <summary>The verdict line, then one line per detector.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Verdict}: {Reason}");
        foreach (DetectorScore score in Scores)
        {
            text.Append('\n').Append(score);
        }
        return text.ToString();
    }

    /// <summary>The report as JSON (scores NaN written as null).</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        scaler = Scaler,
        verdict = Verdict.ToString(),
        reason = Reason,
        detectors = Scores.Select(s => new
        {
            detector = s.Detector.ToString(),
            score = double.IsFinite(s.Score) ? s.Score : (double?)null,
            threshold = s.Threshold,
            applies = s.Applies,
            exceeds = s.Exceeds,
            note = s.Note,
        }),
    }, s_indented);

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };
}
