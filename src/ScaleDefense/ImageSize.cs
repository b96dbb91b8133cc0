namespace ScaleDefense;

/// <summary>Width and height of an image in pixels.</summary>
public readonly record struct ImageSize(int Width, int Height)
{
    /// <summary>Parses "WxH" (e.g. "224x224").</summary>
    /// <exception cref="FormatException">The text is not two positive integers separated by 'x'.</exception>
    public static ImageSize Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split('x', 'X');
        if (parts.Length == 2 && int.TryParse(parts[0], out int w) && int.TryParse(parts[1], out int h) && w > 0 && h > 0)
        {
            return new ImageSize(w, h);
        }
        throw new FormatException($"'{text}' is not a size: expected WIDTHxHEIGHT with positive integers, e.g. 224x224.");
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Width}x{Height}";
}
