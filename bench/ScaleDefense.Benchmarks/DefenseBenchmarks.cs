using BenchmarkDotNet.Attributes;
using OpenCvSharp;
using ScaleDefense;

namespace ScaleDefense.Benchmarks;

/// <summary>
/// The reconstruction defenses on an RGB image to 224×224 with OpenCV bilinear: the filters alone
/// (native and managed, single-threaded) and SecureScaler end to end, against a full read of the
/// image (the memory floor, the baseline), a plain copy of it, plain Cv2.Resize with the same
/// algorithm, and Cv2.Resize with INTER_AREA (the robust alternative, which also reads every
/// pixel). OpenCV runs on one thread (Cv2.SetNumThreads(1)) so that one core meets one core.
/// </summary>
[MemoryDiagnoser]
public class DefenseBenchmarks
{
    private static readonly ImageSize Target = new(224, 224);
    private byte[] _source = [];
    private byte[] _scratch = [];
    private byte[] _output = [];
    private ImageLayout _layout;
    private Mat _sourceMat = new();
    private Mat _outputMat = new();
    private ScalingModel _native = null!;
    private ScalingModel _managed = null!;
    private SecureScaler _median = null!;
    private SecureScaler _random = null!;
    private SecureScaler _medianThreaded = null!;
    private static readonly ReconstructionOptions Seeded = new() { Seed = 1 };

    [Params("1024x768", "2048x1536", "4096x3072")]
    public string Size { get; set; } = "2048x1536";

    [GlobalSetup]
    public void Setup()
    {
        Cv2.SetNumThreads(1);
        ImageSize size = ImageSize.Parse(Size);
        _layout = new ImageLayout(size.Width, size.Height, 3);
        _source = new byte[_layout.RequiredLength];
        new Random(7).NextBytes(_source);
        _scratch = (byte[])_source.Clone();
        _output = new byte[Target.Width * Target.Height * 3];
        _sourceMat = Mat.FromPixelData(size.Height, size.Width, MatType.CV_8UC3, _source);
        _outputMat = new Mat(Target.Height, Target.Width, MatType.CV_8UC3);
        _native = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, size, Target);
        _managed = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, size, Target, ScalingBackend.Managed);
        _median = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Target, new SecureScalerOptions { Reconstruction = Reconstruction.Median });
        _random = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Target, new SecureScalerOptions { Reconstruction = Reconstruction.Random });
        _medianThreaded = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Target, new SecureScalerOptions
        {
            Reconstruction = Reconstruction.Median,
            Filter = new ReconstructionOptions { Threads = Environment.ProcessorCount },
        });
        _medianThreaded.PlanFor(size);
        _median.PlanFor(size);
        _random.PlanFor(size);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _native.Dispose();
        _managed.Dispose();
        _median.Dispose();
        _random.Dispose();
        _medianThreaded.Dispose();
        _sourceMat.Dispose();
        _outputMat.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Full read (memory floor)")]
    public ulong FullRead() => MemoryFloor.Sum(_source);

    [Benchmark(Description = "Copy of the image")]
    public void Copy() => _source.AsSpan().CopyTo(_scratch);

    [Benchmark(Description = "Cv2.Resize bilinear")]
    public void CvLinear() => Cv2.Resize(_sourceMat, _outputMat, new Size(224, 224), 0, 0, InterpolationFlags.Linear);

    [Benchmark(Description = "Cv2.Resize area, 1 thread")]
    public void CvArea() => Cv2.Resize(_sourceMat, _outputMat, new Size(224, 224), 0, 0, InterpolationFlags.Area);

    [Benchmark(Description = "Median filter (native)")]
    public long MedianNative() => _native.Reconstruct(_source, _layout, _scratch, _layout, Reconstruction.Median);

    [Benchmark(Description = "Random filter (native)")]
    public long RandomNative() => _native.Reconstruct(_source, _layout, _scratch, _layout, Reconstruction.Random, Seeded);

    // In place: only the pixels of P are written, so no copy of the image is needed.
    [Benchmark(Description = "Median filter in place (native)")]
    public long MedianInPlace() => _native.Reconstruct(_scratch, _layout, Reconstruction.Median);

    [Benchmark(Description = "Random filter in place (native)")]
    public long RandomInPlace() => _native.Reconstruct(_scratch, _layout, Reconstruction.Random, Seeded);

    [Benchmark(Description = "Median filter (managed)")]
    public long MedianManaged() => _managed.Reconstruct(_source, _layout, _scratch, _layout, Reconstruction.Median);

    [Benchmark(Description = "Random filter (managed)")]
    public long RandomManaged() => _managed.Reconstruct(_source, _layout, _scratch, _layout, Reconstruction.Random, Seeded);

    [Benchmark(Description = "SecureScaler median")]
    public Reconstruction SecureMedian() => _median.Resize(_source, _layout, _output, new ImageLayout(224, 224, 3));

    [Benchmark(Description = "SecureScaler median, all cores")]
    public Reconstruction SecureMedianThreaded() => _medianThreaded.Resize(_source, _layout, _output, new ImageLayout(224, 224, 3));

    [Benchmark(Description = "SecureScaler random")]
    public Reconstruction SecureRandom() => _random.Resize(_source, _layout, _output, new ImageLayout(224, 224, 3));
}
