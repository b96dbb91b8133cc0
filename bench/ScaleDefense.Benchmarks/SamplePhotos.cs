using OpenCvSharp;

namespace ScaleDefense.Benchmarks;

/// <summary>The repository's sample photos (samples/images), resized to the size a benchmark needs.</summary>
internal static class SamplePhotos
{
    /// <summary>Photo <paramref name="name"/> as packed 8-bit BGR (OpenCV's order), resized bicubically.</summary>
    public static byte[] Load(string name, int width, int height)
    {
        string directory = AppContext.BaseDirectory;
        while (!Directory.Exists(Path.Combine(directory, "samples", "images")))
        {
            directory = Path.GetDirectoryName(directory) ?? throw new DirectoryNotFoundException("samples/images not found above the benchmark's folder");
        }
        string file = Directory.GetFiles(Path.Combine(directory, "samples", "images"), name + ".*").Single();
        using Mat photo = Cv2.ImRead(file, ImreadModes.Color);
        using Mat resized = new();
        Cv2.Resize(photo, resized, new Size(width, height), 0, 0, InterpolationFlags.Cubic);
        var pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            System.Runtime.InteropServices.Marshal.Copy(resized.Ptr(y), pixels, y * width * 3, width * 3);
        }
        return pixels;
    }
}
