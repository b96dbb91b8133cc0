using BenchmarkDotNet.Attributes;
using OpenCvSharp;
using ScaleDefense;

namespace ScaleDefense.Benchmarks;

/// <summary>
/// What the defense benchmarks share: an RGB image of each size, OpenCV bilinear to 224×224, the
/// models and SecureScalers. OpenCV runs on one thread (Cv2.SetNumThreads(1)) so that one core
/// meets one core. Subclasses say what the image holds.
/// </summary>
public abstract class DefenseFixture
{
    protected static readonly ImageSize Target = new(224, 224);
    protected byte[] Source { get; private set; } = [];
    protected byte[] Scratch { get; private set; } = [];
    protected byte[] Output { get; private set; } = [];
    protected ImageLayout Layout { get; private set; }
    protected Mat SourceMat { get; private set; } = new();
    protected Mat OutputMat { get; private set; } = new();
    protected ScalingModel Native { get; private set; } = null!;
    protected ScalingModel Managed { get; private set; } = null!;
    protected SecureScaler MedianScaler { get; private set; } = null!;
    protected SecureScaler RandomScaler { get; private set; } = null!;
    protected SecureScaler MedianScalerThreaded { get; private set; } = null!;
    protected static readonly ReconstructionOptions Seeded = new() { Seed = 1 };
    protected static readonly ReconstructionOptions SeededPOnly = Seeded with { LeaveOtherPixels = true };

    [Params("1024x768", "2048x1536", "4096x3072")]
    public string Size { get; set; } = "2048x1536";

    /// <summary>The source image: packed RGB, <paramref name="size"/>.</summary>
    protected abstract byte[] CreateSource(ImageSize size);

    [GlobalSetup]
    public void Setup()
    {
        Cv2.SetNumThreads(1);
        ImageSize size = ImageSize.Parse(Size);
        Layout = new ImageLayout(size.Width, size.Height, 3);
        Source = CreateSource(size);
        Scratch = (byte[])Source.Clone();
        Output = new byte[Target.Width * Target.Height * 3];
        SourceMat = Mat.FromPixelData(size.Height, size.Width, MatType.CV_8UC3, Source);
        OutputMat = new Mat(Target.Height, Target.Width, MatType.CV_8UC3);
        Native = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, size, Target);
        Managed = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, size, Target, ScalingBackend.Managed);
        MedianScaler = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Target, new SecureScalerOptions { Reconstruction = Reconstruction.Median });
        RandomScaler = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Target, new SecureScalerOptions { Reconstruction = Reconstruction.Random });
        MedianScalerThreaded = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Target, new SecureScalerOptions
        {
            Reconstruction = Reconstruction.Median,
            Filter = new ReconstructionOptions { Threads = Environment.ProcessorCount },
        });
        MedianScalerThreaded.PlanFor(size);
        MedianScaler.PlanFor(size);
        RandomScaler.PlanFor(size);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Native.Dispose();
        Managed.Dispose();
        MedianScaler.Dispose();
        RandomScaler.Dispose();
        MedianScalerThreaded.Dispose();
        SourceMat.Dispose();
        OutputMat.Dispose();
    }
}

/// <summary>
/// The reconstruction defenses on random bytes (every window's median far from its neighbours':
/// the median's slowest case) to 224×224 with OpenCV bilinear: the filters alone (native and
/// managed, single-threaded) and SecureScaler end to end, against a full read of the image (the
/// memory floor, the baseline), a plain copy of it, plain Cv2.Resize with the same algorithm, and
/// Cv2.Resize with INTER_AREA (the robust alternative, which also reads every pixel).
/// </summary>
[MemoryDiagnoser]
public class DefenseBenchmarks : DefenseFixture
{
    protected override byte[] CreateSource(ImageSize size)
    {
        var source = new byte[size.Width * size.Height * 3];
        new Random(7).NextBytes(source);
        return source;
    }

    [Benchmark(Baseline = true, Description = "Full read (memory floor)")]
    public ulong FullRead() => MemoryFloor.Sum(Source);

