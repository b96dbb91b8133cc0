using System.Globalization;

namespace ScaleDefense;

/// <summary>
/// Settings of <see cref="ScalingAttacks.Area(ScalingModel, ReadOnlySpan{byte}, ImageLayout, ReadOnlySpan{byte}, ImageLayout, AreaAttackOptions)"/> (paper §5.3.2). Each property is checked when it
/// is set, so an instance always holds usable values.
/// </summary>
public sealed record AreaAttackOptions
{
    /// <summary>L1 with ε = 1 grey level.</summary>
    public static AreaAttackOptions Default { get; } = new();

    /// <summary>How the change is spent within a block. Default: <see cref="AreaAttackNorm.L1"/>.</summary>
    /// <exception cref="ArgumentException">The value is not a defined <see cref="AreaAttackNorm"/>.</exception>
    public AreaAttackNorm Norm
    {
        get;
        init => field = Enum.IsDefined(value) ? value
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Unknown area attack norm {(int)value}; use L1 or L0."), nameof(Norm));
    } = AreaAttackNorm.L1;

    /// <summary>The largest |scale(A) − T| aimed for, in grey levels: positive and finite. Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive, or not finite.</exception>
    public double Epsilon
    {
        get;
        init => field = value > 0 && double.IsFinite(value) ? value
            : throw new ArgumentOutOfRangeException(nameof(Epsilon), value, "ε must be a positive, finite number of grey levels.");
    } = 1;
}
