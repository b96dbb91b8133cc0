using System.Diagnostics;
using System.Globalization;
using ScaleDefense.Cli.Imaging;

namespace ScaleDefense.Cli.Eval;

/// <summary>
/// Measures one (case, scaler): the attack (O1, O2), both filters on the attack image (Fig. 15,
/// Table 4 "attacks") and on the benign source (Table 4 "unmodified"), their runtimes (Fig. 16),
/// and the adaptive attacks versus δ (Fig. 17); every detector's score of the benign source, the
/// attack image and the adaptive attack images (at the largest δ), with the shipped thresholds' verdict.
/// </summary>
internal sealed class EvalRunner(IEvalAttacks attacks, int seed, ResNet18Features? features = null)
{
    private readonly AttackDetector _detector = new(new AttackDetectorOptions { Filter = new ReconstructionOptions { Seed = (ulong)seed } });

    /// <summary>Images of one (case, scaler) for the report: source, target, attack, scale(A), and scale(filter(A)).</summary>
    public sealed record Example(PackedImage Source, PackedImage Target, PackedImage? Attack, PackedImage? ScaledAttack, PackedImage? Median, PackedImage? Random);

    public List<EvalRow> Run(EvalCase c, EvalScaler scaler, PackedImage source, PackedImage target, out Example example)
    {
        int channels = source.Channels;
        var rows = new List<EvalRow>();
        void Add(string measurement, double? value, string note = "") => rows.Add(EvalRow.For(c, scaler, measurement, value, note));
        void Flag(string measurement, bool value, string note = "") => rows.Add(EvalRow.For(c, scaler, measurement, value, note));
        void Detect(string image, ScalingModel m, byte[] pixels, ImageLayout at)
        {
            DetectionReport detection = _detector.Detect(m, pixels, at);
            foreach (DetectorScore score in detection.Scores.Where(s => s.Applies && double.IsFinite(s.Score)))
            {
                Add(EvalMeasurement.DetectScore(image, score.Detector), score.Score);
            }
            Flag(EvalMeasurement.DetectFlagged(image), detection.Verdict == DetectionVerdict.Suspicious);
        }

        using var model = ScalingModel.Create(scaler.Library, scaler.Algorithm, c.SourceSize, c.TargetSize);
        VulnerabilityReport report = model.Analyze();
        Add(EvalMeasurement.Verdict, (int)VerdictRank(report.Verdict), report.Verdict.ToString());
        ImageLayout layout = source.Layout;
        Flag(EvalMeasurement.DetectDenseP, report.ConsideredPixelRatio >= 1);
        Detect("benign", model, source.Pixels, layout);

        var clock = Stopwatch.StartNew();
        byte[] scaledSource = ScaleBytes(model, source.Pixels, channels);
        Add(EvalMeasurement.ScaleTime, clock.Elapsed.TotalMilliseconds);
        // The first reconstruction builds P; keep that out of the filter timings.
        model.Reconstruct(source.Pixels, layout, new byte[source.Pixels.Length], layout, Reconstruction.Random, new ReconstructionOptions { Seed = 1 });

        float[]? targetFeatures = features?.Of(target.Pixels, c.TargetSize, channels);
        float[]? sourceFeatures = features?.Of(scaledSource, c.TargetSize, channels);
        // True when the features of an output are closer to the scaled source's than to the target's.
        bool? NearSource(byte[] scaled)
        {
            if (features is null)
            {
                return null;
            }
            float[] f = features.Of(scaled, c.TargetSize, channels);
            return ResNet18Features.Cosine(f, sourceFeatures!) > ResNet18Features.Cosine(f, targetFeatures!);
        }

        (AttackResult? attack, string note) = attacks.Attack(model, source, target);
        byte[]? scaledAttack = null;
        var defended = new Dictionary<string, byte[]>();
        if (attack is null)
        {
            Flag(EvalMeasurement.AttackAvailable, false, note);
        }
        else
        {
            AttackVerification v = attack.Verification;
            double epsilon = v.EpsilonPerColumn.Count > 0 ? v.EpsilonPerColumn.Max() : 0;
            Flag(EvalMeasurement.AttackAvailable, true, attack.Method);
            Add(EvalMeasurement.AttackEpsilon, epsilon);
            Add(EvalMeasurement.AttackMaxDifference, v.MaxDifferenceToTarget);
            Flag(EvalMeasurement.AttackO1, v.ReachesTarget(epsilon + 1));
            Add(EvalMeasurement.AttackPsnrScaledTarget, v.PsnrScaledToTarget);
            Add(EvalMeasurement.AttackPsnrSource, v.PsnrAttackToSource);
            Flag(EvalMeasurement.AttackO2, v.IsInvisible);
            Add(EvalMeasurement.AttackTime, v.Runtime.TotalMilliseconds);
            scaledAttack = ScaleBytes(model, attack.Image, channels);
            Detect("attack", model, attack.Image, attack.Layout);
            if (features is not null)
            {
                float[] f = features.Of(scaledAttack, c.TargetSize, channels);
                double toTarget = ResNet18Features.Cosine(f, targetFeatures!), toSource = ResNet18Features.Cosine(f, sourceFeatures!);
                Flag(EvalMeasurement.ModelAttackO1, toTarget > toSource);
                Add(EvalMeasurement.ModelCosineTarget, toTarget);
                Add(EvalMeasurement.ModelCosineScaledSource, toSource);
            }
            foreach ((Reconstruction method, string name) in EvalMeasurement.Filters)
            {
                (byte[] rebuilt, double ms) = Filter(model, attack.Image, layout, method, c, scaler);
                byte[] scaled = ScaleBytes(model, rebuilt, channels);
                double toSource = ImageMetrics.Psnr(scaled, scaledSource), toTarget = ImageMetrics.Psnr(scaled, target.Pixels);
                Add(EvalMeasurement.DefensePsnrSource(name), ImageMetrics.Psnr(rebuilt, source.Pixels));
                Add(EvalMeasurement.DefensePsnrScaledSource(name), toSource);
                Add(EvalMeasurement.DefensePsnrTarget(name), toTarget);
                Flag(EvalMeasurement.DefenseRecovered(name), toSource > toTarget);
                Add(EvalMeasurement.DefenseTime(name), ms);
                if (NearSource(scaled) is { } recovered)
                {
                    Flag(EvalMeasurement.ModelRecovered(name), recovered);
                }
                defended[name] = scaled;
            }
        }

        foreach ((Reconstruction method, string name) in EvalMeasurement.Filters)
        {
            (byte[] rebuilt, double ms) = Filter(model, source.Pixels, layout, method, c, scaler);
            byte[] scaled = ScaleBytes(model, rebuilt, channels);
            double toSource = ImageMetrics.Psnr(scaled, scaledSource);
            Add(EvalMeasurement.BenignPsnr(name), toSource);
            Flag(EvalMeasurement.BenignPreserved(name), toSource > ImageMetrics.Psnr(scaled, target.Pixels));
            Add(EvalMeasurement.BenignTime(name), ms);
            if (NearSource(scaled) is { } kept)
            {
                Flag(EvalMeasurement.ModelBenignKept(name), kept);
            }
        }

        foreach ((Reconstruction method, string name) in EvalMeasurement.Filters)
        {
            for (int d = 0; d < attacks.AdaptiveDeltas.Count; d++)
            {
                double delta = attacks.AdaptiveDeltas[d];
                (AttackResult? adaptive, string why) = attacks.Adaptive(model, method, source, target, attack, delta);
                if (adaptive is null)
                {
                    Flag(EvalMeasurement.AdaptiveAvailable(name), false, why);
                    break;
                }
                if (d == 0)
                {
                    Flag(EvalMeasurement.AdaptiveAvailable(name), true, adaptive.Method);
                }
                byte[] scaled = ScaleBytes(model, Filter(model, adaptive.Image, layout, method, c, scaler).Image, channels);
                Flag(EvalMeasurement.AdaptiveSuccess(name, delta), ImageMetrics.Psnr(scaled, target.Pixels) > ImageMetrics.Psnr(scaled, scaledSource));
                Add(EvalMeasurement.AdaptivePsnrSource(name, delta), adaptive.Verification.PsnrAttackToSource);
                Flag(EvalMeasurement.AdaptiveBudgetHit(name, delta), adaptive.Budget is not null, adaptive.Budget?.ToString() ?? "");
                if (d == attacks.AdaptiveDeltas.Count - 1)
                {
                    Detect("adaptive-" + name, model, adaptive.Image, adaptive.Layout);
                }
            }
        }

        Flag(EvalMeasurement.Complete, true);
        PackedImage? Scaled(byte[]? pixels) => pixels is null ? null : PackedImage.Of(pixels, c.TargetSize, channels);
        example = new Example(source, target, attack is null ? null : PackedImage.Of(attack), Scaled(scaledAttack),
                              Scaled(defended.GetValueOrDefault("median")), Scaled(defended.GetValueOrDefault("random")));
        return rows;
    }

