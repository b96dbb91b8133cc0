using System.Globalization;

namespace ScaleDefense;

/// <summary>
/// The simple image-scaling attacks of Quiring et al. (USENIX Security 2020), in C#: the direct
/// attack on pixel-copying scalers, the two attacks on area scaling (§5.3.2), and the adaptive
/// attacks on the selective median and random filters (§5.5, Appendix C). Images are 8-bit with
/// 1 to 4 channels, each described by its <see cref="ImageLayout"/> (any row stride); every
/// result is a packed image of the model's source size, verified through the exact model of the
/// scaler (<see cref="AttackVerification"/>).
/// </summary>
/// <example>
/// <code>
/// using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, new(512, 512), new(100, 100));
/// AttackResult direct = ScalingAttacks.DirectNearest(model, source, new(512, 512, 3), target, new(100, 100, 3));
/// AttackResult adaptive = ScalingAttacks.AdaptiveMedian(model, source, new(512, 512, 3), target, new(100, 100, 3),
///     direct.Image, direct.Layout, new AdaptiveAttackOptions { MaxChange = 0.3 });
/// </code>
/// </example>
public static class ScalingAttacks
{
    /// <summary>
    /// Writes the target into the pixels the scaler copies: for nearest neighbour, and for any
    /// model whose outputs each copy exactly one source pixel (<see cref="VulnerabilityReport.BehavesLikeNearest"/>).
    /// The scaled attack image equals the target exactly; every other pixel keeps the source's value.
    /// </summary>
    /// <param name="model">The scaler to attack (source size → target size).</param>
    /// <param name="source">The source image S, of the model's source size.</param>
    /// <param name="sourceLayout">Its layout (1 to 4 channels, any row stride).</param>
    /// <param name="target">The target image T, of the model's target size.</param>
    /// <param name="targetLayout">Its layout (the source's channels, any row stride).</param>
    /// <exception cref="ArgumentException">A layout does not fit its buffer or does not match the model's sizes or the source's channels, the model upscales, or it does not copy single pixels (use the strong attack).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The source has not 1 to 4 channels.</exception>
    public static AttackResult DirectNearest(ScalingModel model, ReadOnlySpan<byte> source, ImageLayout sourceLayout,
                                             ReadOnlySpan<byte> target, ImageLayout targetLayout)
    {
        (byte[] s, byte[] t) = AttackInputs.RequireImages(model, source, sourceLayout, target, targetLayout);
        int channels = sourceLayout.Channels;
        return AttackResult.Run("direct (write T into P)", model, s, channels, t, () => (DirectNearestAttack.Run(model, s, channels, t), null));
    }

    /// <summary>
    /// The attack on area scaling (paper §5.3.2): per output pixel, changes the pixels of its block
    /// until the block's weighted average (the model's weights) is within
    /// <see cref="AreaAttackOptions.Epsilon"/> of the target — under <see cref="AreaAttackNorm.L1"/>
    /// by shifting all of them evenly, under <see cref="AreaAttackNorm.L0"/> by setting the most
    /// effective ones to 0 or 255. Works at integer and non-integer ratios; reaches the target but
    /// leaves the attack image visibly altered (the paper's negative result).
    /// </summary>
    /// <param name="model">An area model (OpenCV/TensorFlow/PyTorch <see cref="ScalingAlgorithm.Area"/>), Pillow <see cref="ScalingAlgorithm.Box"/>, or a <see cref="ScalingLibrary.Custom"/> model whose weights are all positive (a probed averaging scaler).</param>
    /// <param name="source">The source image S, of the model's source size.</param>
    /// <param name="sourceLayout">Its layout (1 to 4 channels, any row stride).</param>
    /// <param name="target">The target image T, of the model's target size.</param>
    /// <param name="targetLayout">Its layout (the source's channels, any row stride).</param>
    /// <param name="options">Norm and ε.</param>
    /// <exception cref="ArgumentException">A layout does not fit its buffer or does not match the model's sizes or the source's channels, the model upscales, or it is not an area model (use the strong attack).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The source has not 1 to 4 channels.</exception>
    public static AttackResult Area(ScalingModel model, ReadOnlySpan<byte> source, ImageLayout sourceLayout,
                                    ReadOnlySpan<byte> target, ImageLayout targetLayout, AreaAttackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        (byte[] s, byte[] t) = AttackInputs.RequireImages(model, source, sourceLayout, target, targetLayout);
        if (!AreaAttack.Supports(model))
        {
            throw new ArgumentException($"{model} is not area scaling (OpenCV/TensorFlow/PyTorch Area, Pillow Box, or a custom model whose weights are all positive); use the strong attack (the quadratic program of Xiao et al.), or DirectNearest for nearest neighbour.", nameof(model));
        }
        AreaAttackOptions o = options;
        int channels = sourceLayout.Channels;
        double[] epsilons = Enumerable.Repeat(o.Epsilon, model.Target.Width).ToArray();
        string method = string.Create(CultureInfo.InvariantCulture, $"area {o.Norm} (ε = {o.Epsilon})");
        return AttackResult.Run(method, model, s, channels, t, () => (AreaAttack.Run(model, s, channels, t, o.Norm, o.Epsilon), epsilons));
    }

