namespace ScaleDefense;

/// <summary>
/// How an interleaved image lies in a span: size, channels, and the distance between row
/// starts in samples (elements of the span, not bytes). Rows may be padded.
/// </summary>
public readonly record struct ImageLayout
{
    /// <summary>A layout with unpadded rows.</summary>
    public ImageLayout(int width, int height, int channels) : this(width, height, channels, width * channels) { }

    /// <summary>A layout with an explicit row stride in samples.</summary>
    public ImageLayout(int width, int height, int channels, int rowStride)
    {
        Width = width;
        Height = height;
        Channels = channels;
        RowStride = rowStride;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Interleaved channels per pixel (1..4).</summary>
    public int Channels { get; }

    /// <summary>Samples from the start of one row to the start of the next.</summary>
    public int RowStride { get; }

    /// <summary>The image's size.</summary>
    public ImageSize Size => new(Width, Height);

    /// <summary>Samples a span must hold: every row but the last in full, then one row.</summary>
    public long RequiredLength => ((long)Height - 1) * RowStride + (long)Width * Channels;

    /// <summary>Throws an <see cref="ArgumentException"/> naming <paramref name="name"/> when the layout is unusable for a span of <paramref name="length"/> samples.</summary>
    public void Validate(int length, string name)
    {
        if (Width <= 0 || Height <= 0)
        {
            throw new ArgumentException($"{name}: width and height must be positive, got {Width}x{Height}.", name);
        }
        if (Channels is < 1 or > 4)
        {
            throw new ArgumentException($"{name}: channels must be 1..4, got {Channels}.", name);
        }
        if (RowStride < (long)Width * Channels)
        {
            throw new ArgumentException(
                $"{name}: row stride {RowStride} is smaller than a row ({Width} pixels x {Channels} channels = {(long)Width * Channels} samples).", name);
        }
        if (length < RequiredLength)
        {
            throw new ArgumentException(
                $"{name}: the buffer holds {length} samples but a {Width}x{Height}x{Channels} image with row stride {RowStride} needs {RequiredLength}.", name);
        }
    }
}
