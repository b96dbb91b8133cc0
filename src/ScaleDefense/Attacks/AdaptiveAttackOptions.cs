using System.Globalization;

namespace ScaleDefense;

/// <summary>
/// Settings of the adaptive attacks on the selective filters (<see cref="ScalingAttacks.AdaptiveMedian(ScalingModel, ReadOnlySpan{byte}, ImageLayout, ReadOnlySpan{byte}, ImageLayout, ReadOnlySpan{byte}, ImageLayout, AdaptiveAttackOptions)"/>,
/// <see cref="ScalingAttacks.AdaptiveRandom(ScalingModel, ReadOnlySpan{byte}, ImageLayout, ReadOnlySpan{byte}, ImageLayout, ReadOnlySpan{byte}, ImageLayout, AdaptiveAttackOptions)"/>; paper §5.5). Each property is checked when it is set,
/// so an instance always holds usable values.
/// </summary>
public sealed record AdaptiveAttackOptions
{
    /// <summary>δ = 0.5 against the paper's window.</summary>
    public static AdaptiveAttackOptions Default { get; } = new();

    /// <summary>δ ∈ (0, 1]: the largest share of a window's pixels the attack may change (per channel). Default 0.5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1].</exception>
    public double MaxChange
    {
        get;
        init => field = value > 0 && value <= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxChange), value, "δ (the largest share of a window that may change) must be in (0, 1].");
    } = 0.5;

    /// <summary>The window of the defense under attack. Default: <see cref="FilterWindow.Paper"/>.</summary>
    /// <exception cref="ArgumentException">The value is not a defined <see cref="FilterWindow"/>.</exception>
    public FilterWindow Window
    {
        get;
        init => field = Enum.IsDefined(value) ? value
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Unknown filter window {(int)value}; use Paper or Narrow."), nameof(Window));
    } = FilterWindow.Paper;
}
