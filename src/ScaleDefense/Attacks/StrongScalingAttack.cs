using ScaleDefense.Interop;
using ScaleDefense.Native;

namespace ScaleDefense;

/// <summary>
/// The strong image-scaling attack (Xiao et al.; paper section 2.2.3, Eq. 1–4): an 8-bit image A
/// close to a source S (least squares) whose scaled version through <paramref name="model"/> is within
/// ε of a target T. Solved in the native core, column by column in the paper's two-step order (the
/// vertical direction on the horizontally scaled source first, then the horizontal), exactly where the
/// kernels do not overlap; see docs/attacks.md.
/// </summary>
/// <example>
/// <code>
/// using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, new(1024, 1024), new(224, 224));
/// StrongAttackResult r = new StrongScalingAttack(model).Run(source, new(1024, 1024, 3), target, new(224, 224, 3));
/// byte[] attackImage = r.Attack.Image;
/// </code>
/// </example>
/// <param name="model">The scaler to attack (downscaling; any backend).</param>
/// <param name="options">Settings; <see cref="StrongAttackOptions.Default"/> when null.</param>
public sealed class StrongScalingAttack(ScalingModel model, StrongAttackOptions? options = null)
{
    private readonly ScalingModel _model = model ?? throw new ArgumentNullException(nameof(model));

    private readonly StrongAttackOptions _options = options ?? StrongAttackOptions.Default;

    /// <summary>The settings in use.</summary>
    public StrongAttackOptions Options => _options;

    /// <summary>Runs the attack and verifies it against the exact model.</summary>
    /// <param name="source">S: 8-bit, the model's source size, 1–4 channels.</param>
    /// <param name="sourceLayout">Its layout.</param>
    /// <param name="target">T: 8-bit, the model's target size, the same channels.</param>
    /// <param name="targetLayout">Its layout.</param>
    /// <exception cref="ArgumentException">A size, channel count or option is not usable (target of the wrong size, ε ≤ 0.25, a model that upscales, ...).</exception>
    public StrongAttackResult Run(ReadOnlySpan<byte> source, ImageLayout sourceLayout, ReadOnlySpan<byte> target, ImageLayout targetLayout)
    {
        Validate(source, sourceLayout, target, targetLayout);
        byte[] packedSource = Pack(source, sourceLayout);
        byte[] packedTarget = Pack(target, targetLayout);
        int channels = sourceLayout.Channels;
        StrongAttackStatistics? statistics = null;
        AttackResult result = AttackResult.Run(MethodName, _model, packedSource, channels, packedTarget, () =>
        {
            (byte[] image, double[] epsilons, StrongAttackStatistics stats) = RunNative(packedSource, packedTarget, channels);
            statistics = stats;
            return (image, epsilons);
        });
        return new StrongAttackResult(result, statistics!);
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
        if (o.Threads < 0 || o.FreePixels < 0 || o.MaxSweeps < 1 || o.RepairRounds < 0 || !(o.Tolerance > 0) || !(o.MaxChange >= 0))
        {
            throw new ArgumentException("Threads, FreePixels and RepairRounds must not be negative, MaxSweeps and Tolerance must be positive, MaxChange at least 0.");
        }
    }

    private unsafe (byte[] Image, double[] Epsilons, StrongAttackStatistics Statistics) RunNative(byte[] source, byte[] target, int channels)
    {
        var modelParams = new sd_scaling_model_params
        {
            library = (int)_model.Library,
            algorithm = (int)_model.Algorithm,
            source_width = _model.Source.Width,
            source_height = _model.Source.Height,
            target_width = _model.Target.Width,
            target_height = _model.Target.Height,
            antialias = _model.Antialias ? 1 : 0,
        };
        // The attack always runs in the native core; a model of the managed backend gets a native twin.
        NativeStatus.Check(ScalingModelHandle.Create(modelParams, out ScalingModelHandle handle));
        using (handle)
        {
            var parameters = new sd_attack_params
            {
                epsilon = _options.Epsilon,
                max_epsilon = _options.MaxEpsilon,
                epsilon_step = _options.EpsilonStep,
                max_change = _options.MaxChange,
                tolerance = _options.Tolerance,
                threads = _options.Threads,
                limited_change = _options.LimitedChange ? 1 : 0,
                free_pixels = _options.FreePixels,
                max_sweeps = _options.MaxSweeps,
                repair_rounds = _options.RepairRounds,
            };
            var image = new byte[source.Length];
            var epsilons = new float[_model.Target.Width];
            sd_attack_stats stats;
            fixed (byte* s = source)
            fixed (byte* t = target)
            fixed (byte* a = image)
            fixed (float* e = epsilons)
            {
                sd_image src = View(s, _model.Source, channels);
                sd_image dst = View(t, _model.Target, channels);
                sd_image atk = View(a, _model.Source, channels);
                using var lease = new HandleLease(handle);
                NativeStatus.Check(NativeMethods.sd_strong_attack(handle.Pointer, &parameters, &src, &dst, &atk, e, epsilons.Length, &stats));
            }
            return (image, Array.ConvertAll(epsilons, v => (double)v), ToStatistics(stats));
        }
    }

    private static unsafe sd_image View(byte* data, ImageSize size, int channels) => new()
    {
        data = data,
        stride = (long)size.Width * channels,
        width = size.Width,
        height = size.Height,
        channels = channels,
        sample_type = (int)sd_sample_type.SD_SAMPLE_UINT8,
    };

    private static StrongAttackStatistics ToStatistics(in sd_attack_stats s) => new()
    {
        MaxDualityGap = s.max_duality_gap,
        MaxRelativeGap = s.max_relative_gap,
        MaxResidual = s.max_residual,
        TotalSweeps = s.total_sweeps,
        MaxSweeps = s.max_sweeps,
        VerticalDisjoint = s.vertical_disjoint != 0,
        HorizontalDisjoint = s.horizontal_disjoint != 0,
        ColumnsRaised = s.columns_raised,
        ColumnsInfeasible = s.columns_infeasible,
        RowsRaised = s.rows_raised,
        MaxRowBand = s.max_row_band,
        RepairedPixels = s.repaired_pixels,
        OutputsOff = s.outputs_off,
        MaxError = s.max_error,
    };

    private static byte[] Pack(ReadOnlySpan<byte> pixels, ImageLayout layout)
    {
        int row = layout.Width * layout.Channels;
        var packed = new byte[(long)row * layout.Height];
        for (int y = 0; y < layout.Height; y++)
        {
            pixels.Slice(y * layout.RowStride, row).CopyTo(packed.AsSpan(y * row, row));
        }
        return packed;
    }
}
