using Microsoft.ML;
using Microsoft.ML.Data;
using SkiaSharp;

namespace ScaleDefense.Tests.MlNet;

/// <summary>
/// Opaque BGRA images as an ML.NET data view, loaded the way services load them (PNG files through
/// <c>LoadImages</c>: ML.NET cannot take MLImage values from an enumerable), and the pixels of an
/// image column read back.
/// </summary>
internal sealed class MlNetImages : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("scaledefense-mlnet-").FullName;
    private int _count;

    public sealed class PathRow
    {
        public string Path { get; set; } = "";
    }

    /// <summary>Writes the images as PNG files and returns a view with their paths loaded into column "Image".</summary>
    public IDataView Load(MLContext ml, IEnumerable<(byte[] Bgra, int Width, int Height)> images)
    {
        var rows = new List<PathRow>();
        foreach (var (bgra, width, height) in images)
        {
            string path = Path.Combine(_folder, $"{_count++}.png");
            WritePng(path, bgra, width, height);
            rows.Add(new PathRow { Path = path });
        }
        IDataView paths = ml.Data.LoadFromEnumerable(rows);
        return ml.Transforms.LoadImages("Image", null, nameof(PathRow.Path)).Fit(paths).Transform(paths);
    }

    /// <summary>The pixels (Bgra32) of every image in <paramref name="column"/>, in row order.</summary>
    public static List<byte[]> Pixels(IDataView view, string column)
    {
        var result = new List<byte[]>();
        foreach (MLImage image in view.GetColumn<MLImage>(column))
        {
            Assert.That(image.PixelFormat, Is.EqualTo(MLPixelFormat.Bgra32));
            result.Add(image.Pixels.ToArray());
            image.Dispose();
        }
        return result;
    }

    /// <summary>A random opaque BGRA image.</summary>
    public static byte[] RandomOpaque(Random random, int width, int height)
    {
        var bgra = new byte[width * height * 4];
        random.NextBytes(bgra);
        for (int i = 3; i < bgra.Length; i += 4)
        {
            bgra[i] = 255;
        }
        return bgra;
    }

    private static void WritePng(string path, byte[] bgra, int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Opaque));
        System.Runtime.InteropServices.Marshal.Copy(bgra, 0, bitmap.GetPixels(), bgra.Length);
        using var file = File.Create(path);
        Assert.That(bitmap.Encode(file, SKEncodedImageFormat.Png, 100), Is.True);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
