using System.Globalization;

namespace ScaleDefense;

/// <summary>
/// Bounds on the work one image may cause, checked before any of it is done, so that a hostile
/// image (a decompression bomb, a header that declares 60000×60000) is refused with a message
/// instead of exhausting the host's memory. Honoured by <see cref="ScalingModel.Create(ScalingLibrary, ScalingAlgorithm, ImageSize, ImageSize, ScalingOptions)"/>
/// (source and target), <see cref="SecureScaler"/> and the CLI (before decoding a file).
/// </summary>
public sealed record ResourceLimits
{
    /// <summary>The default <see cref="MaxPixels"/>: 100 megapixels (a 12000×8000 photo; every phone camera is below it).</summary>
    public const long DefaultMaxPixels = 100_000_000;

    /// <summary>The default <see cref="MaxBytes"/>: 1 GiB.</summary>
    public const long DefaultMaxBytes = 1L << 30;

    /// <summary>The largest width × height of one image. Default <see cref="DefaultMaxPixels"/>.</summary>
    public long MaxPixels
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxPixels), value, "MaxPixels must be positive.");
    } = DefaultMaxPixels;

    /// <summary>The largest decoded buffer of one image: width × height × channels × bytes per sample. Default <see cref="DefaultMaxBytes"/>.</summary>
    public long MaxBytes
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxBytes), value, "MaxBytes must be positive.");
    } = DefaultMaxBytes;

    /// <summary>100 megapixels, 1 GiB.</summary>
    public static ResourceLimits Default { get; } = new();

    /// <summary>Throws an <see cref="ArgumentException"/> that says which limit <paramref name="size"/> exceeds and how to raise it.</summary>
    /// <param name="size">The image's size.</param>
    /// <param name="channels">Its channels (1 when not known yet).</param>
    /// <param name="bytesPerSample">1 for 8-bit, 4 for float32.</param>
    /// <param name="what">What the image is, for the message (e.g. "source", "'photo.png'").</param>
    public void Require(ImageSize size, int channels, int bytesPerSample, string what)
    {
        long pixels = (long)size.Width * size.Height;
        if (pixels > MaxPixels)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{what} is {size} ({Megapixels(pixels)} megapixels), above the limit of {Megapixels(MaxPixels)} megapixels (ResourceLimits.MaxPixels); raise it only for sources you trust."), nameof(size));
        }
        double bytes = (double)pixels * channels * bytesPerSample;
        if (bytes > MaxBytes)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{what} ({size}, {channels} channels of {bytesPerSample} bytes) needs {bytes / (1 << 20):0} MiB, above the limit of {MaxBytes / (1 << 20)} MiB (ResourceLimits.MaxBytes)."), nameof(size));
        }
    }

    private static string Megapixels(long pixels) => (pixels / 1e6).ToString("0.#", CultureInfo.InvariantCulture);
}
