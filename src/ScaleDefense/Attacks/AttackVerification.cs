using System.Diagnostics;

namespace ScaleDefense;

/// <summary>
/// What every attack reports about itself: the attack image scaled by the exact model of the real
/// scaler versus the target (objective O1), the attack image versus the source (O2), the runtime,
/// and, for attacks that relax a bound per column, the ε each column needed.
/// </summary>
public sealed record AttackVerification
{
    /// <summary>The paper deems an attack image visibly altered below this PSNR(A, S).</summary>
    public const double VisibleBelowDb = 15;

    /// <summary>The paper deems an attack strong (invisible) above this PSNR(A, S).</summary>
    public const double StrongAboveDb = 25;

    /// <summary>Largest |scale(A) − T| over all samples (grey levels).</summary>
    public required double MaxDifferenceToTarget { get; init; }

    /// <summary>Mean |scale(A) − T|.</summary>
    public required double MeanDifferenceToTarget { get; init; }

    /// <summary>PSNR(scale(A), T) in dB (peak 255).</summary>
    public required double PsnrScaledToTarget { get; init; }

    /// <summary>PSNR(A, S) in dB: how much the attack image still looks like the source.</summary>
    public required double PsnrAttackToSource { get; init; }

    /// <summary>Wall-clock time of the attack.</summary>
    public required TimeSpan Runtime { get; init; }

    /// <summary>The ε each output column needed (empty for attacks without one).</summary>
    public IReadOnlyList<double> EpsilonPerColumn { get; init; } = [];

    /// <summary>O1 within a tolerance: every scaled sample within <paramref name="tolerance"/> of the target.</summary>
    public bool ReachesTarget(double tolerance) => MaxDifferenceToTarget <= tolerance;

    /// <summary>O2 as the paper judges it: PSNR(A, S) above <see cref="StrongAboveDb"/>.</summary>
    public bool IsInvisible => PsnrAttackToSource > StrongAboveDb;

    /// <summary>
    /// Scales the attack image with <paramref name="model"/> (8-bit arithmetic when the library has
    /// it, float otherwise) and compares it with the target and the source.
    /// </summary>
    /// <exception cref="ArgumentException">Sizes or lengths do not match the model.</exception>
    public static AttackVerification Measure(ScalingModel model, ReadOnlySpan<byte> source, ReadOnlySpan<byte> attack, int channels,
                                             ReadOnlySpan<byte> target, TimeSpan runtime, IReadOnlyList<double>? epsilonPerColumn = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        long sourceLength = (long)model.Source.Width * model.Source.Height * channels;
        long targetLength = (long)model.Target.Width * model.Target.Height * channels;
        if (source.Length != sourceLength || attack.Length != sourceLength)
        {
            throw new ArgumentException($"source and attack must be packed {model.Source}x{channels} images ({sourceLength} bytes); got {source.Length} and {attack.Length}.");
        }
        if (target.Length != targetLength)
        {
            throw new ArgumentException($"target must be a packed {model.Target}x{channels} image ({targetLength} bytes); got {target.Length}.");
        }
        double[] scaled = ScaledAsDouble(model, attack, channels);
        double max = 0, sum = 0, squares = 0;
        for (int i = 0; i < scaled.Length; i++)
        {
            double d = Math.Abs(scaled[i] - target[i]);
            max = Math.Max(max, d);
            sum += d;
            squares += d * d;
        }
        double mse = squares / scaled.Length;
        return new AttackVerification
        {
            MaxDifferenceToTarget = max,
            MeanDifferenceToTarget = sum / scaled.Length,
            PsnrScaledToTarget = mse == 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255.0 / mse),
            PsnrAttackToSource = ImageMetrics.Psnr(attack, source),
            Runtime = runtime,
            EpsilonPerColumn = epsilonPerColumn ?? [],
        };
    }

    private static double[] ScaledAsDouble(ScalingModel model, ReadOnlySpan<byte> image, int channels)
    {
        if (model.Supports(SampleType.UInt8))
        {
            return Array.ConvertAll(model.Scale(image, channels), v => (double)v);
        }
        var floats = new float[image.Length];
        for (int i = 0; i < image.Length; i++)
        {
            floats[i] = image[i];
        }
        return Array.ConvertAll(model.Scale(floats, channels), v => (double)v);
    }
}

/// <summary>An attack image and its verification.</summary>
/// <param name="Method">Which attack made it, e.g. "strong (ε = 1)".</param>
/// <param name="Image">The attack image A, packed, of the model's source size.</param>
/// <param name="Layout">Its layout.</param>
/// <param name="Verification">How well it works.</param>
public sealed record AttackResult(string Method, byte[] Image, ImageLayout Layout, AttackVerification Verification)
{
    /// <summary>Times an attack body and verifies its result against the exact model.</summary>
    public static AttackResult Run(string method, ScalingModel model, ReadOnlySpan<byte> source, int channels, ReadOnlySpan<byte> target,
                                   Func<(byte[] Image, IReadOnlyList<double>? Epsilons)> attack)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(attack);
        var clock = Stopwatch.StartNew();
        (byte[] image, IReadOnlyList<double>? epsilons) = attack();
        TimeSpan runtime = clock.Elapsed;
        return new AttackResult(method, image, new ImageLayout(model.Source.Width, model.Source.Height, channels),
                                AttackVerification.Measure(model, source, image, channels, target, runtime, epsilons));
    }
}
