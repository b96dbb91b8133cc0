using System.Globalization;
using OpenCvSharp;
using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>cv::resize (OpenCvSharp) for every OpenCV algorithm, with IPP switched on or off.</summary>
internal static class OpenCvAlgorithmReference
{
    public static readonly ScalingAlgorithm[] Algorithms =
    [
        ScalingAlgorithm.NearestExact, ScalingAlgorithm.Bicubic, ScalingAlgorithm.Area, ScalingAlgorithm.Lanczos,
    ];

    public static InterpolationFlags ToFlags(ScalingAlgorithm algorithm) => algorithm switch
    {
        ScalingAlgorithm.Nearest => InterpolationFlags.Nearest,
        ScalingAlgorithm.NearestExact => (InterpolationFlags)6, // INTER_NEAREST_EXACT, not in OpenCvSharp's enum
        ScalingAlgorithm.Bilinear => InterpolationFlags.Linear,
        ScalingAlgorithm.Bicubic => InterpolationFlags.Cubic,
        ScalingAlgorithm.Area => InterpolationFlags.Area,
        ScalingAlgorithm.Lanczos => InterpolationFlags.Lanczos4,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>Resizes with Intel IPP on (OpenCvSharp's default) or off; always leaves it on.</summary>
    public static T[] Resize<T>(T[] pixels, ConformanceCases.SizeCase c, ScalingAlgorithm algorithm, bool ipp) where T : unmanaged
    {
        MatType type = typeof(T) == typeof(byte) ? MatType.CV_8UC(c.Channels) : MatType.CV_32FC(c.Channels);
        Cv2.SetUseOptimized(ipp);
        try
        {
            using Mat src = OpenCvReference.ToMat(pixels, c.Source, type, c.Channels);
            using var dst = new Mat();
            Cv2.Resize(src, dst, new Size(c.Target.Width, c.Target.Height), 0, 0, ToFlags(algorithm));
            return OpenCvReference.FromMat<T>(dst, c.Channels);
        }
        finally
        {
            Cv2.SetUseOptimized(true);
        }
    }

    /// <summary>Whether OpenCvSharp's Intel IPP takes the call (hal/ipp resize): INTER_CUBIC on
    /// sources of at least 4×4 with 1, 3 or 4 channels that change size. Everything else runs
    /// OpenCV's own kernels.</summary>
    public static bool IppTakes(ConformanceCases.SizeCase c, ScalingAlgorithm algorithm) =>
        algorithm == ScalingAlgorithm.Bicubic && c.Source.Width >= 4 && c.Source.Height >= 4 && c.Source != c.Target && c.Channels != 2;

    /// <summary>A model of the given OpenCV build on the given backend.</summary>
    public static ScalingModel Model(ConformanceCases.SizeCase c, ScalingAlgorithm algorithm, OpenCvBuild build,
                                     ScalingBackend backend = ScalingBackend.Auto) =>
        ScalingModel.Create(ScalingLibrary.OpenCV, algorithm, c.Source, c.Target, new ScalingOptions { Backend = backend, OpenCvBuild = build });

    /// <summary>Max |a − b| and how many samples differ.</summary>
    public static (double Max, int Off) Compare<T>(T[] a, T[] b) where T : unmanaged
    {
        Assert.That(a, Has.Length.EqualTo(b.Length));
        double max = 0;
        int off = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double diff = Math.Abs(Convert.ToDouble(a[i], CultureInfo.InvariantCulture) - Convert.ToDouble(b[i], CultureInfo.InvariantCulture));
            max = Math.Max(max, diff);
            off += diff > 0 ? 1 : 0;
        }
        return (max, off);
    }
}