    private static int VerdictRank(Verdict verdict) => verdict switch
    {
        Verdict.Robust => 0,
        Verdict.PartiallyRobust => 1,
        _ => 2,
    };

    private (byte[] Image, double Milliseconds) Filter(ScalingModel model, byte[] image, ImageLayout layout, Reconstruction method, EvalCase c, EvalScaler scaler)
    {
        var output = new byte[image.Length];
        var options = new ReconstructionOptions { Seed = RandomSeed(c, scaler) };
        var clock = Stopwatch.StartNew();
        model.Reconstruct(image, layout, output, layout, method, options);
        return (output, clock.Elapsed.TotalMilliseconds);
    }

    // Reproducible random-filter picks per (seed, case, scaler); FNV-1a, since string hashes vary per process.
    private ulong RandomSeed(EvalCase c, EvalScaler scaler)
    {
        ulong hash = 14695981039346656037;
        foreach (char ch in string.Create(CultureInfo.InvariantCulture, $"{seed}/{c.Index}/{scaler.Name}"))
        {
            hash = unchecked((hash ^ ch) * 1099511628211); // FNV wraps by definition
        }
        return hash;
    }

    /// <summary>scale(X) as 8-bit pixels; float-only scalers (TensorFlow, PyTorch) are rounded and clamped to 0…255.</summary>
    public static byte[] ScaleBytes(ScalingModel model, byte[] image, int channels)
    {
        if (model.Supports(SampleType.UInt8))
        {
            return model.Scale(image, channels);
        }
        float[] scaled = model.Scale(Array.ConvertAll(image, v => (float)v), channels);
        return Array.ConvertAll(scaled, v => (byte)Math.Clamp(MathF.Round(v), 0, 255));
    }
}
