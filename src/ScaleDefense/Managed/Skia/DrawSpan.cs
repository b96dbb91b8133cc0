namespace ScaleDefense.Managed.Skia;

/// <summary>Where SKCanvas.DrawImage puts the whole source along one axis: outputs Offset .. Offset + Size − 1 (the target clips).</summary>
internal readonly record struct DrawSpan(int Offset, int Size);
