namespace ScaleDefense.Managed.Skia;

/// <summary>
/// Sample positions and weights of SkiaSharp 3.119's image shader as <c>SkPixmap::scalePixels</c> runs it
/// (the same tables as native/src/scaling/skia/skia_tables.cpp; docs/scalers/skiasharp.md).
/// </summary>
internal static class SkiaTables
{
    /// <summary>RectToRect's float scale inverted in float: f32(1 / f32(outputs / inputs)), not inputs / outputs.</summary>
    public static float InverseScale(int inputs, int outputs)
    {
        float scale = (float)outputs / inputs;
        return 1f / scale;
    }

    /// <summary>The source coordinate output <paramref name="output"/> samples: (i + 0.5) times the inverse scale, one float product.</summary>
    public static float SamplePosition(int output, float inverse) => (output + 0.5f) * inverse;

    /// <summary>Nearest (roundDownAtInteger): an exact integer position takes the pixel before it. One tap.</summary>
    public static KernelTable Nearest(int inputs, int outputs) => Nearest(inputs, outputs, InverseScale(inputs, outputs));

    /// <summary>Nearest with an explicit inverse scale (sampling a mip level).</summary>
    public static KernelTable Nearest(int inputs, int outputs, float inverse)
    {
        var t = new KernelTable(outputs, inputs, 1);
        for (int d = 0; d < outputs; d++)
        {
            float x = ClampPosition(SamplePosition(d, inverse), inputs);
            t.Source[d] = (int)BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(x) - 1);
            t.Weight[d] = 1.0;
        }
        return t;
    }

    /// <summary>
    /// lowp bilerp: the position minus 0.5 in 16.16 fixed point; taps at its integer part and the next
    /// (clamped), weights (1 − f, f) with f the 16-bit fraction / 65536; Lerp holds f − 32768 (Q15).
    /// </summary>
    public static (KernelTable Table, short[] Lerp) Linear(int inputs, int outputs) => Linear(inputs, outputs, InverseScale(inputs, outputs));

    /// <summary>Linear with an explicit inverse scale (sampling a mip level).</summary>
    public static (KernelTable Table, short[] Lerp) Linear(int inputs, int outputs, float inverse)
    {
        var t = new KernelTable(outputs, inputs, 2);
        var lerp = new short[outputs];
        for (int d = 0; d < outputs; d++)
        {
            float p = SamplePosition(d, inverse);
            int q = (int)MathF.Floor(65536f * p + 0.5f) - 32768;
            int integer = q >> 16;
            int fraction = q & 0xffff;
            t.Source[2 * d] = Math.Clamp(integer, 0, inputs - 1);
            t.Source[2 * d + 1] = Math.Clamp(integer + 1, 0, inputs - 1);
            t.Weight[2 * d] = 1.0 - fraction / 65536.0;
            t.Weight[2 * d + 1] = fraction / 65536.0;
            lerp[d] = (short)(fraction - 32768);
        }
        return (t, lerp);
    }

    /// <summary>The highp nearest stage at given positions (SKMipmapMode.Linear): one tap, roundDownAtInteger.</summary>
    public static KernelTable NearestAt(int inputs, float[] positions)
    {
        var t = new KernelTable(positions.Length, inputs, 1);
        for (int d = 0; d < positions.Length; d++)
        {
            float x = ClampPosition(positions[d], inputs);
            t.Source[d] = (int)BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(x) - 1);
            t.Weight[d] = 1.0;
        }
        return t;
    }

    /// <summary>The highp bilinear stages at given positions: taps at p − 0.5 and p + 0.5 (clamped, truncated), weights (1 − t, t), t = fract(p + 0.5) in float.</summary>
    public static KernelTable HighpLinearAt(int inputs, float[] positions)
    {
        var t = new KernelTable(positions.Length, inputs, 2);
        for (int d = 0; d < positions.Length; d++)
        {
            float p = positions[d];
            float f = p + 0.5f;
            f -= MathF.Floor(f);
            t.Source[2 * d] = (int)ClampPosition(p - 0.5f, inputs);
            t.Source[2 * d + 1] = (int)ClampPosition(p + 0.5f, inputs);
            t.Weight[2 * d] = 1f - f;
            t.Weight[2 * d + 1] = f;
        }
        return t;
    }

    /// <summary>CubicResamplerMatrix(B, C) column-major: weight k of t is w[k] + t (w[4 + k] + t (w[8 + k] + t w[12 + k])).</summary>
    public static float[] CubicCoefficients(float b, float c)
    {
        float[,] rows =
        {
            { (1f / 6) * b, -(3f / 6) * b - c, (3f / 6) * b + 2 * c, -(1f / 6) * b - c },
            { 1 - (2f / 6) * b, 0, -3 + (12f / 6) * b + c, 2 - (9f / 6) * b - c },
            { (1f / 6) * b, (3f / 6) * b + c, 3 - (15f / 6) * b - 2 * c, -2 + (9f / 6) * b + c },
            { 0, 0, -c, (1f / 6) * b + c },
        };
        var w = new float[16];
        for (int row = 0; row < 4; row++)
        {
            for (int col = 0; col < 4; col++)
            {
                w[col * 4 + row] = rows[row, col];
            }
        }
        return w;
    }

    /// <summary>bicubic_clamp_8888: taps floor(p − 1.5) .. + 3 clamped, weights the cubic of fract(p + 0.5) in float (no fused multiply-add).</summary>
    public static KernelTable Cubic(int inputs, int outputs, float[] w) => Cubic(inputs, outputs, w, new DrawSpan(0, outputs));

    /// <summary>
    /// Bicubic drawn into outputs <c>span.Offset .. + span.Size − 1</c> (SKCanvas.DrawImage into a rectangle):
    /// positions from RectToRect inverted in float, one multiply and one add; outputs outside get no weight.
    /// </summary>
    public static KernelTable Cubic(int inputs, int outputs, float[] w, DrawSpan span)
    {
        var t = new KernelTable(outputs, inputs, 4);
        if (span.Size <= 0)
        {
            return t; // an empty rectangle: Skia draws nothing
        }
        float inverse = InverseScale(inputs, span.Size);
        float translate = -(float)span.Offset * inverse;
        for (int d = Math.Max(span.Offset, 0); d < Math.Min(outputs, span.Offset + span.Size); d++)
        {
            float p = SamplePosition(d, inverse) + translate;
            float f = p + 0.5f;
            f -= MathF.Floor(f);
            float sample = p - 1.5f;
            for (int k = 0; k < 4; k++)
            {
                float weight = f * (f * (f * w[12 + k] + w[8 + k]) + w[4 + k]) + w[k];
                t.Source[4 * d + k] = (int)ClampPosition(sample, inputs);
                t.Weight[4 * d + k] = weight;
                sample += 1f;
            }
        }
        return t;
    }

    // FLT_MIN, the smallest normal float: the lower clamp of ix_and_ptr.
    private const float SmallestNormal = 1.17549435E-38f;

    // ix_and_ptr: the coordinate clamped to [FLT_MIN, the float just below the size].
    private static float ClampPosition(float x, int size)
    {
        float belowSize = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits((float)size) - 1);
        return Math.Min(Math.Max(x, SmallestNormal), belowSize);
    }
}
