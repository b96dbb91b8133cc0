using System.Globalization;

namespace ScaleDefense;

/// <summary>Width and height of an image in pixels.</summary>
public readonly record struct ImageSize(int Width, int Height)
{
    /// <summary>Parses "WxH" (e.g. "224x224").</summary>
    /// <exception cref="FormatException">The text is not two positive integers (digits only: no sign, space or separator) separated by 'x'.</exception>
    public static ImageSize Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split('x', 'X');
        if (parts.Length == 2 && Dimension(parts[0]) is int w && Dimension(parts[1]) is int h)
        {
            return new ImageSize(w, h);
        }
        throw new FormatException($"'{text}' is not a size: expected WIDTHxHEIGHT with positive integers, e.g. 224x224.");
    }

    private static int? Dimension(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : null;

    /// <inheritdoc/>
    public override string ToString() => $"{Width}x{Height}";
}
