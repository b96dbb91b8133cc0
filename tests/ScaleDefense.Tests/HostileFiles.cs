using System.Buffers.Binary;
using System.IO.Compression;
using OpenCvSharp;

namespace ScaleDefense.Tests;

/// <summary>
/// Writes the hostile files of the untrusted-input tests (nothing is checked in): headers that
/// declare huge images, truncated files, float and 16-bit images.
/// </summary>
internal static class HostileFiles
{
    /// <summary>A PNG whose header declares width × height RGB, with a few KB of compressed zeros as data.</summary>
    public static string PngDeclaring(string folder, int width, int height)
    {
        using var stream = new MemoryStream();
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = 8;  // bit depth
        ihdr[9] = 2;  // RGB
        Chunk(stream, "IHDR", ihdr);
        using (var data = new MemoryStream())
        {
            using (var zlib = new ZLibStream(data, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(new byte[1 << 20]); // the start of an all-black image: a bomb's shape
            }
            Chunk(stream, "IDAT", data.ToArray());
        }
        Chunk(stream, "IEND", []);
        return Save(folder, $"bomb-{width}x{height}.png", stream.ToArray());
    }

    /// <summary>A JPEG of a few hundred bytes whose frame header declares width × height.</summary>
    public static string JpegDeclaring(string folder, int width, int height)
    {
        var frame = new byte[] { 0xFF, 0xC0, 0, 17, 8, (byte)(height >> 8), (byte)(height & 0xFF), (byte)(width >> 8), (byte)(width & 0xFF), 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0 };
        byte[] scan = [0xFF, 0xDA, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0];
        byte[] file = [0xFF, 0xD8, .. frame, .. scan, .. new byte[600], 0xFF, 0xD9];
        return Save(folder, $"frame-{width}x{height}.jpg", file);
    }

    /// <summary>The first <paramref name="keep"/> share of a real file.</summary>
    public static string Truncated(string folder, string photo, double keep)
    {
        byte[] bytes = File.ReadAllBytes(photo);
        return Save(folder, "truncated-" + Path.GetFileName(photo), bytes[..(int)(bytes.Length * keep)]);
    }

    /// <summary>A 3-channel float32 image written by OpenCV (.tiff or .hdr), every sample <paramref name="value"/>.</summary>
    public static string Float(string folder, string name, float value)
    {
        using var image = new Mat(40, 60, MatType.CV_32FC3, new Scalar(value, value, value));
        string path = Path.Combine(folder, name);
        Cv2.ImWrite(path, image);
        return path;
    }

    /// <summary>A 16-bit grey PNG, every sample <paramref name="value"/>.</summary>
    public static string Sixteen(string folder, ushort value)
    {
        using var image = new Mat(40, 60, MatType.CV_16UC1, new Scalar(value));
        string path = Path.Combine(folder, "sixteen.png");
        Cv2.ImWrite(path, image);
        return path;
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        stream.Write(word);
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        stream.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typed));
        stream.Write(word);
    }

    // PNG's chunk CRC (ISO 3309, reflected 0xEDB88320), so the files are well-formed up to their size.
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }
        return ~crc;
    }

    private static string Save(string folder, string name, byte[] bytes)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
