using System.Runtime.InteropServices;
using OpenCvSharp;
using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>Runs the real cv::resize (OpenCvSharp) on our buffers, for conformance checks.</summary>
internal static class OpenCvReference
{
    public static InterpolationFlags ToFlags(ScalingAlgorithm algorithm) => algorithm switch
    {
        ScalingAlgorithm.Nearest => InterpolationFlags.Nearest,
        ScalingAlgorithm.Bilinear => InterpolationFlags.Linear,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    public static byte[] Resize(byte[] pixels, ImageSize source, int channels, ImageSize target, ScalingAlgorithm algorithm)
    {
        using Mat src = ToMat(pixels, source, MatType.CV_8UC(channels), channels);
        using var dst = new Mat();
        Cv2.Resize(src, dst, new Size(target.Width, target.Height), 0, 0, ToFlags(algorithm));
        return FromMat<byte>(dst, channels);
    }

    public static float[] Resize(float[] pixels, ImageSize source, int channels, ImageSize target, ScalingAlgorithm algorithm)
    {
        using Mat src = ToMat(pixels, source, MatType.CV_32FC(channels), channels);
        using var dst = new Mat();
        Cv2.Resize(src, dst, new Size(target.Width, target.Height), 0, 0, ToFlags(algorithm));
        return FromMat<float>(dst, channels);
    }

    public static Mat ToMat<T>(T[] pixels, ImageSize size, MatType type, int channels) where T : unmanaged
    {
        var mat = new Mat(size.Height, size.Width, type);
        int row = size.Width * channels;
        for (int y = 0; y < size.Height; y++)
        {
            MemoryMarshal.AsBytes(pixels.AsSpan(y * row, row)).CopyTo(RowBytes(mat, y));
        }
        return mat;
    }

    public static T[] FromMat<T>(Mat mat, int channels) where T : unmanaged
    {
        int rows = mat.Rows;
        int row = mat.Cols * channels;
        var result = new T[rows * row];
        for (int y = 0; y < rows; y++)
        {
            RowBytes(mat, y)[..(row * Marshal.SizeOf<T>())].CopyTo(MemoryMarshal.AsBytes(result.AsSpan(y * row, row)));
        }
        return result;
    }

    private static unsafe Span<byte> RowBytes(Mat mat, int y) =>
        new((void*)mat.Ptr(y), (int)mat.Step());
}
