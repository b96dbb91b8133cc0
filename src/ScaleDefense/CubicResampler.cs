namespace ScaleDefense;

/// <summary>
/// The B and C of a Mitchell–Netravali cubic, as SkiaSharp's <c>SKCubicResampler</c> takes them
/// (<see cref="ScalingLibrary.SkiaSharp"/> <see cref="ScalingAlgorithm.Bicubic"/>). Skia computes with
/// them as float, as the model does.
/// </summary>
/// <param name="B">The cubic's B, 0 to 1 (blur).</param>
/// <param name="C">The cubic's C, 0 to 1 (ringing).</param>
public sealed record CubicResampler(float B, float C)
{
    /// <summary><c>SKCubicResampler.Mitchell</c>: B = C = 1/3 (also what ML.NET's ResizeImages uses).</summary>
    public static CubicResampler Mitchell { get; } = new(1 / 3f, 1 / 3f);

    /// <summary><c>SKCubicResampler.CatmullRom</c>: B = 0, C = 1/2.</summary>
    public static CubicResampler CatmullRom { get; } = new(0f, 0.5f);

    /// <summary>Throws an <see cref="ArgumentException"/> unless B and C are in 0..1 (Skia draws nothing otherwise).</summary>
    internal void Validate(string parameterName)
    {
        if (!IsUnit(B) || !IsUnit(C))
        {
            throw new ArgumentException(
                $"A cubic resampler needs B and C in 0..1 (SkiaSharp refuses others), got B = {B}, C = {C}; use CubicResampler.Mitchell or CatmullRom.",
                parameterName);
        }
    }

    private static bool IsUnit(float v) => float.IsFinite(v) && v is >= 0f and <= 1f;
}
