using OpenCvSharp;
using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>The bundled photos as packed 8-bit pixels.</summary>
internal static class SamplePhotos
{
    public sealed record Photo(string Name, byte[] Pixels, ImageLayout Layout);

    public static IReadOnlyList<string> Names { get; } = ["astronaut", "camera", "chelsea", "coffee", "rocket"];

    public static Photo Load(string name)
    {
        string file = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "samples", "images"), name + ".*").Single();
        using Mat image = Cv2.ImRead(file, ImreadModes.Unchanged);
        int channels = image.Channels();
        var size = new ImageSize(image.Cols, image.Rows);
        return new Photo(name, OpenCvReference.FromMat<byte>(image, channels), new ImageLayout(size.Width, size.Height, channels));
    }

    /// <summary>Resizes with OpenCV's area scaling (to make targets of any size).</summary>
    public static byte[] AreaResize(Photo photo, ImageSize size)
    {
        using Mat src = OpenCvReference.ToMat(photo.Pixels, photo.Layout.Size, MatType.CV_8UC(photo.Layout.Channels), photo.Layout.Channels);
        using Mat dst = new();
        Cv2.Resize(src, dst, new Size(size.Width, size.Height), 0, 0, InterpolationFlags.Area);
        return OpenCvReference.FromMat<byte>(dst, photo.Layout.Channels);
    }
}
