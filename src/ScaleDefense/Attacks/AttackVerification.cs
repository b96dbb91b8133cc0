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
    /// <param name="model">The scaler the attack is aimed at.</param>
    /// <param name="source">The source S, of the model's source size.</param>
    /// <param name="sourceLayout">Its layout (1 to 4 channels, any row stride).</param>
    /// <param name="attack">The attack image A, of the model's source size.</param>
    /// <param name="attackLayout">Its layout (the source's channels, any row stride).</param>
    /// <param name="target">The target T, of the model's target size.</param>
    /// <param name="targetLayout">Its layout (the source's channels, any row stride).</param>
    /// <param name="runtime">How long the attack took (reported as it is).</param>
    /// <param name="epsilonPerColumn">The ε each output column needed, or null for attacks without one.</param>
    /// <exception cref="ArgumentException">A layout does not fit its buffer, or sizes or channels do not match the model and the source.</exception>
    public static AttackVerification Measure(ScalingModel model, ReadOnlySpan<byte> source, ImageLayout sourceLayout,
                                             ReadOnlySpan<byte> attack, ImageLayout attackLayout,
                                             ReadOnlySpan<byte> target, ImageLayout targetLayout,
                                             TimeSpan runtime, IReadOnlyList<double>? epsilonPerColumn)
    {
        ArgumentNullException.ThrowIfNull(model);
        int channels = sourceLayout.Channels;
        byte[] s = AttackInputs.RequireImage(source, sourceLayout, model.Source, channels, nameof(source), "the model's source size");
        byte[] a = AttackInputs.RequireImage(attack, attackLayout, model.Source, channels, nameof(attack), "the model's source size and the source's channels");
        byte[] t = AttackInputs.RequireImage(target, targetLayout, model.Target, channels, nameof(target), "the model's target size and the source's channels");
        return MeasurePacked(model, s, a, channels, t, runtime, epsilonPerColumn);
    }

    /// <summary><see cref="Measure"/> for packed images whose lengths the caller has checked, except the attack image's.</summary>
    internal static AttackVerification MeasurePacked(ScalingModel model, ReadOnlySpan<byte> source, ReadOnlySpan<byte> attack, int channels,
                                                     ReadOnlySpan<byte> target, TimeSpan runtime, IReadOnlyList<double>? epsilonPerColumn)
    {
        if (attack.Length != source.Length)
        {
            throw new ArgumentException($"The attack produced {attack.Length} bytes; a packed {model.Source}x{channels} image has {source.Length}.", nameof(attack));
        }
        double[] scaled = AttackInputs.ScaleExactly(model, attack, channels);
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
}

/// <summary>An attack image and its verification.</summary>
/// <param name="Method">Which attack made it, e.g. "strong (ε = 1)".</param>
/// <param name="Image">The attack image A, packed, of the model's source size.</param>
/// <param name="Layout">Its layout.</param>
/// <param name="Verification">How well it works.</param>
public sealed record AttackResult(string Method, byte[] Image, ImageLayout Layout, AttackVerification Verification)
{
    /// <summary>Set when the attack stopped at its work budget before finishing (the adaptive attacks' <see cref="AdaptiveAttackOptions.MaxWindowPixels"/>); null when it finished.</summary>
    public AttackBudget? Budget { get; init; }

    /// <summary>Times an attack body and verifies its result against the exact model.</summary>
    /// <param name="method">What to call the attack in the result, e.g. "strong (ε = 1)".</param>
    /// <param name="model">The scaler the attack is aimed at.</param>
    /// <param name="source">The source S, of the model's source size.</param>
    /// <param name="sourceLayout">Its layout (1 to 4 channels, any row stride).</param>
    /// <param name="target">The target T, of the model's target size.</param>
    /// <param name="targetLayout">Its layout (the source's channels, any row stride).</param>
    /// <param name="attack">The attack body: returns the attack image, packed, of the source's size and channels, and the ε per output column (or null).</param>
    /// <exception cref="ArgumentException">A layout does not fit its buffer, sizes or channels do not match the model and the source, or the attack image has the wrong length.</exception>
    public static AttackResult Run(string method, ScalingModel model, ReadOnlySpan<byte> source, ImageLayout sourceLayout,
                                   ReadOnlySpan<byte> target, ImageLayout targetLayout, Func<(byte[] Image, IReadOnlyList<double>? Epsilons)> attack)
    {
        ArgumentNullException.ThrowIfNull(model);
        int channels = sourceLayout.Channels;
        byte[] s = AttackInputs.RequireImage(source, sourceLayout, model.Source, channels, nameof(source), "the model's source size");
        byte[] t = AttackInputs.RequireImage(target, targetLayout, model.Target, channels, nameof(target), "the model's target size and the source's channels");
        return Run(method, model, s, channels, t, attack);
    }

    /// <summary>The public <c>Run</c> for packed images whose lengths the caller has checked (the attacks, after packing once).</summary>
    internal static AttackResult Run(string method, ScalingModel model, ReadOnlySpan<byte> source, int channels, ReadOnlySpan<byte> target,
                                     Func<(byte[] Image, IReadOnlyList<double>? Epsilons)> attack)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(attack);
        var clock = Stopwatch.StartNew();
        (byte[] image, IReadOnlyList<double>? epsilons) = attack();
        TimeSpan runtime = clock.Elapsed;
        return new AttackResult(method, image, new ImageLayout(model.Source.Width, model.Source.Height, channels),
                                AttackVerification.MeasurePacked(model, source, image, channels, target, runtime, epsilons));
    }
}

/// <summary>An attack that stopped at its work budget: how far it got.</summary>
/// <param name="Limit">The budget (window pixels examined).</param>
/// <param name="WindowsDone">Windows adapted before it stopped, over all passes.</param>
/// <param name="WindowsPerPass">Windows in one pass (the pixels of P the defense rebuilds).</param>
public sealed record AttackBudget(long Limit, long WindowsDone, long WindowsPerPass)
{
    /// <summary>A one-line account, e.g. for a command's output.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"stopped at the work budget of {Limit} window pixels after {WindowsDone} windows ({WindowsPerPass} per pass)");
}
