using BenchmarkDotNet.Attributes;
using OpenCvSharp;
using ScaleDefense;

namespace ScaleDefense.Benchmarks;

/// <summary>
/// The strong attack (native solver, all cores) on an RGB photo (the astronaut sample resized with
/// OpenCV bicubic) to 224×224, with a target made from another sample photo. The two cases where
/// kernels overlap (the iterative solver) are issue 13's goals: OpenCV bicubic at ratio 1.5 (336×336
/// to 224×224, ≤ 0.3 s) and Pillow bicubic 1024×1024 to 224×224 (≤ 1.5 s). The baselines are OpenCV
/// bilinear and bicubic 1024×1024 to 224×224 (disjoint kernels: the closed form).
/// </summary>
[MemoryDiagnoser]
public class StrongAttackBenchmarks
{
    private byte[] _source = [];
    private byte[] _target = [];
    private ScalingModel _model = null!;
    private StrongScalingAttack _attack = null!;
    private ImageLayout _sourceLayout;
    private ImageLayout _targetLayout;

    [Params("OpenCV bilinear 1024->224", "OpenCV bicubic 1024->224", "Pillow bicubic 1024->224", "OpenCV bicubic 336->224")]
    public string Case { get; set; } = "OpenCV bilinear 1024->224";

    [GlobalSetup]
    public void Setup()
    {
        (ScalingLibrary library, ScalingAlgorithm algorithm, int size) = Case switch
        {
            "OpenCV bilinear 1024->224" => (ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, 1024),
            "OpenCV bicubic 1024->224" => (ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, 1024),
            "Pillow bicubic 1024->224" => (ScalingLibrary.Pillow, ScalingAlgorithm.Bicubic, 1024),
            _ => (ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, 336),
        };
        _sourceLayout = new ImageLayout(size, size, 3);
        _targetLayout = new ImageLayout(224, 224, 3);
        _source = SamplePhotos.Load("astronaut", size, size);
        _target = SamplePhotos.Load("coffee", 224, 224);
        _model = ScalingModel.Create(library, algorithm, new ImageSize(size, size), new ImageSize(224, 224));
        _attack = new StrongScalingAttack(_model);
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    [Benchmark]
    public StrongAttackResult Attack() => _attack.Run(_source, _sourceLayout, _target, _targetLayout);
}
