using BenchmarkDotNet.Attributes;
using OpenCvSharp;
using ScaleDefense;

namespace ScaleDefense.Benchmarks;

/// <summary>
/// Throughput on a batch of photos of mixed sizes (decoded beforehand) to 224×224 on every core:
/// SecureScaler.ResizeBatch (median and random, one image per core) beside Cv2.Resize INTER_AREA
/// over the same batch (one image at a time on OpenCV's own thread pool). Times are per image
/// (OperationsPerInvoke), so images per second = 1 s / Mean.
/// </summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    // Camera and web sizes, landscape and portrait, 0.3 to 12 megapixels.
    private static readonly ImageSize[] Sizes =
    [
        new(640, 480), new(800, 600), new(1024, 768), new(1280, 720), new(1200, 1600), new(1600, 1200),
        new(1920, 1080), new(2048, 1536), new(2592, 1944), new(3000, 2000), new(3024, 4032), new(4032, 3024),
    ];

    private const int Images = 12;
    private static readonly ImageSize Target = new(224, 224);
    private readonly List<SecureScaler.Job> _jobs = [];
    private readonly List<Mat> _sources = [];
    private Mat _output = new();
    private SecureScaler _median = null!;
    private SecureScaler _random = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (Sizes.Length != Images)
        {
            throw new InvalidOperationException("Images must equal the number of sizes (it sets OperationsPerInvoke).");
        }
        var random = new Random(7);
        foreach (ImageSize size in Sizes)
        {
            var layout = new ImageLayout(size.Width, size.Height, 3);
            byte[] pixels = new byte[layout.RequiredLength];
            random.NextBytes(pixels);
            _jobs.Add(new SecureScaler.Job(pixels, layout, new byte[Target.Width * Target.Height * 3], new ImageLayout(Target.Width, Target.Height, 3)));
            _sources.Add(Mat.FromPixelData(size.Height, size.Width, MatType.CV_8UC3, pixels));
        }
        _output = new Mat(Target.Height, Target.Width, MatType.CV_8UC3);
        _median = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Target, new SecureScalerOptions { Reconstruction = Reconstruction.Median });
        _random = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Target, new SecureScalerOptions { Reconstruction = Reconstruction.Random });
        foreach (ImageSize size in Sizes)
        {
            _median.PlanFor(size);
            _random.PlanFor(size);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _median.Dispose();
        _random.Dispose();
        foreach (Mat m in _sources)
        {
            m.Dispose();
        }
        _output.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Images, Description = "Cv2.Resize area, batch")]
    public void CvAreaBatch()
    {
        foreach (Mat source in _sources)
        {
            Cv2.Resize(source, _output, new Size(224, 224), 0, 0, InterpolationFlags.Area);
        }
    }

    [Benchmark(OperationsPerInvoke = Images, Description = "SecureScaler median, ResizeBatch")]
    public Reconstruction[] SecureMedianBatch() => _median.ResizeBatch(_jobs, Environment.ProcessorCount);

    [Benchmark(OperationsPerInvoke = Images, Description = "SecureScaler random, ResizeBatch")]
    public Reconstruction[] SecureRandomBatch() => _random.ResizeBatch(_jobs, Environment.ProcessorCount);
}
