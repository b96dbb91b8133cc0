using BenchmarkDotNet.Attributes;
using OpenCvSharp;
using ScaleDefense;

namespace ScaleDefense.Benchmarks;

/// <summary>
/// Probing a live scaler end to end (every call of cv::resize included): 1000×750 → 224×224, the
/// README's figure. Linear is a local kernel (a few calls per axis); area at this ratio reaches
/// about β source pixels either side. The baseline is one call of the scaler itself.
/// </summary>
[MemoryDiagnoser]
public class ProbeBenchmarks
{
    private static readonly ImageSize Source = new(1000, 750);
    private static readonly ImageSize Target = new(224, 224);
    private readonly byte[] _image = new byte[1000 * 750];
    private readonly byte[] _output = new byte[224 * 224];

    [Params(InterpolationFlags.Linear, InterpolationFlags.Cubic, InterpolationFlags.Area)]
    public InterpolationFlags Interpolation { get; set; }

    [Benchmark(Baseline = true)]
    public void OneScalerCall() => Resize(Interpolation)(_image, new ImageLayout(1000, 750, 1), _output, new ImageLayout(224, 224, 1));

    [Benchmark]
    public ProbedScaler Probe8Bit() => ScalingModel.Probe(Source, Target, Resize(Interpolation));

    [Benchmark]
    public ProbedScaler ProbeFloat() => ScalingModel.Probe(Source, Target, ResizeFloat(Interpolation));

    /// <summary>cv::resize as an 8-bit black box.</summary>
    public static ByteScaler Resize(InterpolationFlags flags) => (source, sourceLayout, destination, destinationLayout) =>
        Run(source.ToArray(), sourceLayout, destination, destinationLayout, MatType.CV_8UC1, flags);

    /// <summary>cv::resize as a float32 black box.</summary>
    public static FloatScaler ResizeFloat(InterpolationFlags flags) => (source, sourceLayout, destination, destinationLayout) =>
        Run(source.ToArray(), sourceLayout, destination, destinationLayout, MatType.CV_32FC1, flags);

    private static void Run<T>(T[] source, ImageLayout sourceLayout, Span<T> destination, ImageLayout destinationLayout, MatType type, InterpolationFlags flags)
        where T : unmanaged
    {
        using Mat src = Mat.FromPixelData(sourceLayout.Height, sourceLayout.Width, type, source);
        using Mat dst = new();
        Cv2.Resize(src, dst, new Size(destinationLayout.Width, destinationLayout.Height), 0, 0, flags);
        dst.GetRectangularArray(out T[,] pixels);
        for (int y = 0; y < destinationLayout.Height; y++)
        {
            for (int x = 0; x < destinationLayout.Width; x++)
            {
                destination[y * destinationLayout.RowStride + x] = pixels[y, x];
            }
        }
    }
}
