namespace ScaleDefense.Cli.Imaging;

/// <summary>What a file's header declares, read before anything is decoded.</summary>
/// <param name="Format">PNG, JPEG, ...</param>
/// <param name="Width">Declared width.</param>
/// <param name="Height">Declared height.</param>
/// <param name="Channels">Declared channels (an upper bound where the header does not say: 4).</param>
/// <param name="BytesPerSample">1, 2 (16-bit) or 4 (float).</param>
/// <param name="Truncated">The file ends before the image does (no end marker, or shorter than the header says).</param>
internal sealed record ImageHeader(string Format, int Width, int Height, int Channels, int BytesPerSample, bool Truncated)
{
    public ImageSize Size => new(Width, Height);
}
