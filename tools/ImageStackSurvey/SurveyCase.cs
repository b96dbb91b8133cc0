using ScaleDefense;

/// <summary>One resize a service typically runs, named as the table's column shows it.</summary>
internal sealed record SurveyCase(string Label, ImageSize Source, ImageSize Target)
{
    /// <summary>A model input (224²), a larger model input from a bigger photo, and a thumbnail halving.</summary>
    public static IReadOnlyList<SurveyCase> Typical { get; } =
    [
        new("1000×750 → 224²", new ImageSize(1000, 750), new ImageSize(224, 224)),
        new("2000×1500 → 224²", new ImageSize(2000, 1500), new ImageSize(224, 224)),
        new("640×480 → 320×240", new ImageSize(640, 480), new ImageSize(320, 240)),
    ];
}
