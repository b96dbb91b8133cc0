using BenchmarkDotNet.Attributes;
using ScaleDefense;

namespace ScaleDefense.Benchmarks;

/// <summary>
/// Each detector on a 2048×1536 RGB image to 224×224 with OpenCV bilinear, as a ratio to SecureScaler
/// median (the baseline) in the same run, and SecureScaler median with its suspicion report (the
/// reconstruction-difference detector at the price of one more scale). The weighted-P detector only
/// applies where the scaler reads every pixel, so it runs on OpenCV bicubic at β ≈ 2.7 (600×600 → 224×224; at an integer β = 3 bicubic samples like nearest).
/// </summary>
[MemoryDiagnoser]
public class DetectionBenchmarks
{
    private static readonly ImageSize Target = new(224, 224);
    private static readonly ImageLayout TargetLayout = new(224, 224, 3);
    private static readonly ReconstructionOptions Seeded = new() { Seed = 1 };
    private byte[] _source = [];
    private byte[] _dense = [];
    private byte[] _output = [];
    private ImageLayout _layout;
    private ImageLayout _denseLayout;
    private ScalingModel _model = null!;
    private ScalingModel _denseModel = null!;
    private SecureScaler _median = null!;
    private SecureScaler _weighted = null!;
    private readonly Dictionary<DetectorKind, AttackDetector> _detectors = [];

    [GlobalSetup]
    public void Setup()
    {
        var size = new ImageSize(2048, 1536);
        _layout = new ImageLayout(size.Width, size.Height, 3);
        _source = new byte[_layout.RequiredLength];
        new Random(7).NextBytes(_source);
        _denseLayout = new ImageLayout(600, 600, 3);
        _dense = new byte[_denseLayout.RequiredLength];
        new Random(8).NextBytes(_dense);
        _output = new byte[TargetLayout.RequiredLength];
        _model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, size, Target);
        _denseModel = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, new ImageSize(600, 600), Target);
        _model.Analyze();
        _denseModel.Analyze();
        foreach (DetectorKind kind in Enum.GetValues<DetectorKind>())
        {
            _detectors[kind] = new AttackDetector(new AttackDetectorOptions { Filter = Seeded, Detectors = new HashSet<DetectorKind> { kind } });
        }
        _median = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Target, new SecureScalerOptions { Reconstruction = Reconstruction.Median });
        _median.PlanFor(size);
        _weighted = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, Target, new SecureScalerOptions { Reconstruction = Reconstruction.WeightedMedian });
        _weighted.PlanFor(new ImageSize(600, 600));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _model.Dispose();
        _denseModel.Dispose();
        _median.Dispose();
        _weighted.Dispose();
    }

    [Benchmark(Baseline = true, Description = "SecureScaler median")]
    public Reconstruction SecureMedian() => _median.Resize(_source, _layout, _output, TargetLayout);

    [Benchmark(Description = "SecureScaler median + suspicion")]
    public Reconstruction SecureMedianWithSuspicion() => _median.Resize(_source, _layout, _output, TargetLayout, out _);

    // What the suspicion adds to SecureScaler: one more scale of the source.
    [Benchmark(Description = "Scale alone (native)")]
    public void ScaleAlone() => _model.Scale(_source, _layout, _output, TargetLayout);

    [Benchmark(Description = "ReconstructionMedian (native)")]
    public DetectionReport ReconstructionMedian() => _detectors[DetectorKind.ReconstructionMedian].Detect(_model, _source, _layout);

    [Benchmark(Description = "ReconstructionRandom (native)")]
    public DetectionReport ReconstructionRandom() => _detectors[DetectorKind.ReconstructionRandom].Detect(_model, _source, _layout);

    [Benchmark(Description = "DownUpScaling")]
    public DetectionReport DownUp() => _detectors[DetectorKind.DownUpScaling].Detect(_model, _source, _layout);

    [Benchmark(Description = "PeakSpectrum")]
    public DetectionReport Peak() => _detectors[DetectorKind.PeakSpectrum].Detect(_model, _source, _layout);

    // The weighted median as a defense on the same dense-P case: the filter on the heavy pixels and one scale.
    [Benchmark(Description = "SecureScaler weighted median (bicubic 600² → 224²)")]
    public Reconstruction SecureWeightedMedian() => _weighted.Resize(_dense, _denseLayout, _output, TargetLayout);

    [Benchmark(Description = "WeightedReconstruction (bicubic 600² → 224²)")]
    public DetectionReport Weighted() => _detectors[DetectorKind.WeightedReconstruction].Detect(_denseModel, _dense, _denseLayout);

    [Benchmark(Description = "All detectors (AttackDetector.Default)")]
    public DetectionReport All() => _model.Detect(_source, _layout);
}
