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
    /// sources of at least 4×4 that change size. Everything else runs OpenCV's own kernels.</summary>
    public static bool IppTakes(ConformanceCases.SizeCase c, ScalingAlgorithm algorithm) =>
        algorithm == ScalingAlgorithm.Bicubic && c.Source.Width >= 4 && c.Source.Height >= 4 && c.Source != c.Target;
}