    [Benchmark(Description = "Copy of the image")]
    public void Copy() => Source.AsSpan().CopyTo(Scratch);

    [Benchmark(Description = "Cv2.Resize bilinear")]
    public void CvLinear() => Cv2.Resize(SourceMat, OutputMat, new Size(224, 224), 0, 0, InterpolationFlags.Linear);

    [Benchmark(Description = "Cv2.Resize area, 1 thread")]
    public void CvArea() => Cv2.Resize(SourceMat, OutputMat, new Size(224, 224), 0, 0, InterpolationFlags.Area);

    [Benchmark(Description = "Median filter (native)")]
    public long MedianNative() => Native.Reconstruct(Source, Layout, Scratch, Layout, Reconstruction.Median);

    [Benchmark(Description = "Random filter (native)")]
    public long RandomNative() => Native.Reconstruct(Source, Layout, Scratch, Layout, Reconstruction.Random, Seeded);

    // Out of place without the copy of the image (what SecureScaler runs): only P is written.
    [Benchmark(Description = "Random filter, P only (native)")]
    public long RandomPOnly() => Native.Reconstruct(Source, Layout, Scratch, Layout, Reconstruction.Random, SeededPOnly);

    // In place: only the pixels of P are written, so no copy of the image is needed.
    [Benchmark(Description = "Median filter in place (native)")]
    public long MedianInPlace() => Native.Reconstruct(Scratch, Layout, Reconstruction.Median);

    [Benchmark(Description = "Random filter in place (native)")]
    public long RandomInPlace() => Native.Reconstruct(Scratch, Layout, Reconstruction.Random, Seeded);

    [Benchmark(Description = "Median filter (managed)")]
    public long MedianManaged() => Managed.Reconstruct(Source, Layout, Scratch, Layout, Reconstruction.Median);

    [Benchmark(Description = "Random filter (managed)")]
    public long RandomManaged() => Managed.Reconstruct(Source, Layout, Scratch, Layout, Reconstruction.Random, Seeded);

    [Benchmark(Description = "SecureScaler median")]
    public Reconstruction SecureMedian() => MedianScaler.Resize(Source, Layout, Output, new ImageLayout(224, 224, 3));

    [Benchmark(Description = "SecureScaler median, all cores")]
    public Reconstruction SecureMedianThreaded() => MedianScalerThreaded.Resize(Source, Layout, Output, new ImageLayout(224, 224, 3));

    [Benchmark(Description = "SecureScaler random")]
    public Reconstruction SecureRandom() => RandomScaler.Resize(Source, Layout, Output, new ImageLayout(224, 224, 3));
}

/// <summary>
/// The same defenses on a photo (samples/images/coffee.png resized to each size), what a service
/// resizes: neighbouring windows' medians lie close together, which the median's block kernel uses.
/// </summary>
[MemoryDiagnoser]
public class PhotoDefenseBenchmarks : DefenseFixture
{
    protected override byte[] CreateSource(ImageSize size) => SamplePhotos.Load("coffee", size.Width, size.Height);

    [Benchmark(Baseline = true, Description = "Full read (memory floor)")]
    public ulong FullRead() => MemoryFloor.Sum(Source);

    [Benchmark(Description = "Cv2.Resize area, 1 thread")]
    public void CvArea() => Cv2.Resize(SourceMat, OutputMat, new Size(224, 224), 0, 0, InterpolationFlags.Area);

    [Benchmark(Description = "Median filter (native)")]
    public long MedianNative() => Native.Reconstruct(Source, Layout, Scratch, Layout, Reconstruction.Median);

    [Benchmark(Description = "SecureScaler median")]
    public Reconstruction SecureMedian() => MedianScaler.Resize(Source, Layout, Output, new ImageLayout(224, 224, 3));

    [Benchmark(Description = "SecureScaler random")]
    public Reconstruction SecureRandom() => RandomScaler.Resize(Source, Layout, Output, new ImageLayout(224, 224, 3));
}
