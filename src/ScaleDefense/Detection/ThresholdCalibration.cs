using ScaleDefense.Detection;

namespace ScaleDefense;

/// <summary>One benign image for <see cref="ThresholdCalibration"/>.</summary>
/// <param name="Pixels">8-bit interleaved pixels.</param>
/// <param name="Layout">Their layout.</param>
public sealed record CalibrationImage(ReadOnlyMemory<byte> Pixels, ImageLayout Layout);

/// <summary>Choices of <see cref="ThresholdCalibration.Calibrate"/>.</summary>
public sealed record CalibrationOptions
{
    /// <summary>The false-positive rate of the verdict (all detectors of an entry together), in (0, 1).</summary>
    public double FalsePositiveRate { get; init; } = 0.01;

    /// <summary>Seeds the crops and the random filter: the same images and seed give the same table.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Random crops taken from each image, each at a random ratio β (1..64).</summary>
    public int CropsPerImage { get; init; } = 6;

    /// <summary>The largest ratio β a crop is taken at (≥ 1.25).</summary>
    public double MaxRatio { get; init; } = 12;

    /// <summary>Whether the library's antialias switch is on.</summary>
    public bool Antialias { get; init; }

    /// <summary>The backend of the models (scores agree between backends).</summary>
    public ScalingBackend Backend { get; init; } = ScalingBackend.Auto;

    /// <summary>Ratio bands, each getting thresholds of its own: ascending lower bounds, the first ≥ 1.</summary>
    public IReadOnlyList<double> BandStarts { get; init; } = [1, 2, 4, 8];

    /// <summary>What to record as the images (a folder, a package) in the table.</summary>
    public string ImagesDescription { get; init; } = "";

    /// <summary>What to record as the command in the table.</summary>
    public string Command { get; init; } = "";
}

/// <summary>
/// Sets the thresholds of <see cref="AttackDetector"/> on benign images of your own: random crops at
/// random ratios β through the scaler, every detector's score, and per ratio band the score each
/// detector stays at or below on all but FPR/k of the crops (k: the detectors that apply there), so
/// that the verdict — Suspicious when any detector exceeds — keeps the false-positive rate on these images.
/// </summary>
public static class ThresholdCalibration
{
    /// <summary>Fewest crops a band needs to get thresholds.</summary>
    public const int MinimumPerBand = 20;

    /// <summary>Calibrates one scaler family (library, algorithm, target size).</summary>
    /// <exception cref="ArgumentException">No images, an image smaller than the target, or an option out of range.</exception>
    public static DetectionThresholds Calibrate(IReadOnlyList<CalibrationImage> images, ScalingLibrary library, ScalingAlgorithm algorithm,
                                                ImageSize target, CalibrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(options);
        Validate(images, target, options);
        ScalerCatalog.Require(library, algorithm, options.Antialias);
        IReadOnlyList<Sample> samples = Score(images, library, algorithm, target, options);
        var entries = new List<ThresholdEntry>();
        for (int band = 0; band < options.BandStarts.Count; band++)
        {
            double low = options.BandStarts[band];
            double high = band + 1 < options.BandStarts.Count ? options.BandStarts[band + 1] : double.PositiveInfinity;
            var inBand = samples.Where(s => s.Ratio >= low && s.Ratio < high).ToList();
            if (inBand.Count < MinimumPerBand)
            {
                continue;
            }
            // A detector may apply to part of a band only (P turns dense below some β): it gets a threshold when
            // enough crops score it, from those crops.
            var applying = Enum.GetValues<DetectorKind>().Where(k => inBand.Count(s => double.IsFinite(s.Scores[(int)k])) >= MinimumPerBand).ToList();
            var thresholds = new Dictionary<DetectorKind, double>();
            foreach (DetectorKind kind in applying)
            {
                double[] sorted = inBand.Select(s => s.Scores[(int)kind]).Where(double.IsFinite).Order().ToArray();
                thresholds[kind] = Quantile(sorted, 1 - (options.FalsePositiveRate / applying.Count));
            }
            entries.Add(new ThresholdEntry(library, algorithm, options.Antialias, low, high, inBand.Count, thresholds));
        }
        return new DetectionThresholds(options.FalsePositiveRate, options.Seed, options.ImagesDescription, options.Command, entries);
    }

    /// <summary>The smallest sample value that at most a (1 − q) share of the samples exceed.</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        int index = (int)Math.Ceiling(q * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }

    private sealed record Sample(double Ratio, double[] Scores);

