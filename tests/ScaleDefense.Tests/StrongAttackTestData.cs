using OpenCvSharp;
using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>Sources, targets and the real cv::resize of a PNG round trip, for the strong-attack tests.</summary>
internal static class StrongAttackTestData
{
    /// <summary>A sample photo resized (OpenCV bicubic) to <paramref name="size"/>.</summary>
    public static byte[] Photo(string name, ImageSize size)
    {
        SamplePhotos.Photo photo = SamplePhotos.Load(name);
        if (photo.Layout.Size == size)
        {
            return photo.Pixels;
        }
        using Mat src = OpenCvReference.ToMat(photo.Pixels, photo.Layout.Size, MatType.CV_8UC(photo.Layout.Channels), photo.Layout.Channels);
        using Mat dst = new();
        Cv2.Resize(src, dst, new Size(size.Width, size.Height), 0, 0, InterpolationFlags.Cubic);
        return OpenCvReference.FromMat<byte>(dst, photo.Layout.Channels);
    }

    /// <summary>Writes the attack image as PNG, reads it back, and scales it with the real cv::resize.</summary>
    public static byte[] CvResizeOfPng(byte[] attack, ImageSize source, int channels, ImageSize target, InterpolationFlags flags)
    {
        using Mat image = OpenCvReference.ToMat(attack, source, MatType.CV_8UC(channels), channels);
        Cv2.ImEncode(".png", image, out byte[] png);
        using Mat decoded = Cv2.ImDecode(png, ImreadModes.Unchanged);
        using Mat scaled = new();
        Cv2.Resize(decoded, scaled, new Size(target.Width, target.Height), 0, 0, flags);
        return OpenCvReference.FromMat<byte>(scaled, channels);
    }

    public static (double Max, double Mean) Differences(byte[] a, byte[] b)
    {
        double max = 0, sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            int d = Math.Abs(a[i] - b[i]);
            max = Math.Max(max, d);
            sum += d;
        }
        return (max, sum / a.Length);
    }

    public static StrongAttackResult Attack(ScalingLibrary library, ScalingAlgorithm algorithm, ImageSize source, ImageSize target,
                                            StrongAttackOptions? options = null, string sourcePhoto = "astronaut", string targetPhoto = "coffee")
    {
        using ScalingModel model = ScalingModel.Create(library, algorithm, source, target);
        byte[] s = Photo(sourcePhoto, source);
        byte[] t = Photo(targetPhoto, target);
        return new StrongScalingAttack(model, options ?? StrongAttackOptions.Default).Run(s, new ImageLayout(source.Width, source.Height, 3), t, new ImageLayout(target.Width, target.Height, 3));
    }
}
