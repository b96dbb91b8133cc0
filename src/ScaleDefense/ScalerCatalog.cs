namespace ScaleDefense;

/// <summary>One library/algorithm pair ScaleDefense models, and how its exactness is known.</summary>
/// <param name="Library">The library.</param>
/// <param name="Algorithm">The algorithm.</param>
/// <param name="HasAntialiasSwitch">Whether the library has an antialias flag for it.</param>
/// <param name="Verification">How the model is checked: against the real library, golden fixtures, or hand-derived values.</param>
public sealed record ScalerEntry(ScalingLibrary Library, ScalingAlgorithm Algorithm, bool HasAntialiasSwitch, string Verification);

/// <summary>Every library/algorithm pair that exists (mirrors native/src/scaling/catalog.cpp).</summary>
public static class ScalerCatalog
{
    private const string OpenCvLive = "byte-exact vs OpenCV 4.13 (OpenCvSharp) in every test run";
    private const string PillowFixtures = "byte-exact vs Pillow golden fixtures";
    private const string TorchFixtures = "vs PyTorch golden fixtures";
    private const string MlNetLive = "byte-exact vs ML.NET 6 ResizeImages (IsoCrop with every anchor, IsoPad, Fill) in every test run";
    private const string SkiaLive = "byte-exact vs SkiaSharp 3.119 (SKBitmap.Resize) in every test run";
    private const string HandDerived = "bit-exact vs the worked examples of TensorFlow's kernels and TensorFlow's own test values; derived from its kernel source";

    /// <summary>All entries, in library order.</summary>
    public static IReadOnlyList<ScalerEntry> Entries { get; } =
    [
        new(ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest, false, OpenCvLive),
        new(ScalingLibrary.OpenCV, ScalingAlgorithm.NearestExact, false, OpenCvLive),
        new(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, false, OpenCvLive),
        new(ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, false, OpenCvLive),
        new(ScalingLibrary.OpenCV, ScalingAlgorithm.Area, false, OpenCvLive),
        new(ScalingLibrary.OpenCV, ScalingAlgorithm.Lanczos, false, OpenCvLive),
        new(ScalingLibrary.Pillow, ScalingAlgorithm.Nearest, false, PillowFixtures),
        new(ScalingLibrary.Pillow, ScalingAlgorithm.Box, false, PillowFixtures),
        new(ScalingLibrary.Pillow, ScalingAlgorithm.Bilinear, false, PillowFixtures),
        new(ScalingLibrary.Pillow, ScalingAlgorithm.Hamming, false, PillowFixtures),
        new(ScalingLibrary.Pillow, ScalingAlgorithm.Bicubic, false, PillowFixtures),
        new(ScalingLibrary.Pillow, ScalingAlgorithm.Lanczos, false, PillowFixtures),
        new(ScalingLibrary.TensorFlow, ScalingAlgorithm.Nearest, true, HandDerived),
        new(ScalingLibrary.TensorFlow, ScalingAlgorithm.Bilinear, true, HandDerived),
        new(ScalingLibrary.TensorFlow, ScalingAlgorithm.Bicubic, true, HandDerived),
        new(ScalingLibrary.TensorFlow, ScalingAlgorithm.Area, true, HandDerived),
        new(ScalingLibrary.TensorFlow, ScalingAlgorithm.Lanczos3, true, HandDerived),
        new(ScalingLibrary.TensorFlow, ScalingAlgorithm.Lanczos5, true, HandDerived),
        new(ScalingLibrary.TensorFlow, ScalingAlgorithm.Gaussian, true, HandDerived),
        new(ScalingLibrary.TensorFlow, ScalingAlgorithm.MitchellCubic, true, HandDerived),
        new(ScalingLibrary.TensorFlow1, ScalingAlgorithm.Nearest, false, HandDerived),
        new(ScalingLibrary.TensorFlow1, ScalingAlgorithm.Bilinear, false, HandDerived),
        new(ScalingLibrary.TensorFlow1, ScalingAlgorithm.Bicubic, false, HandDerived),
        new(ScalingLibrary.TensorFlow1, ScalingAlgorithm.Area, false, HandDerived),
        new(ScalingLibrary.PyTorch, ScalingAlgorithm.Nearest, false, TorchFixtures),
        new(ScalingLibrary.PyTorch, ScalingAlgorithm.NearestExact, false, TorchFixtures),
        new(ScalingLibrary.PyTorch, ScalingAlgorithm.Bilinear, true, TorchFixtures),
        new(ScalingLibrary.PyTorch, ScalingAlgorithm.Bicubic, true, TorchFixtures),
        new(ScalingLibrary.PyTorch, ScalingAlgorithm.Area, false, TorchFixtures),
        new(ScalingLibrary.SkiaSharp, ScalingAlgorithm.Nearest, false, SkiaLive),
        new(ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bilinear, false, SkiaLive),
        new(ScalingLibrary.SkiaSharp, ScalingAlgorithm.Bicubic, false, SkiaLive),
        new(ScalingLibrary.MlNet, ScalingAlgorithm.Nearest, false, MlNetLive),
        new(ScalingLibrary.MlNet, ScalingAlgorithm.Bicubic, false, MlNetLive),
    ];

    /// <summary>The entry for a pair, or null when the library has no such algorithm.</summary>
    public static ScalerEntry? Find(ScalingLibrary library, ScalingAlgorithm algorithm) =>
        Entries.FirstOrDefault(e => e.Library == library && e.Algorithm == algorithm);

    /// <summary>Throws an <see cref="ArgumentException"/> that lists what exists when the pair (or its antialias choice) does not.</summary>
    public static ScalerEntry Require(ScalingLibrary library, ScalingAlgorithm algorithm, bool antialias)
    {
        if (!Enum.IsDefined(library))
        {
            throw new ArgumentException($"Unknown scaling library {(int)library}; supported: {string.Join(", ", Enum.GetNames<ScalingLibrary>())}.", nameof(library));
        }
        if (!Enum.IsDefined(algorithm))
        {
            throw new ArgumentException($"Unknown scaling algorithm {(int)algorithm}; supported: {string.Join(", ", Enum.GetNames<ScalingAlgorithm>())}.", nameof(algorithm));
        }
        if (library == ScalingLibrary.Custom || algorithm == ScalingAlgorithm.Custom)
        {
            throw new ArgumentException(
                "Custom models have no library arithmetic to build: use ScalingModel.FromMatrices(left, right) or ScalingModel.FromProbe(probed).",
                library == ScalingLibrary.Custom ? nameof(library) : nameof(algorithm));
        }
        ScalerEntry entry = Find(library, algorithm) ?? throw new ArgumentException(
            $"{library} has no algorithm {algorithm} (it has: {string.Join(", ", Entries.Where(e => e.Library == library).Select(e => e.Algorithm))}).",
            nameof(algorithm));
        if (antialias && !entry.HasAntialiasSwitch)
        {
            throw new ArgumentException($"{library} {algorithm} has no antialias option.", nameof(antialias));
        }
        return entry;
    }
}
