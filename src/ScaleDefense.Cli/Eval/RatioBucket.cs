using System.Globalization;

namespace ScaleDefense.Cli.Eval;

/// <summary>
/// An interval of scaling ratios β (paper §5.1: [2,3), [3,4), [4,5), [5,7.5), [7.5,10)); a pair
/// belongs to the bucket of the smaller of its two ratios, as in the paper.
/// </summary>
internal sealed record RatioBucket(double Low, double High)
{
    public static IReadOnlyList<RatioBucket> Paper { get; } = [new(2, 3), new(3, 4), new(4, 5), new(5, 7.5), new(7.5, 10)];

    /// <summary>Smallest target side we accept; smaller sources are upscaled first (see <see cref="EvalProtocol.Sizes"/>).</summary>
    public const int MinTargetSide = 16;

    public string Label => string.Create(CultureInfo.InvariantCulture, $"[{Low},{High})");

    public bool Contains(double beta) => beta >= Low && beta < High;

    public static RatioBucket Parse(string label) =>
        Paper.FirstOrDefault(b => b.Label == label) ?? throw new FormatException($"unknown ratio bucket '{label}'");

    /// <summary>
    /// The target size for a source so that min(W/W′, H/H′) lies in this bucket, aiming at
    /// <paramref name="beta"/> (inside the bucket) on both axes so the aspect ratio is kept.
    /// Null when the source is too small for a target of at least <see cref="MinTargetSide"/>.
    /// </summary>
    public ImageSize? TargetFor(ImageSize source, double beta)
    {
        int width = Math.Max(1, (int)Math.Round(source.Width / beta));
        int height = Math.Max(1, (int)Math.Round(source.Height / beta));
        // Rounding can push the smaller ratio out of the bucket by a pixel: nudge the sizes back.
        for (int step = 0; step < 64 && !Contains(MinRatio(source, width, height)); step++)
        {
            if (MinRatio(source, width, height) < Low)
            {
                width = Math.Max(1, width - 1);
                height = Math.Max(1, height - 1);
            }
            else
            {
                width++;
                height++;
            }
        }
        return Contains(MinRatio(source, width, height)) && Math.Min(width, height) >= MinTargetSide ? new ImageSize(width, height) : null;
    }

    public static double MinRatio(ImageSize source, int width, int height) =>
        Math.Min((double)source.Width / width, (double)source.Height / height);
}
