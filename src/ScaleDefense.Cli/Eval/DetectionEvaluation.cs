using System.Globalization;
using System.Text;
using OpenCvSharp;
using ScaleDefense.Cli.Imaging;

namespace ScaleDefense.Cli.Eval;

/// <summary>
/// The detection evaluation: per scaler, random (source, target) pairs of different photos at ratios
/// β ∈ [2, 10); every detector scores the benign source, the attack image (AttackPlanner: direct,
/// area or strong) and the attack image after JPEG re-compression (an adaptive attack against the
/// detectors, Q23 §6), and with --peaks the attack image with its spectral peaks notch-filtered away
/// (<see cref="PeakSuppression"/>, the narrowest notch the verdict misses). Writes scores.csv, summary.md (AUC, TPR at 1% FPR, and the verdict's FPR/TPR
/// with the thresholds given) and one ROC chart per scaler.
/// </summary>
internal static class DetectionEvaluation
{
    public sealed record Settings(string Images, string Out, IReadOnlyList<EvalScaler> Scalers, int Pairs, int Seed, ImageSize Target,
                                  DetectionThresholds Thresholds, int JpegQuality, bool Adaptive, bool Peaks = false);

    private sealed record Row(string Scaler, double Ratio, string Kind, double PsnrToSource, double PsnrToTarget, double[] Scores, bool Flagged);

    public static int Run(Settings s, TextWriter output)
    {
        var photos = SampleFiles.List(s.Images).Order(StringComparer.Ordinal).ToList();
        if (photos.Count < 2)
        {
            throw new CliException($"'{s.Images}' needs at least two readable images");
        }
        Directory.CreateDirectory(s.Out);
        var random = new Random(s.Seed);
        var rows = new List<Row>();
        var detector = new AttackDetector(new AttackDetectorOptions { Thresholds = s.Thresholds, Filter = new ReconstructionOptions { Seed = (ulong)s.Seed } });
        foreach (EvalScaler scaler in s.Scalers)
        {
            for (int pair = 0; pair < s.Pairs; pair++)
            {
                int si = random.Next(photos.Count);
                int ti = (si + 1 + random.Next(photos.Count - 1)) % photos.Count;
                double beta = 2 + (8 * random.NextDouble());
                var sourceSize = new ImageSize((int)Math.Round(s.Target.Width * beta), (int)Math.Round(s.Target.Height * beta));
                PackedImage source = Source(photos[si], sourceSize, random);
                using Mat targetPhoto = ImageFiles.Read(photos[ti], ResourceLimits.Default);
                using Mat targetMat = TargetFitting.CropAndFit(targetPhoto, s.Target, source.Channels);
                PackedImage target = PackedImage.FromMat(targetMat);
                using ScalingModel model = ScalingModel.Create(scaler.Library, scaler.Algorithm, sourceSize, s.Target);
                double ratio = Math.Max(model.Analyze().Horizontal.Ratio, model.Analyze().Vertical.Ratio);
                rows.Add(Score(scaler, ratio, "benign", model, detector, source, source, target));
                AttackResult attack = AttackPlanner.Attack(model, source, target, 1.0);
                PackedImage attacked = PackedImage.Of(attack);
                rows.Add(Score(scaler, ratio, "attack", model, detector, attacked, source, target));
                rows.Add(Score(scaler, ratio, $"jpeg{s.JpegQuality}", model, detector, Jpeg(attacked, s.JpegQuality), source, target));
                if (s.Peaks && model.Analyze().Verdict != Verdict.Robust)
                {
                    rows.Add(SuppressPeaks(scaler, ratio, model, detector, attacked, source, target));
                }
                if (s.Adaptive && model.Analyze().Verdict != Verdict.Robust && !model.Analyze().BehavesLikeNearest &&
                    model.Algorithm is not (ScalingAlgorithm.Area or ScalingAlgorithm.Box))
                {
                    // The adaptive attack against the median filter (§5.5), hardening the attack image: does it also evade the detectors?
                    AttackResult adaptive = AttackPlanner.Adapt(model, Reconstruction.Median, source, target, attack, AdaptiveAttackOptions.Default);
                    rows.Add(Score(scaler, ratio, "adaptive-median", model, detector, PackedImage.Of(adaptive), source, target));
                }
                output.Write('.');
            }
            output.WriteLine($" {scaler.Name}");
        }
        WriteCsv(Path.Combine(s.Out, "scores.csv"), rows);
        string summary = Summary(rows, s);
        File.WriteAllText(Path.Combine(s.Out, "summary.md"), summary);
        foreach (IGrouping<string, Row> group in rows.GroupBy(r => r.Scaler))
        {
            WriteRocChart(group.ToList(), Path.Combine(s.Out, $"roc-{group.Key.Replace(':', '-')}.png"));
        }
        output.Write(summary);
        return CliApp.Ok;
    }