    /// <summary>The area attack with <see cref="AreaAttackOptions.Default"/> (L1, ε = 1).</summary>
    /// <inheritdoc cref="Area(ScalingModel, ReadOnlySpan{byte}, ImageLayout, ReadOnlySpan{byte}, ImageLayout, AreaAttackOptions)" path="/param"/>
    /// <inheritdoc cref="Area(ScalingModel, ReadOnlySpan{byte}, ImageLayout, ReadOnlySpan{byte}, ImageLayout, AreaAttackOptions)" path="/exception"/>
    public static AttackResult Area(ScalingModel model, ReadOnlySpan<byte> source, ImageLayout sourceLayout,
                                    ReadOnlySpan<byte> target, ImageLayout targetLayout) =>
        Area(model, source, sourceLayout, target, targetLayout, AreaAttackOptions.Default);

    /// <summary>
    /// The adaptive attack on the selective median filter (paper §5.5, Appendix C). Starting from
    /// an attack image (e.g. <see cref="DirectNearest"/>'s), for each pixel p of P it sets the
    /// window pixels whose values lie between the window's median and p's value to p's value, so
    /// the filter's median returns p — changing at most a share <see cref="AdaptiveAttackOptions.MaxChange"/>
    /// of each window (per channel). Pixels of P are never changed. The work is bounded by
    /// <see cref="AdaptiveAttackOptions.MaxWindowPixels"/>; where that stops it early,
    /// <see cref="AttackResult.Budget"/> says how far it got.
    /// </summary>
    /// <param name="model">The scaler the defense protects.</param>
    /// <param name="source">The original source S (for the PSNR of the result), of the model's source size.</param>
    /// <param name="sourceLayout">Its layout (1 to 4 channels, any row stride).</param>
    /// <param name="target">The target T (for the verification), of the model's target size.</param>
    /// <param name="targetLayout">Its layout (the source's channels, any row stride).</param>
    /// <param name="attack">The attack image to harden, of the model's source size.</param>
    /// <param name="attackLayout">Its layout (the source's channels, any row stride).</param>
    /// <param name="options">δ and the defense's window (<see cref="AdaptiveAttackOptions.Default"/>: δ = 0.5, paper window).</param>
    /// <exception cref="ArgumentException">A layout does not fit its buffer or does not match the model's sizes or the source's channels, or the model upscales.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The source has not 1 to 4 channels.</exception>
    public static AttackResult AdaptiveMedian(ScalingModel model, ReadOnlySpan<byte> source, ImageLayout sourceLayout,
                                              ReadOnlySpan<byte> target, ImageLayout targetLayout,
                                              ReadOnlySpan<byte> attack, ImageLayout attackLayout, AdaptiveAttackOptions options) =>
        Adaptive("adaptive median", model, source, sourceLayout, target, targetLayout, attack, attackLayout, options, AdaptiveFilterAttack.Median);

    /// <summary>The same with <see cref="AdaptiveAttackOptions.Default"/> (δ = 0.5, paper window).</summary>
    /// <inheritdoc cref="AdaptiveMedian(ScalingModel, ReadOnlySpan{byte}, ImageLayout, ReadOnlySpan{byte}, ImageLayout, ReadOnlySpan{byte}, ImageLayout, AdaptiveAttackOptions)" path="/param"/>
    /// <inheritdoc cref="AdaptiveMedian(ScalingModel, ReadOnlySpan{byte}, ImageLayout, ReadOnlySpan{byte}, ImageLayout, ReadOnlySpan{byte}, ImageLayout, AdaptiveAttackOptions)" path="/exception"/>
    public static AttackResult AdaptiveMedian(ScalingModel model, ReadOnlySpan<byte> source, ImageLayout sourceLayout,
                                              ReadOnlySpan<byte> target, ImageLayout targetLayout,
                                              ReadOnlySpan<byte> attack, ImageLayout attackLayout) =>
        AdaptiveMedian(model, source, sourceLayout, target, targetLayout, attack, attackLayout, AdaptiveAttackOptions.Default);

