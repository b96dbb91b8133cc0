using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScaleDefense;

/// <summary>
/// Thresholds per detector and scaler family (library, algorithm, antialias, and a band of the
/// scaling ratio β), each set at a stated false-positive rate on benign images. The library ships a
/// table (<see cref="Shipped"/>); <c>scaledefense calibrate</c> or <see cref="ThresholdCalibration"/>
/// makes one from your own images, and <see cref="Load"/> reads it back.
/// </summary>
public sealed class DetectionThresholds
{
    /// <summary>The format tag every file carries.</summary>
    public const string FormatTag = "scaledefense-thresholds/1";

    private static readonly Lazy<DetectionThresholds> s_shipped = new(LoadShipped);

    /// <summary>Creates a table.</summary>
    public DetectionThresholds(double falsePositiveRate, ulong seed, string images, string command, IReadOnlyList<ThresholdEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(entries);
        FalsePositiveRate = falsePositiveRate;
        Seed = seed;
        Images = images;
        Command = command;
        Entries = entries;
    }

    /// <summary>The table shipped with the library (an embedded resource; see docs/detection.md for how it was made).</summary>
    public static DetectionThresholds Shipped => s_shipped.Value;

    /// <summary>The false-positive rate the verdict was calibrated for (every detector of an entry together).</summary>
    public double FalsePositiveRate { get; }

    /// <summary>The seed of the calibration's crops and random filter.</summary>
    public ulong Seed { get; }

    /// <summary>Which benign images produced the table.</summary>
    public string Images { get; }

    /// <summary>The command that produced it.</summary>
    public string Command { get; }

    /// <summary>One entry per scaler family and ratio band.</summary>
    public IReadOnlyList<ThresholdEntry> Entries { get; }

    /// <summary>The entry for a scaler, or null when the table has none.</summary>
    public ThresholdEntry? Find(ScalingLibrary library, ScalingAlgorithm algorithm, bool antialias, double ratio) =>
        Entries.FirstOrDefault(e => e.Library == library && e.Algorithm == algorithm && e.Antialias == antialias &&
                                    ratio >= e.MinRatio && ratio < e.MaxRatio);

    /// <summary>Reads a table written by <see cref="ToJson"/> (or <c>scaledefense calibrate</c>).</summary>
    /// <exception cref="ArgumentException">The file is missing, does not parse, or holds an invalid entry (one-line message).</exception>
    public static DetectionThresholds Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"cannot read the thresholds file {path}: {e.Message}", nameof(path), e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses a table from JSON text; <paramref name="origin"/> names it in error messages.</summary>
    /// <exception cref="ArgumentException">The text does not parse or holds an invalid entry (one-line message).</exception>
    public static DetectionThresholds Parse(string json, string origin = "thresholds")
    {
        ArgumentNullException.ThrowIfNull(json);
        FileModel? model;
        try
        {
            model = JsonSerializer.Deserialize<FileModel>(json, s_json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"{origin} is not a thresholds file: {FirstLine(e.Message)}", nameof(json), e);
        }
        if (model is null || model.Format != FormatTag)
        {
            throw new ArgumentException($"{origin} is not a thresholds file: expected \"format\": \"{FormatTag}\".", nameof(json));
        }
        if (!(model.Fpr > 0 && model.Fpr < 1))
        {
            throw new ArgumentException($"{origin}: fpr must be in (0, 1), got {model.Fpr.ToString(CultureInfo.InvariantCulture)}.", nameof(json));
        }
        var entries = new List<ThresholdEntry>();
        foreach (EntryModel? e in model.Entries ?? [])
        {
            entries.Add(ToEntry(e, origin));
        }
        return new DetectionThresholds(model.Fpr, model.Seed, model.Images ?? "", model.Command ?? "", entries);
    }

