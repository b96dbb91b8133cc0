using BenchmarkDotNet.Attributes;
using OpenCvSharp;
using ScaleDefense;

namespace ScaleDefense.Benchmarks;

/// <summary>
/// The exact OpenCV model's Scale (native and managed) against cv::resize itself, on a
/// 2048×1536 RGB image to 224×224, with a full read of the source as the memory floor.
/// </summary>
[MemoryDiagnoser]
public class ExactScaleBenchmarks
{
    private const int Width = 2048;
    private const int Height = 1536;
    private const int Channels = 3;
    private static readonly ImageSize Target = new(224, 224);

    private byte[] _source = [];
    private byte[] _destination = [];
    private Mat _sourceMat = new();
    private Mat _destinationMat = new();
    private ScalingModel _native = null!;
    private ScalingModel _managed = null!;

    [Params(ScalingAlgorithm.Nearest, ScalingAlgorithm.Bilinear)]
    public ScalingAlgorithm Algorithm { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _source = new byte[Width * Height * Channels];
        new Random(2020).NextBytes(_source);
        _destination = new byte[Target.Width * Target.Height * Channels];
        _sourceMat = Mat.FromPixelData(Height, Width, MatType.CV_8UC3, _source);
        _destinationMat = new Mat(Target.Height, Target.Width, MatType.CV_8UC3);
        _native = ScalingModel.Create(ScalingLibrary.OpenCV, Algorithm, new(Width, Height), Target, ScalingBackend.Native);
        _managed = ScalingModel.Create(ScalingLibrary.OpenCV, Algorithm, new(Width, Height), Target, ScalingBackend.Managed);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _native.Dispose();
        _managed.Dispose();
        _sourceMat.Dispose();
        _destinationMat.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Cv2.Resize")]
    public void OpenCvResize() =>
        Cv2.Resize(_sourceMat, _destinationMat, new Size(Target.Width, Target.Height), 0, 0,
                   Algorithm == ScalingAlgorithm.Nearest ? InterpolationFlags.Nearest : InterpolationFlags.Linear);

    [Benchmark(Description = "ScalingModel.Scale (native)")]
    public void NativeModel() =>
        _native.Scale(_source, new ImageLayout(Width, Height, Channels), _destination, new ImageLayout(Target.Width, Target.Height, Channels));

    [Benchmark(Description = "ScalingModel.Scale (managed)")]
    public void ManagedModel() =>
        _managed.Scale(_source, new ImageLayout(Width, Height, Channels), _destination, new ImageLayout(Target.Width, Target.Height, Channels));

    // Reading every byte once: the yardstick of any whole-image pass.
    [Benchmark(Description = "Sum of all source bytes (memory floor)")]
    public ulong FullRead() => MemoryFloor.Sum(_source);
}
