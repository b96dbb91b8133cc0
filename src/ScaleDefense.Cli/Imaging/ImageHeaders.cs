using System.Buffers.Binary;
using System.Text;

namespace ScaleDefense.Cli.Imaging;

/// <summary>
/// Reads the declared size of an image file from its header, and whether the file is complete, so
/// that a decompression bomb or a truncated file is refused before OpenCV decodes it (OpenCV's
/// imread cannot report a size first). Formats: PNG, JPEG, WebP, BMP, TIFF, GIF, PNM, Radiance HDR.
/// Every read is bounds-checked: a malformed header yields null, never an exception.
/// </summary>
internal static class ImageHeaders
{
    public const string SupportedFormats = "PNG, JPEG, WebP, BMP, TIFF, GIF, PNM (PBM/PGM/PPM) or Radiance HDR";

    private enum Format { Unknown, Png, Jpeg, WebP, Bmp, TiffLittle, TiffBig, Gif, Pnm, Hdr }

    /// <summary>Whether the first bytes are the signature of a format this reader knows (12 bytes suffice).</summary>
    public static bool IsKnownFormat(ReadOnlySpan<byte> start) => Identify(start) != Format.Unknown;

    public static ImageHeader? Read(ReadOnlySpan<byte> file)
    {
        try
        {
            return Identify(file) switch
            {
                Format.Png => Png(file),
                Format.Jpeg => Jpeg(file),
                Format.WebP => WebP(file),
                Format.Bmp => Bmp(file),
                Format.TiffLittle => Tiff(file, littleEndian: true),
                Format.TiffBig => Tiff(file, littleEndian: false),
                Format.Gif => Gif(file),
                Format.Pnm => Pnm(file),
                Format.Hdr => Hdr(file),
                _ => null,
            };
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
        {
            return null; // a length or offset pointing outside the file
        }
    }

    private static Format Identify(ReadOnlySpan<byte> start) => start switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => Format.Png,
        [0xFF, 0xD8, 0xFF, ..] => Format.Jpeg,
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => Format.WebP,
        [(byte)'B', (byte)'M', ..] => Format.Bmp,
        [(byte)'I', (byte)'I', 42, 0, ..] => Format.TiffLittle,
        [(byte)'M', (byte)'M', 0, 42, ..] => Format.TiffBig,
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => Format.Gif,
        [(byte)'P', >= (byte)'1' and <= (byte)'6', ..] => Format.Pnm,
        [(byte)'#', (byte)'?', ..] => Format.Hdr,
        _ => Format.Unknown,
    };