    /// <summary>The table as JSON, in the format <see cref="Parse"/> reads.</summary>
    public string ToJson() => JsonSerializer.Serialize(new FileModel
    {
        Format = FormatTag,
        Fpr = FalsePositiveRate,
        Seed = Seed,
        Images = Images,
        Command = Command,
        Entries = Entries.Select(e => (EntryModel?)new EntryModel
        {
            Library = e.Library.ToString(),
            Algorithm = e.Algorithm.ToString(),
            Antialias = e.Antialias,
            MinRatio = e.MinRatio,
            MaxRatio = double.IsPositiveInfinity(e.MaxRatio) ? null : e.MaxRatio,
            Benign = e.BenignCount,
            Thresholds = e.Thresholds.ToDictionary(p => p.Key.ToString(), p => p.Value),
        }).ToList(),
    }, s_json);

    private static ThresholdEntry ToEntry(EntryModel? e, string origin)
    {
        if (e is null)
        {
            throw new ArgumentException($"{origin}: an entry is null.", nameof(origin));
        }
        if (!Enum.TryParse(e.Library, ignoreCase: true, out ScalingLibrary library) || !Enum.IsDefined(library))
        {
            throw new ArgumentException($"{origin}: unknown library \"{e.Library}\".", nameof(origin));
        }
        if (!Enum.TryParse(e.Algorithm, ignoreCase: true, out ScalingAlgorithm algorithm) || !Enum.IsDefined(algorithm))
        {
            throw new ArgumentException($"{origin}: unknown algorithm \"{e.Algorithm}\".", nameof(origin));
        }
        double max = e.MaxRatio ?? double.PositiveInfinity;
        if (!(e.MinRatio >= 0) || !(max > e.MinRatio))
        {
            throw new ArgumentException($"{origin}: {library} {algorithm} has an empty ratio band [{e.MinRatio}, {max}).", nameof(origin));
        }
        var thresholds = new Dictionary<DetectorKind, double>();
        foreach ((string name, double value) in e.Thresholds ?? [])
        {
            if (!Enum.TryParse(name, ignoreCase: true, out DetectorKind kind) || !Enum.IsDefined(kind))
            {
                throw new ArgumentException($"{origin}: unknown detector \"{name}\" (use {string.Join(", ", Enum.GetNames<DetectorKind>())}).", nameof(origin));
            }
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"{origin}: the threshold of {name} for {library} {algorithm} is not a finite number.", nameof(origin));
            }
            thresholds[kind] = value;
        }
        return new ThresholdEntry(library, algorithm, e.Antialias, e.MinRatio, max, e.Benign, thresholds);
    }

    private static string FirstLine(string message)
    {
        int end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    private static DetectionThresholds LoadShipped()
    {
        using Stream stream = typeof(DetectionThresholds).Assembly.GetManifestResourceStream("ScaleDefense.Detection.thresholds.json")
            ?? throw new ScaleDefenseException("The shipped thresholds table is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "the shipped thresholds");
    }

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    private sealed class FileModel
    {
        public string? Format { get; set; }
        public double Fpr { get; set; }
        public ulong Seed { get; set; }
        public string? Images { get; set; }
        public string? Command { get; set; }
        public List<EntryModel?>? Entries { get; set; }
    }

    private sealed class EntryModel
    {
        public string? Library { get; set; }
        public string? Algorithm { get; set; }
        public bool Antialias { get; set; }
        public double MinRatio { get; set; }
        public double? MaxRatio { get; set; }
        public int Benign { get; set; }
        public Dictionary<string, double>? Thresholds { get; set; }
    }
}

/// <summary>The thresholds of one scaler family over one band of the scaling ratio β (the larger axis' ratio).</summary>
/// <param name="Library">The library.</param>
/// <param name="Algorithm">The algorithm.</param>
/// <param name="Antialias">Whether the library's antialias switch is on.</param>
/// <param name="MinRatio">Lowest β of the band (inclusive).</param>
/// <param name="MaxRatio">Highest β of the band (exclusive; +∞ for no bound).</param>
/// <param name="BenignCount">How many benign images the thresholds were set on.</param>
/// <param name="Thresholds">One threshold per detector that the verdict uses.</param>
public sealed record ThresholdEntry(ScalingLibrary Library, ScalingAlgorithm Algorithm, bool Antialias, double MinRatio, double MaxRatio,
                                   int BenignCount, IReadOnlyDictionary<DetectorKind, double> Thresholds);
