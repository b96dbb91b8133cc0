using System.Globalization;
using ScaleDefense.Detection;

namespace ScaleDefense;

/// <summary>
/// Tells whether an 8-bit image is an image-scaling attack against a given scaler: runs the
/// detectors of <see cref="DetectorKind"/> that apply to that scaler, compares each score with the
/// threshold of its scaler family (<see cref="DetectionThresholds"/>), and says Suspicious when any
/// exceeds it. Immutable; safe to share between threads.
/// </summary>
/// <example>
/// <code>
/// using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, new(1024, 768), new(224, 224));
/// DetectionReport report = model.Detect(pixels, new ImageLayout(1024, 768, 3));
/// if (report.Verdict == DetectionVerdict.Suspicious) Console.WriteLine(report.Reason);
/// </code>
/// </example>
public sealed class AttackDetector
{
    /// <summary>The shipped thresholds, every detector, an unpredictable random filter.</summary>
    public static AttackDetector Default { get; } = new();

    /// <summary>Creates a detector with the shipped thresholds and default options.</summary>
    public AttackDetector()
        : this(new AttackDetectorOptions())
    {
    }

    /// <summary>Creates a detector.</summary>
    /// <exception cref="ArgumentException">An option is null or out of range.</exception>
    public AttackDetector(AttackDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Filter is null)
        {
            throw new ArgumentException("AttackDetectorOptions.Filter must not be null.", nameof(options));
        }
        options.Filter.Validate(nameof(options));
        if (options.Detectors is null || options.Detectors.Count == 0 || options.Detectors.Any(d => !Enum.IsDefined(d)))
        {
            throw new ArgumentException($"AttackDetectorOptions.Detectors must name at least one of {string.Join(", ", Enum.GetNames<DetectorKind>())}.", nameof(options));
        }
        Options = options;
    }

    /// <summary>The options.</summary>
    public AttackDetectorOptions Options { get; }

    /// <summary>The thresholds in use: <see cref="AttackDetectorOptions.Thresholds"/>, or the shipped table.</summary>
    public DetectionThresholds Thresholds => Options.Thresholds ?? DetectionThresholds.Shipped;

    /// <summary>Runs the detectors on an image of the model's source size and gives the verdict.</summary>
    /// <exception cref="ArgumentException">The layout does not fit the buffer or is not of the model's source size.</exception>
    public DetectionReport Detect(ScalingModel model, ReadOnlySpan<byte> image, ImageLayout layout)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.RequireSourceImage(image, layout);
        VulnerabilityReport analysis = model.Analyze();
        double ratio = Math.Max(analysis.Horizontal.Ratio, analysis.Vertical.Ratio);
        ThresholdEntry? entry = Thresholds.Find(model.Library, model.Algorithm, model.Antialias, ratio);
        var scores = new List<DetectorScore>();
        foreach (DetectorKind kind in Enum.GetValues<DetectorKind>().Where(Options.Detectors.Contains))
        {
            string? reason = WhyNotApplicable(model, analysis, kind);
            if (reason is not null)
            {
                scores.Add(new DetectorScore(kind, double.NaN, null, false, reason));
                continue;
            }
            double score = Score(model, image, layout, kind, Options.Filter);
            double? threshold = entry is not null && entry.Thresholds.TryGetValue(kind, out double t) ? t : null;
            scores.Add(new DetectorScore(kind, score, threshold, true, ""));
        }
        return Judge(model, analysis, entry, scores);
    }

    /// <summary>One detector's score, whether or not it applies (calibration and evaluation read every score).</summary>
    internal static double Score(ScalingModel model, ReadOnlySpan<byte> image, ImageLayout layout, DetectorKind kind, ReconstructionOptions filter) => kind switch
    {
        DetectorKind.ReconstructionMedian => model.ReconstructionDifference(image, layout, Reconstruction.Median, filter),
        DetectorKind.ReconstructionRandom => model.ReconstructionDifference(image, layout, Reconstruction.Random, filter),
        DetectorKind.DownUpScaling => DownUpScaling.Score(model, image, layout),
        DetectorKind.PeakSpectrum => PeakSpectrum.Score(image, layout, model.Target),
        DetectorKind.WeightedReconstruction => WeightedReconstruction.Score(model, image, layout),
        _ => throw new ArgumentException($"Unknown detector {(int)kind}.", nameof(kind)),
    };

    /// <summary>Why a detector tells nothing for this scaler, or null when it applies.</summary>
    internal static string? WhyNotApplicable(ScalingModel model, VulnerabilityReport analysis, DetectorKind kind)
    {
        if (analysis.Verdict == Verdict.Robust)
        {
            return "the scaler reads every pixel with near-uniform weight: an attack cannot work, so a flag would be noise";
        }
        if (analysis.Horizontal.Ratio <= 1 && analysis.Vertical.Ratio <= 1)
        {
            return "the scaler does not downscale";
        }
        bool dense = model.Considered.CoversImage;
        return kind switch
        {
            DetectorKind.ReconstructionMedian or DetectorKind.ReconstructionRandom when dense =>
                "the scaler reads every pixel: nothing outside P to rebuild from (WeightedReconstruction covers it)",
            DetectorKind.WeightedReconstruction when !dense => "P is sparse here: the reconstruction-difference detectors cover it",
            DetectorKind.WeightedReconstruction when model.HeavyPixels.Rows.Length == 0 || model.HeavyPixels.Columns.Length == 0 =>
                "no pixel weighs well above a uniform kernel's 1/β",
            _ => null,
        };
    }

    private static DetectionReport Judge(ScalingModel model, VulnerabilityReport analysis, ThresholdEntry? entry, List<DetectorScore> scores)
    {
        string scaler = $"{model.Library} {model.Algorithm}{(model.Antialias ? " (antialias)" : "")} {model.Source} -> {model.Target}";
        if (analysis.Verdict == Verdict.Robust)
        {
            return new DetectionReport(scaler, DetectionVerdict.Clean,
                "the scaler is robust (every pixel read with near-uniform weight), so no image can steer it; nothing to detect.", scores);
        }
        var exceeded = scores.Where(s => s.Exceeds).ToList();
        if (exceeded.Count > 0)
        {
            string which = string.Join("; ", exceeded.Select(s => string.Create(CultureInfo.InvariantCulture,
                $"{s.Detector} scored {s.Score:0.###} above its threshold {s.Threshold:0.###}")));
            return new DetectionReport(scaler, DetectionVerdict.Suspicious,
                $"{which}: the pixels this scaler reads do not agree with the rest of the image, as in an image-scaling attack.", scores);
        }
        if (entry is null || !scores.Any(s => s.Applies && s.Threshold is not null))
        {
            return new DetectionReport(scaler, DetectionVerdict.Clean,
                "no thresholds are known for this scaler and ratio: scores only (calibrate with `scaledefense calibrate` and pass the file).", scores);
        }
        return new DetectionReport(scaler, DetectionVerdict.Clean, "every detector stayed at or below its threshold.", scores);
    }
}
