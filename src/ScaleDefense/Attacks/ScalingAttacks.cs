using System.Globalization;

namespace ScaleDefense;

/// <summary>
/// The simple image-scaling attacks of Quiring et al. (USENIX Security 2020), in C#: the direct
/// attack on pixel-copying scalers, the two attacks on area scaling (§5.3.2), and the adaptive
/// attacks on the selective median and random filters (§5.5, Appendix C). Images are packed
/// 8-bit (rows of width × channels bytes, 1 to 4 channels); every result is verified through the
/// exact model of the scaler (<see cref="AttackVerification"/>).
/// </summary>
public static class ScalingAttacks
{
    /// <summary>
    /// Writes the target into the pixels the scaler copies: for nearest neighbour, and for any
    /// model whose outputs each copy exactly one source pixel (<see cref="VulnerabilityReport.BehavesLikeNearest"/>).
    /// The scaled attack image equals the target exactly; every other pixel keeps the source's value.
    /// </summary>
    /// <param name="model">The scaler to attack (source size → target size).</param>
    /// <param name="source">The source image S, packed, of the model's source size.</param>
    /// <param name="channels">Channels of both images (1 to 4).</param>
    /// <param name="target">The target image T, packed, of the model's target size.</param>
    /// <exception cref="ArgumentException">The sizes do not match the model, the model upscales, or it does not copy single pixels (use the strong attack).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channels"/> is not 1 to 4.</exception>
    public static AttackResult DirectNearest(ScalingModel model, ReadOnlySpan<byte> source, int channels, ReadOnlySpan<byte> target)
    {
        AttackInputs.RequireImages(model, source, channels, target);
        byte[] s = source.ToArray();
        byte[] t = target.ToArray();
        return AttackResult.Run("direct (write T into P)", model, s, channels, t, () => (DirectNearestAttack.Run(model, s, channels, t), null));
    }

    /// <summary>
    /// The attack on area scaling (paper §5.3.2): per output pixel, changes the pixels of its block
    /// until the block's weighted average (the model's weights) is within <paramref name="epsilon"/>
    /// of the target — under <see cref="AreaAttackNorm.L1"/> by shifting all of them evenly, under
    /// <see cref="AreaAttackNorm.L0"/> by setting the most effective ones to 0 or 255. Works at
    /// integer and non-integer ratios; reaches the target but leaves the attack image visibly
    /// altered (the paper's negative result).
    /// </summary>
    /// <param name="model">An area model (OpenCV/TensorFlow/PyTorch <see cref="ScalingAlgorithm.Area"/>) or Pillow <see cref="ScalingAlgorithm.Box"/>.</param>
    /// <param name="source">The source image S, packed.</param>
    /// <param name="channels">Channels (1 to 4).</param>
    /// <param name="target">The target image T, packed.</param>
    /// <param name="norm">How to spend the change within a block.</param>
    /// <param name="epsilon">The largest |scale(A) − T| aimed for, in grey levels (> 0; default 1).</param>
    /// <exception cref="ArgumentException">Sizes do not match, the model upscales, it is not an area model (use the strong attack), or the norm is unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channels"/> or <paramref name="epsilon"/> is out of range.</exception>
    public static AttackResult Area(ScalingModel model, ReadOnlySpan<byte> source, int channels, ReadOnlySpan<byte> target,
                                    AreaAttackNorm norm, double epsilon = 1)
    {
        AttackInputs.RequireImages(model, source, channels, target);
        AttackInputs.RequireEpsilon(epsilon);
        if (!Enum.IsDefined(norm))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Unknown area attack norm {(int)norm}; use L1 or L0."), nameof(norm));
        }
        if (!AreaAttack.Supports(model))
        {
            throw new ArgumentException($"{model} is not area scaling (OpenCV/TensorFlow/PyTorch Area, Pillow Box); use the strong attack (the quadratic program of Xiao et al.), or DirectNearest for nearest neighbour.", nameof(model));
        }
        byte[] s = source.ToArray();
        byte[] t = target.ToArray();
        double[] epsilons = Enumerable.Repeat(epsilon, model.Target.Width).ToArray();
        string method = string.Create(CultureInfo.InvariantCulture, $"area {norm} (ε = {epsilon})");
        return AttackResult.Run(method, model, s, channels, t, () => (AreaAttack.Run(model, s, channels, t, norm, epsilon), epsilons));
    }

    /// <summary>
    /// The adaptive attack on the selective median filter (paper §5.5, Appendix C). Starting from
    /// an attack image (e.g. <see cref="DirectNearest"/>'s), for each pixel p of P it sets the
    /// window pixels whose values lie between the window's median and p's value to p's value, so
    /// the filter's median returns p — changing at most a share <paramref name="maxChange"/> of
    /// each window (per channel). Pixels of P are never changed.
    /// </summary>
    /// <param name="model">The scaler the defense protects.</param>
    /// <param name="source">The original source S (for the PSNR of the result).</param>
    /// <param name="channels">Channels (1 to 4).</param>
    /// <param name="target">The target T (for the verification).</param>
    /// <param name="attack">The attack image to harden, packed, of the source size.</param>
    /// <param name="maxChange">δ ∈ (0, 1]: the largest share of a window's pixels that may change.</param>
    /// <param name="window">The defense's window (<see cref="FilterWindow.Paper"/> by default).</param>
    /// <exception cref="ArgumentException">Sizes do not match, the model upscales, or the window is unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channels"/> or <paramref name="maxChange"/> is out of range.</exception>
    public static AttackResult AdaptiveMedian(ScalingModel model, ReadOnlySpan<byte> source, int channels, ReadOnlySpan<byte> target,
                                              ReadOnlySpan<byte> attack, double maxChange, FilterWindow window = FilterWindow.Paper) =>
        Adaptive("adaptive median", model, source, channels, target, attack, maxChange, window, AdaptiveFilterAttack.Median);

    /// <summary>
    /// The adaptive attack on the selective random filter (paper §5.5): for each pixel p of P, a
    /// share <paramref name="maxChange"/> of its window's pixels (those closest to p's value
    /// first) is set to p's value, raising the chance that the filter draws it to about δ.
    /// </summary>
    /// <inheritdoc cref="AdaptiveMedian" path="/param"/>
    /// <inheritdoc cref="AdaptiveMedian" path="/exception"/>
    public static AttackResult AdaptiveRandom(ScalingModel model, ReadOnlySpan<byte> source, int channels, ReadOnlySpan<byte> target,
                                              ReadOnlySpan<byte> attack, double maxChange, FilterWindow window = FilterWindow.Paper) =>
        Adaptive("adaptive random", model, source, channels, target, attack, maxChange, window, AdaptiveFilterAttack.Random);

    private static AttackResult Adaptive(string name, ScalingModel model, ReadOnlySpan<byte> source, int channels, ReadOnlySpan<byte> target,
                                         ReadOnlySpan<byte> attack, double maxChange, FilterWindow window,
                                         Func<ScalingModel, byte[], int, double, FilterWindow, byte[]> run)
    {
        AttackInputs.RequireImages(model, source, channels, target);
        AttackInputs.RequireLength(attack.Length, model.Source, channels, nameof(attack));
        AttackInputs.RequireMaxChange(maxChange);
        AttackInputs.RequireWindow(window);
        byte[] a = attack.ToArray();
        string method = string.Create(CultureInfo.InvariantCulture, $"{name} (δ = {maxChange}, {window} window)");
        return AttackResult.Run(method, model, source, channels, target, () => (run(model, a, channels, maxChange, window), null));
    }
}