    /// <summary>A random crop of the photo at the source size, or the photo upscaled (bicubic) when it is smaller.</summary>
    private static PackedImage Source(string path, ImageSize size, Random random)
    {
        using Mat photo = ImageFiles.Read(path, ResourceLimits.Default);
        using Mat colour = ChannelConversion.To(photo, 3);
        if (colour.Cols >= size.Width && colour.Rows >= size.Height)
        {
            int x = random.Next(colour.Cols - size.Width + 1), y = random.Next(colour.Rows - size.Height + 1);
            using Mat crop = new(colour, new Rect(x, y, size.Width, size.Height));
            return PackedImage.FromMat(crop);
        }
        using Mat fitted = new();
        double scale = Math.Max((double)size.Width / colour.Cols, (double)size.Height / colour.Rows);
        Cv2.Resize(colour, fitted, new Size((int)Math.Ceiling(colour.Cols * scale), (int)Math.Ceiling(colour.Rows * scale)), 0, 0, InterpolationFlags.Cubic);
        using Mat cropped = new(fitted, new Rect(0, 0, size.Width, size.Height));
        return PackedImage.FromMat(cropped);
    }

    // The white-box attacker knows the detectors and thresholds: the narrowest notch that the verdict misses, else the widest.
    private static Row SuppressPeaks(EvalScaler scaler, double ratio, ScalingModel model, AttackDetector detector, PackedImage attacked,
                                     PackedImage source, PackedImage target)
    {
        Row? row = null;
        foreach (int halfWidth in PeakSuppression.HalfWidths)
        {
            row = Score(scaler, ratio, "peaks", model, detector, PeakSuppression.Apply(attacked, source, model.Target, halfWidth), source, target);
            if (!row.Flagged)
            {
                break;
            }
        }
        return row!;
    }

