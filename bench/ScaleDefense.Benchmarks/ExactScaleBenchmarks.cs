using BenchmarkDotNet.Attributes;
using OpenCvSharp;
using ScaleDefense;

namespace ScaleDefense.Benchmarks;

/// <summary>
/// The exact OpenCV models' Scale (native and managed) against cv::resize itself with the same
/// algorithm (the baseline), on an RGB image: downscale 2048×1536 → 224×224 and upscale
/// 224×224 → 640×640, with a full read of the source as the memory floor. One core meets one
/// core: OpenCV runs with Cv2.SetNumThreads(1) and a model's Scale is single-threaded. Bicubic is
/// the IPP build (OpenCvBuild.Ipp, the default), which is what OpenCvSharp's Cv2.Resize runs.
/// </summary>
[MemoryDiagnoser]
public class ExactScaleBenchmarks
{
    private const int Channels = 3;

    private byte[] _source = [];
    private byte[] _destination = [];
    private ImageLayout _sourceLayout;
    private ImageLayout _destinationLayout;
    private Mat _sourceMat = new();
    private Mat _destinationMat = new();
    private ScalingModel _native = null!;
    private ScalingModel _managed = null!;

    [Params(ScalingAlgorithm.Nearest, ScalingAlgorithm.Bilinear, ScalingAlgorithm.Bicubic, ScalingAlgorithm.Area)]
    public ScalingAlgorithm Algorithm { get; set; }

    /// <summary>"source→target": the 3-MP photo to a network input, and a network-size image up.</summary>
    [Params("2048x1536->224x224", "224x224->640x640")]
    public string Geometry { get; set; } = "2048x1536->224x224";

    [GlobalSetup]
    public void Setup()
    {
        Cv2.SetNumThreads(1);
        string[] sizes = Geometry.Split("->");
        ImageSize source = ImageSize.Parse(sizes[0]);
        ImageSize target = ImageSize.Parse(sizes[1]);
        _sourceLayout = new ImageLayout(source.Width, source.Height, Channels);
        _destinationLayout = new ImageLayout(target.Width, target.Height, Channels);
        _source = new byte[_sourceLayout.RequiredLength];
        new Random(2020).NextBytes(_source);
        _destination = new byte[_destinationLayout.RequiredLength];
        _sourceMat = Mat.FromPixelData(source.Height, source.Width, MatType.CV_8UC3, _source);
        _destinationMat = new Mat(target.Height, target.Width, MatType.CV_8UC3);
        var ipp = new ScalingOptions { OpenCvBuild = OpenCvBuild.Ipp };
        _native = ScalingModel.Create(ScalingLibrary.OpenCV, Algorithm, source, target, ipp with { Backend = ScalingBackend.Native });
        _managed = ScalingModel.Create(ScalingLibrary.OpenCV, Algorithm, source, target, ipp with { Backend = ScalingBackend.Managed });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _native.Dispose();
        _managed.Dispose();
        _sourceMat.Dispose();
        _destinationMat.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Cv2.Resize (1 thread)")]
    public void OpenCvResize() =>
        Cv2.Resize(_sourceMat, _destinationMat, new Size(_destinationLayout.Width, _destinationLayout.Height), 0, 0, Interpolation);

    [Benchmark(Description = "ScalingModel.Scale (native)")]
    public void NativeModel() => _native.Scale(_source, _sourceLayout, _destination, _destinationLayout);

    [Benchmark(Description = "ScalingModel.Scale (managed)")]
    public void ManagedModel() => _managed.Scale(_source, _sourceLayout, _destination, _destinationLayout);

    // Reading every byte once: the yardstick of any whole-image pass.
    [Benchmark(Description = "Sum of all source bytes (memory floor)")]
    public ulong FullRead() => MemoryFloor.Sum(_source);

    private InterpolationFlags Interpolation => Algorithm switch
    {
        ScalingAlgorithm.Nearest => InterpolationFlags.Nearest,
        ScalingAlgorithm.Bilinear => InterpolationFlags.Linear,
        ScalingAlgorithm.Bicubic => InterpolationFlags.Cubic,
        ScalingAlgorithm.Area => InterpolationFlags.Area,
        _ => throw new InvalidOperationException($"No OpenCV flag for {Algorithm}."),
    };
}