    /// <summary>
    /// The adaptive attack on the selective random filter (paper §5.5): for each pixel p of P, a
    /// share <see cref="AdaptiveAttackOptions.MaxChange"/> of its window's pixels (those closest to
    /// p's value first) is set to p's value, raising the chance that the filter draws it to about δ.
    /// </summary>
    /// <inheritdoc cref="AdaptiveMedian(ScalingModel, ReadOnlySpan{byte}, ImageLayout, ReadOnlySpan{byte}, ImageLayout, ReadOnlySpan{byte}, ImageLayout, AdaptiveAttackOptions)" path="/param"/>
    /// <inheritdoc cref="AdaptiveMedian(ScalingModel, ReadOnlySpan{byte}, ImageLayout, ReadOnlySpan{byte}, ImageLayout, ReadOnlySpan{byte}, ImageLayout, AdaptiveAttackOptions)" path="/exception"/>
    public static AttackResult AdaptiveRandom(ScalingModel model, ReadOnlySpan<byte> source, ImageLayout sourceLayout,
                                              ReadOnlySpan<byte> target, ImageLayout targetLayout,
                                              ReadOnlySpan<byte> attack, ImageLayout attackLayout, AdaptiveAttackOptions options) =>
        Adaptive("adaptive random", model, source, sourceLayout, target, targetLayout, attack, attackLayout, options, AdaptiveFilterAttack.Random);

    /// <summary>The same with <see cref="AdaptiveAttackOptions.Default"/> (δ = 0.5, paper window).</summary>
    /// <inheritdoc cref="AdaptiveMedian(ScalingModel, ReadOnlySpan{byte}, ImageLayout, ReadOnlySpan{byte}, ImageLayout, ReadOnlySpan{byte}, ImageLayout, AdaptiveAttackOptions)" path="/param"/>
    /// <inheritdoc cref="AdaptiveMedian(ScalingModel, ReadOnlySpan{byte}, ImageLayout, ReadOnlySpan{byte}, ImageLayout, ReadOnlySpan{byte}, ImageLayout, AdaptiveAttackOptions)" path="/exception"/>
    public static AttackResult AdaptiveRandom(ScalingModel model, ReadOnlySpan<byte> source, ImageLayout sourceLayout,
                                              ReadOnlySpan<byte> target, ImageLayout targetLayout,
                                              ReadOnlySpan<byte> attack, ImageLayout attackLayout) =>
        AdaptiveRandom(model, source, sourceLayout, target, targetLayout, attack, attackLayout, AdaptiveAttackOptions.Default);

    private static AttackResult Adaptive(string name, ScalingModel model, ReadOnlySpan<byte> source, ImageLayout sourceLayout,
                                         ReadOnlySpan<byte> target, ImageLayout targetLayout, ReadOnlySpan<byte> attack, ImageLayout attackLayout,
                                         AdaptiveAttackOptions options, Func<ScalingModel, byte[], int, AdaptiveAttackOptions, (byte[] Image, AttackBudget? Budget)> run)
    {
        ArgumentNullException.ThrowIfNull(options);
        (byte[] s, byte[] t) = AttackInputs.RequireImages(model, source, sourceLayout, target, targetLayout);
        int channels = sourceLayout.Channels;
        byte[] a = AttackInputs.RequireImage(attack, attackLayout, model.Source, channels, nameof(attack), "the model's source size and the source's channels");
        AdaptiveAttackOptions o = options;
        string method = string.Create(CultureInfo.InvariantCulture, $"{name} (δ = {o.MaxChange}, {o.Window} window)");
        AttackBudget? budget = null;
        AttackResult result = AttackResult.Run(method, model, s, channels, t, () =>
        {
            (byte[] image, budget) = run(model, a, channels, o);
            return (image, null);
        });
        return result with { Budget = budget };
    }
}
