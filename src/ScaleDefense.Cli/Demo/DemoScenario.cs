namespace ScaleDefense.Cli.Demo;

/// <summary>One scaler the demo attacks and defends.</summary>
internal sealed record DemoScenario(string Title, ScalingLibrary Library, ScalingAlgorithm Algorithm)
{
    public static IReadOnlyList<DemoScenario> All { get; } =
    [
        new("OpenCV nearest", ScalingLibrary.OpenCV, ScalingAlgorithm.Nearest),
        new("OpenCV bilinear", ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear),
        new("OpenCV bicubic", ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic),
        new("Pillow bicubic", ScalingLibrary.Pillow, ScalingAlgorithm.Bicubic),
        new("OpenCV area", ScalingLibrary.OpenCV, ScalingAlgorithm.Area),
    ];

    public string Slug => Title.ToLowerInvariant().Replace(' ', '-');
}

/// <summary>What the demo measured for one scenario: the attack, what the scaler makes of it, and both defenses' outputs (target size) with their PSNRs.</summary>
internal sealed record DemoOutcome(
    DemoScenario Scenario,
    VulnerabilityReport Report,
    AttackResult Attack,
    byte[] ScaledAttack,
    byte[] DefendedMedian,
    byte[] DefendedRandom,
    double MedianToSourceDb,
    double MedianToTargetDb,
    double RandomToSourceDb,
    double RandomToTargetDb,
    TimeSpan MedianTime,
    TimeSpan RandomTime);
