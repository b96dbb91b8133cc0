namespace ScaleDefense;

/// <summary>A black-box float32 resize: source (the probe's source size) into destination (its target size), one channel.</summary>
public delegate void FloatScaler(ReadOnlySpan<float> source, ImageLayout sourceLayout, Span<float> destination, ImageLayout destinationLayout);

/// <summary>A black-box 8-bit resize: source (the probe's source size) into destination (its target size), one channel.</summary>
public delegate void ByteScaler(ReadOnlySpan<byte> source, ImageLayout sourceLayout, Span<byte> destination, ImageLayout destinationLayout);