    private static List<Sample> Score(IReadOnlyList<CalibrationImage> images, ScalingLibrary library, ScalingAlgorithm algorithm,
                                      ImageSize target, CalibrationOptions options)
    {
        var random = new Random(unchecked((int)(options.Seed ^ (options.Seed >> 32))));
        var samples = new List<Sample>();
        ulong filterSeed = options.Seed;
        foreach (CalibrationImage image in images)
        {
            double largest = Math.Min(options.MaxRatio, Math.Min((double)image.Layout.Width / target.Width, (double)image.Layout.Height / target.Height));
            for (int crop = 0; crop < options.CropsPerImage; crop++)
            {
                // β drawn uniformly in log scale, so that every band gets its share.
                double ratio = Math.Exp(Math.Log(1.0 + 1e-9) + (random.NextDouble() * Math.Log(Math.Max(largest, 1.0))));
                var size = new ImageSize(Math.Min(image.Layout.Width, (int)Math.Round(target.Width * ratio)),
                                         Math.Min(image.Layout.Height, (int)Math.Round(target.Height * ratio)));
                int x = random.Next(image.Layout.Width - size.Width + 1);
                int y = random.Next(image.Layout.Height - size.Height + 1);
                byte[] pixels = Crop(image, x, y, size);
                var layout = new ImageLayout(size.Width, size.Height, image.Layout.Channels);
                using ScalingModel model = ScalingModel.Create(library, algorithm, size, target,
                    new ScalingOptions { Backend = options.Backend, Antialias = options.Antialias });
                VulnerabilityReport analysis = model.Analyze();
                var filter = new ReconstructionOptions { Seed = filterSeed++ };
                double[] scores = Enum.GetValues<DetectorKind>()
                    .Select(k => AttackDetector.WhyNotApplicable(model, analysis, k) is null
                        ? AttackDetector.Score(model, pixels, layout, k, filter)
                        : double.NaN)
                    .ToArray();
                samples.Add(new Sample(Math.Max(analysis.Horizontal.Ratio, analysis.Vertical.Ratio), scores));
            }
        }
        return samples;
    }

    private static byte[] Crop(CalibrationImage image, int x, int y, ImageSize size)
    {
        int c = image.Layout.Channels;
        var pixels = new byte[(long)size.Width * size.Height * c];
        ReadOnlySpan<byte> source = image.Pixels.Span;
        for (int row = 0; row < size.Height; row++)
        {
            source.Slice(((y + row) * image.Layout.RowStride) + (x * c), size.Width * c).CopyTo(pixels.AsSpan(row * size.Width * c));
        }
        return pixels;
    }

    private static void Validate(IReadOnlyList<CalibrationImage> images, ImageSize target, CalibrationOptions options)
    {
        if (images.Count == 0)
        {
            throw new ArgumentException("Calibration needs at least one benign image.", nameof(images));
        }
        if (target.Width <= 0 || target.Height <= 0)
        {
            throw new ArgumentException($"target size must be positive, got {target}.", nameof(target));
        }
        if (!(options.FalsePositiveRate > 0 && options.FalsePositiveRate < 1))
        {
            throw new ArgumentException($"FalsePositiveRate must be in (0, 1), got {options.FalsePositiveRate}.", nameof(options));
        }
        if (options.CropsPerImage is < 1 or > 1000)
        {
            throw new ArgumentException($"CropsPerImage must be in 1..1000, got {options.CropsPerImage}.", nameof(options));
        }
        if (!(options.MaxRatio >= 1.25 && options.MaxRatio <= 64))
        {
            throw new ArgumentException($"MaxRatio must be in [1.25, 64], got {options.MaxRatio}.", nameof(options));
        }
        if (options.BandStarts is null || options.BandStarts.Count == 0 || options.BandStarts[0] < 1 ||
            options.BandStarts.Zip(options.BandStarts.Skip(1)).Any(p => !(p.Second > p.First)))
        {
            throw new ArgumentException("BandStarts must be ascending, starting at 1 or above.", nameof(options));
        }
        ArgumentNullException.ThrowIfNull(options.ImagesDescription);
        ArgumentNullException.ThrowIfNull(options.Command);
        for (int i = 0; i < images.Count; i++)
        {
            CalibrationImage image = images[i] ?? throw new ArgumentException($"image {i} is null.", nameof(images));
            image.Layout.Validate(image.Pixels.Length, nameof(images));
            if (image.Layout.Width < target.Width || image.Layout.Height < target.Height)
            {
                throw new ArgumentException($"image {i} is {image.Layout.Size}, smaller than the target {target}: calibration needs downscaling.", nameof(images));
            }
        }
    }
}