    private static PackedImage Jpeg(PackedImage image, int quality)
    {
        using Mat mat = image.ToMat();
        Cv2.ImEncode(".jpg", mat, out byte[] jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, quality));
        using Mat decoded = Cv2.ImDecode(jpeg, ImreadModes.Color);
        return PackedImage.FromMat(decoded);
    }

    private static Row Score(EvalScaler scaler, double ratio, string kind, ScalingModel model, AttackDetector detector, PackedImage image,
                             PackedImage source, PackedImage target)
    {
        DetectionReport report = detector.Detect(model, image.Pixels, image.Layout);
        double[] scores = report.Scores.Select(r => r.Score).ToArray();
        bool flagged = report.Verdict == DetectionVerdict.Suspicious;
        byte[] scaled = model.Scale(image.Pixels, image.Channels);
        return new Row(scaler.Name, ratio, kind, ImageMetrics.Psnr(image.Pixels, source.Pixels), ImageMetrics.Psnr(scaled, target.Pixels), scores, flagged);
    }

    private static void WriteCsv(string path, List<Row> rows)
    {
        var text = new StringBuilder("scaler,ratio,kind,psnr_attack_source,psnr_scaled_target,flagged," +
                                     string.Join(',', Enum.GetNames<DetectorKind>()) + "\n");
        foreach (Row r in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Scaler},{r.Ratio:0.###},{r.Kind},{r.PsnrToSource:0.##},{r.PsnrToTarget:0.##},{(r.Flagged ? 1 : 0)},");
            text.AppendLine(string.Join(',', r.Scores.Select(v => double.IsFinite(v) ? v.ToString("0.#####", CultureInfo.InvariantCulture) : "")));
        }
        File.WriteAllText(path, text.ToString());
    }

    private static string Summary(List<Row> rows, Settings s)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Detection: {s.Pairs} pairs per scaler, β ∈ [2, 10), target {s.Target}, seed {s.Seed}, images {Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(s.Images)))}");
        text.AppendLine();
        text.AppendLine("| scaler | attack | detector | AUC | TPR at 1% FPR |");
        text.AppendLine("|---|---|---|---:|---:|");
        foreach (IGrouping<string, Row> group in rows.GroupBy(r => r.Scaler))
        {
            var benign = group.Where(r => r.Kind == "benign").ToList();
            foreach (string kind in group.Select(r => r.Kind).Where(k => k != "benign").Distinct())
            {
                var attacks = group.Where(r => r.Kind == kind).ToList();
                foreach (DetectorKind d in Enum.GetValues<DetectorKind>())
                {
                    (double auc, double tpr) = Roc.Measure(benign.Select(r => r.Scores[(int)d]), attacks.Select(r => r.Scores[(int)d]));
                    if (double.IsNaN(auc))
                    {
                        continue;
                    }
                    text.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} | {kind} | {d} | {auc:0.000} | {tpr:P0} |");
                }
            }
        }
        text.AppendLine();
        text.AppendLine("Verdict with the thresholds given (" + s.Thresholds.Images + "):");
        text.AppendLine();
        text.AppendLine("| scaler | benign flagged (FPR) | attacks flagged (TPR) | JPEG-recompressed flagged | JPEG: scaled within 20 dB of target and PSNR(A,S) ≥ 20 dB | adaptive (median) flagged | peaks suppressed: flagged | peaks suppressed: scaled within 20 dB of target and PSNR(A,S) ≥ 20 dB |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (IGrouping<string, Row> group in rows.GroupBy(r => r.Scaler))
        {
            var benign = group.Where(r => r.Kind == "benign").ToList();
            var attacks = group.Where(r => r.Kind == "attack").ToList();
            var jpeg = group.Where(r => r.Kind.StartsWith("jpeg", StringComparison.Ordinal)).ToList();
            var adaptive = group.Where(r => r.Kind == "adaptive-median").ToList();
            var peaks = group.Where(r => r.Kind == "peaks").ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key} | {benign.Count(r => r.Flagged)}/{benign.Count} | {attacks.Count(r => r.Flagged)}/{attacks.Count} | {jpeg.Count(r => r.Flagged)}/{jpeg.Count} | {StillWorking(jpeg)} | {Share(adaptive)} | {Share(peaks)} | {(peaks.Count == 0 ? "—" : StillWorking(peaks))} |");
        }
        return text.ToString();
    }

    private static string Share(List<Row> rows) => rows.Count == 0 ? "—" : $"{rows.Count(r => r.Flagged)}/{rows.Count}";

    // Attack images that still do their job: scale(A) within 20 dB of the target, A within 20 dB of the source.
    private static string StillWorking(List<Row> rows)
    {
        int working = rows.Count(r => r.PsnrToTarget >= 20 && r.PsnrToSource >= 20);
        int evading = rows.Count(r => r.PsnrToTarget >= 20 && r.PsnrToSource >= 20 && !r.Flagged);
        return $"{working}/{rows.Count} still work, {evading} of them unflagged";
    }

    private static void WriteRocChart(List<Row> rows, string path)
    {
        var benign = rows.Where(r => r.Kind == "benign").ToList();
        var attacks = rows.Where(r => r.Kind == "attack").ToList();
        byte[]? png = RocChart.Png($"ROC, {rows[0].Scaler}: benign vs attack",
            Enum.GetValues<DetectorKind>().Select(d => (d.ToString(), benign.Select(r => r.Scores[(int)d]), attacks.Select(r => r.Scores[(int)d]))));
        if (png is not null)
        {
            File.WriteAllBytes(path, png); // none for a robust scaler: no detector applies
        }
    }
}
