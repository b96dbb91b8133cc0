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

    /// <summary>Default of <see cref="MaxWindowPixels"/>.</summary>
    public const long DefaultMaxWindowPixels = 50_000_000;

    /// <summary>
    /// Work budget: the most window pixels the attack examines, summed over every window it visits
    /// (each pass of the median attack counts again). Where P covers nearly the whole image the
    /// defense widens each window until it holds a pixel outside P, so windows grow large and the
    /// work with them; at this budget the attack stops, returns what it has, and says so in
    /// <see cref="AttackResult.Budget"/>. Deterministic (the same image on every machine), unlike a
    /// time limit. Default <see cref="DefaultMaxWindowPixels"/>: about 4 s for an RGB image here (~80 ns per window pixel).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public long MaxWindowPixels
    {
        get;
        init => field = value > 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxWindowPixels), value, "The work budget (window pixels examined) must be positive.");
    } = DefaultMaxWindowPixels;

    /// <summary>The window of the defense under attack. Default: <see cref="FilterWindow.Paper"/>.</summary>
    /// <exception cref="ArgumentException">The value is not a defined <see cref="FilterWindow"/>.</exception>
    public FilterWindow Window
    {
        get;
        init => field = Enum.IsDefined(value) ? value
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Unknown filter window {(int)value}; use Paper or Narrow."), nameof(Window));
    } = FilterWindow.Paper;
}
