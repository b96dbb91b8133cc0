namespace ScaleDefense;

/// <summary>
/// The strong image-scaling attack (Xiao et al.; paper section 2.2.3, Eq. 1–4): an 8-bit image A
/// close to a source S (least squares) whose scaled version through the model is within
/// ε of a target T. Solved in the native core, column by column in the paper's two-step order (the
/// vertical direction on the horizontally scaled source first, then the horizontal), exactly where the
/// kernels do not overlap; see docs/attacks.md. It runs on the model's own native handle: a model of
/// the managed backend (<see cref="ScalingBackend.Managed"/>, or Auto where the native library does not
/// load) cannot run it and says so with a <see cref="NotSupportedException"/>.
/// </summary>
/// <example>
/// <code>
/// using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, new(1024, 1024), new(224, 224));
/// StrongAttackResult r = new StrongScalingAttack(model).Run(source, new(1024, 1024, 3), target, new(224, 224, 3));
/// byte[] attackImage = r.Attack.Image;
/// </code>
/// </example>
public sealed class StrongScalingAttack
{
    private readonly ScalingModel _model;

    private readonly StrongAttackOptions _options;

    /// <summary>The attack on <paramref name="model"/> with <see cref="StrongAttackOptions.Default"/>.</summary>
    /// <param name="model">The scaler to attack (downscaling; the native backend).</param>
    public StrongScalingAttack(ScalingModel model)
        : this(model, StrongAttackOptions.Default)
    {
    }

    /// <summary>The attack on <paramref name="model"/> with the given settings.</summary>
    /// <param name="model">The scaler to attack (downscaling; the native backend).</param>
    /// <param name="options">Settings.</param>
    public StrongScalingAttack(ScalingModel model, StrongAttackOptions options)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>The settings in use.</summary>
    public StrongAttackOptions Options => _options;

    /// <summary>Runs the attack and verifies it against the exact model.</summary>
    /// <param name="source">S: 8-bit, the model's source size, 1–4 channels.</param>
    /// <param name="sourceLayout">Its layout.</param>
    /// <param name="target">T: 8-bit, the model's target size, the same channels.</param>
    /// <param name="targetLayout">Its layout.</param>
    /// <exception cref="ArgumentException">A size, channel count or option is not usable (target of the wrong size, ε ≤ 0.25, a model that upscales, ...).</exception>
    /// <exception cref="NotSupportedException">The model uses the managed backend: the solver lives in the native core only.</exception>
    public StrongAttackResult Run(ReadOnlySpan<byte> source, ImageLayout sourceLayout, ReadOnlySpan<byte> target, ImageLayout targetLayout)
    {
        Validate(source, sourceLayout, target, targetLayout);
        byte[] packedSource = ImagePacking.Pack(source, sourceLayout);
        byte[] packedTarget = ImagePacking.Pack(target, targetLayout);
        var packedLayout = new ImageLayout(sourceLayout.Width, sourceLayout.Height, sourceLayout.Channels);
        var packedTargetLayout = new ImageLayout(targetLayout.Width, targetLayout.Height, targetLayout.Channels);
        StrongAttackOutput? output = null;
        AttackResult result = AttackResult.Run(MethodName, _model, packedSource, sourceLayout.Channels, packedTarget, () =>
        {
            output = _model.StrongAttack(packedSource, packedLayout, packedTarget, packedTargetLayout, _options);
            return (output.Image, output.Epsilons);
        });
        return new StrongAttackResult(result, output!.Statistics);
    }

    private string MethodName => _options.LimitedChange
        ? $"strong, limited change (ε = {_options.Epsilon}, {_options.FreePixels} free pixels, others ±{_options.MaxChange})"
        : $"strong (ε = {_options.Epsilon})";

    private void Validate(ReadOnlySpan<byte> source, ImageLayout sourceLayout, ReadOnlySpan<byte> target, ImageLayout targetLayout)
    {
        sourceLayout.Validate(source.Length, nameof(source));
        targetLayout.Validate(target.Length, nameof(target));
        if (_model.Source.Width < _model.Target.Width || _model.Source.Height < _model.Target.Height)
        {
            throw new ArgumentException($"The attack needs a downscaling model; source {_model.Source} is smaller than target {_model.Target}.", nameof(source));
        }
        if (sourceLayout.Size != _model.Source)
        {
            throw new ArgumentException($"The source must have the model's source size {_model.Source}; got {sourceLayout.Size}.", nameof(sourceLayout));
        }
        if (targetLayout.Size != _model.Target)
        {
            throw new ArgumentException($"The target must have the model's target size {_model.Target}; got {targetLayout.Size}.", nameof(targetLayout));
        }
        if (sourceLayout.Channels != targetLayout.Channels)
        {
            throw new ArgumentException($"Source and target must have the same channels; got {sourceLayout.Channels} and {targetLayout.Channels}.", nameof(targetLayout));
        }
        StrongAttackOptions o = _options;
        if (!double.IsFinite(o.Epsilon) || o.Epsilon <= 0.25)
        {
            throw new ArgumentException($"Epsilon must be a finite number above 0.25 grey levels; got {o.Epsilon}.");
        }
        if (!double.IsFinite(o.MaxEpsilon) || o.MaxEpsilon < o.Epsilon)
        {
            throw new ArgumentException($"MaxEpsilon must be finite and at least Epsilon ({o.Epsilon}); got {o.MaxEpsilon}.");
        }
        if (!double.IsFinite(o.EpsilonStep) || o.EpsilonStep <= 0)
        {
            throw new ArgumentException($"EpsilonStep must be positive; got {o.EpsilonStep}.");
        }
        // The same arithmetic as the native core's check (in double: no overflow for any input).
        double levels = 1 + Math.Max(0, Math.Ceiling((o.MaxEpsilon - 0.25) / o.EpsilonStep - 1e-9));
        if (!(levels <= StrongAttackOptions.MaxEpsilonLevels))
        {
            throw new ArgumentException($"MaxEpsilon {o.MaxEpsilon} with EpsilonStep {o.EpsilonStep} makes {levels:G6} ε levels; at most {StrongAttackOptions.MaxEpsilonLevels} are allowed. Raise EpsilonStep or lower MaxEpsilon.");
        }
        if (o.Threads is < 0 or > StrongAttackOptions.MaxThreads)
        {
            throw new ArgumentException($"Threads must be in 0..{StrongAttackOptions.MaxThreads} (0 uses every core); got {o.Threads}.");
        }
        if (o.FreePixels < 0 || o.MaxSweeps < 1 || o.RepairRounds < 0 || !(o.Tolerance > 0) || !(o.MaxChange >= 0))
        {
            throw new ArgumentException("FreePixels and RepairRounds must not be negative, MaxSweeps and Tolerance must be positive, MaxChange at least 0.");
        }
    }
}