    // Chunks: IHDR first; complete when an IEND chunk is reached inside the file.
    private static ImageHeader? Png(ReadOnlySpan<byte> f)
    {
        if (f.Length < 33 || !f.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }
        uint width = BinaryPrimitives.ReadUInt32BigEndian(f[16..]);
        uint height = BinaryPrimitives.ReadUInt32BigEndian(f[20..]);
        int depth = f[24];
        int channels = f[25] switch { 0 => 1, 2 => 3, 3 => 4, 4 => 2, 6 => 4, _ => 4 };
        bool ended = false;
        for (long at = 8; at + 12 <= f.Length;)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(f[(int)at..]);
            if (f.Slice((int)at + 4, 4).SequenceEqual("IEND"u8))
            {
                ended = true;
                break;
            }
            at += 12L + length;
        }
        return Declared("PNG", width, height, channels, depth > 8 ? 2 : 1, !ended);
    }

    // Segments up to the first frame header (SOF0..SOF15 but DHT/JPG/DAC); complete when the last two bytes are EOI.
    private static ImageHeader? Jpeg(ReadOnlySpan<byte> f)
    {
        for (int at = 2; at + 4 <= f.Length;)
        {
            if (f[at] != 0xFF)
            {
                return null;
            }
            byte marker = f[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }
            int length = BinaryPrimitives.ReadUInt16BigEndian(f[(at + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                int precision = f[at + 4];
                int height = BinaryPrimitives.ReadUInt16BigEndian(f[(at + 5)..]);
                int width = BinaryPrimitives.ReadUInt16BigEndian(f[(at + 7)..]);
                int components = f[at + 9];
                bool ended = f.Length >= 2 && f[^2] == 0xFF && f[^1] == 0xD9;
                return Declared("JPEG", (uint)width, (uint)height, Math.Clamp(components, 1, 4), precision > 8 ? 2 : 1, !ended);
            }
            at += 2 + length;
        }
        return null;
    }

    // RIFF size against the file; VP8 (lossy), VP8L (lossless) or VP8X (extended) carry the canvas size.
    private static ImageHeader? WebP(ReadOnlySpan<byte> f)
    {
        if (f.Length < 30)
        {
            return null;
        }
        bool truncated = BinaryPrimitives.ReadUInt32LittleEndian(f[4..]) + 8L > f.Length;
        ReadOnlySpan<byte> chunk = f.Slice(12, 4);
        if (chunk.SequenceEqual("VP8 "u8))
        {
            return Declared("WebP", (uint)(BinaryPrimitives.ReadUInt16LittleEndian(f[26..]) & 0x3FFF), (uint)(BinaryPrimitives.ReadUInt16LittleEndian(f[28..]) & 0x3FFF), 4, 1, truncated);
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            uint bits = BinaryPrimitives.ReadUInt32LittleEndian(f[21..]);
            return Declared("WebP", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, 4, 1, truncated);
        }
        if (chunk.SequenceEqual("VP8X"u8))
        {
            uint width = (uint)(f[24] | f[25] << 8 | f[26] << 16) + 1;
            uint height = (uint)(f[27] | f[28] << 8 | f[29] << 16) + 1;
            return Declared("WebP", width, height, 4, 1, truncated);
        }
        return null;
    }

    // BITMAPINFOHEADER or later (or the old 12-byte core header); uncompressed pixel data must fit in the file.
    private static ImageHeader? Bmp(ReadOnlySpan<byte> f)
    {
        if (f.Length < 26)
        {
            return null;
        }
        uint offset = BinaryPrimitives.ReadUInt32LittleEndian(f[10..]);
        uint headerSize = BinaryPrimitives.ReadUInt32LittleEndian(f[14..]);
        long width, height;
        int bitsPerPixel;
        uint compression = 0;
        if (headerSize == 12)
        {
            width = BinaryPrimitives.ReadUInt16LittleEndian(f[18..]);
            height = BinaryPrimitives.ReadUInt16LittleEndian(f[20..]);
            bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(f[24..]);
        }
        else
        {
            width = BinaryPrimitives.ReadInt32LittleEndian(f[18..]);
            height = Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(f[22..])); // negative: top-down rows
            bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(f[28..]);
            compression = BinaryPrimitives.ReadUInt32LittleEndian(f[30..]);
        }
        if (width <= 0 || width > uint.MaxValue || height > uint.MaxValue)
        {
            return null;
        }
        long rowBytes = (width * bitsPerPixel + 31) / 32 * 4;
        bool truncated = compression is 0 or 3 && offset + rowBytes * height > f.Length;
        return Declared("BMP", (uint)width, (uint)height, Math.Clamp(bitsPerPixel / 8, 1, 4), 1, truncated);
    }

    // The first IFD's ImageWidth (256), ImageLength (257), BitsPerSample (258), SamplesPerPixel (277).
    private static ImageHeader? Tiff(ReadOnlySpan<byte> f, bool littleEndian)
    {
        uint ifd = U32(f, 4, littleEndian);
        if (ifd > f.Length - 2)
        {
            return null;
        }
        int entries = U16(f, (int)ifd, littleEndian);
        uint width = 0, height = 0;
        int bits = 8, samples = 1;
        for (int i = 0; i < entries; i++)
        {
            int at = checked((int)ifd + 2 + i * 12);
            ushort tag = U16(f, at, littleEndian);
            ushort type = U16(f, at + 2, littleEndian);
            uint value = type == 3 ? U16(f, at + 8, littleEndian) : U32(f, at + 8, littleEndian);
            switch (tag)
            {
                case 256: width = value; break;
                case 257: height = value; break;
                case 258: bits = U32(f, at + 4, littleEndian) == 1 ? (int)value : 16; break; // several samples: a pointer; assume the widest common depth
                case 277: samples = (int)value; break;
            }
        }
        return Declared("TIFF", width, height, Math.Clamp(samples, 1, 4), Math.Clamp(bits / 8, 1, 4), truncated: false);
    }

    private static uint U32(ReadOnlySpan<byte> f, int at, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(f[at..]) : BinaryPrimitives.ReadUInt32BigEndian(f[at..]);

    private static ushort U16(ReadOnlySpan<byte> f, int at, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(f[at..]) : BinaryPrimitives.ReadUInt16BigEndian(f[at..]);

    // Logical screen size; complete when the trailer byte ends the file.
    private static ImageHeader? Gif(ReadOnlySpan<byte> f) =>
        f.Length < 10 ? null
            : Declared("GIF", BinaryPrimitives.ReadUInt16LittleEndian(f[6..]), BinaryPrimitives.ReadUInt16LittleEndian(f[8..]), 3, 1, f[^1] != 0x3B);

    // "P6 <width> <height> <maxval>" with comments; binary variants must hold every sample.
    private static ImageHeader? Pnm(ReadOnlySpan<byte> f)
    {
        char kind = (char)f[1];
        int at = 2;
        long[] fields = new long[kind is '1' or '4' ? 2 : 3];
        for (int i = 0; i < fields.Length; i++)
        {
            while (at < f.Length && (char.IsWhiteSpace((char)f[at]) || f[at] == '#'))
            {
                if (f[at] == '#')
                {
                    while (at < f.Length && f[at] != '\n')
                    {
                        at++;
                    }
                }
                else
                {
                    at++;
                }
            }
            int start = at;
            while (at < f.Length && f[at] is >= (byte)'0' and <= (byte)'9' && at - start < 10)
            {
                at++;
            }
            if (at == start || !long.TryParse(Encoding.ASCII.GetString(f[start..at]), out fields[i]))
            {
                return null;
            }
        }
        int channels = kind is '3' or '6' ? 3 : 1;
        int bytesPerSample = fields.Length == 3 && fields[2] > 255 ? 2 : 1;
        long dataBytes = kind switch
        {
            '4' => (fields[0] + 7) / 8 * fields[1],
            '5' or '6' => fields[0] * fields[1] * channels * bytesPerSample,
            _ => 0, // plain (ASCII) variants: no fixed size
        };
        return Declared("PNM", (uint)Math.Min(fields[0], uint.MaxValue), (uint)Math.Min(fields[1], uint.MaxValue), channels, bytesPerSample, at + 1 + dataBytes > f.Length);
    }

    // Text header lines, an empty line, then "-Y <height> +X <width>".
    private static ImageHeader? Hdr(ReadOnlySpan<byte> f)
    {
        string head = Encoding.ASCII.GetString(f[..Math.Min(f.Length, 4096)]);
        int blank = head.IndexOf("\n\n", StringComparison.Ordinal);
        if (blank < 0)
        {
            return null;
        }
        string[] resolution = head[(blank + 2)..].Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (resolution.Length != 4 || !uint.TryParse(resolution[1], out uint height) || !uint.TryParse(resolution[3], out uint width))
        {
            return null;
        }
        return Declared("Radiance HDR", width, height, 3, 4, truncated: false);
    }

    private static ImageHeader? Declared(string format, uint width, uint height, int channels, int bytesPerSample, bool truncated) =>
        width is 0 or > int.MaxValue || height is 0 or > int.MaxValue
            ? null
            : new ImageHeader(format, (int)width, (int)height, channels, bytesPerSample, truncated);
}
