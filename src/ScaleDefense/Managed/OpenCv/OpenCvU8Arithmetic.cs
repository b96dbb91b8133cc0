using System.Runtime.CompilerServices;

namespace ScaleDefense.Managed.OpenCv;

/// <summary>
/// cv::resize's 8-bit arithmetic: the interpolating kernels in fixed point (11-bit weights,
/// int rows), INTER_AREA in int sums or float32. Mirrors the U8 overloads of opencv_*kernels.cpp.
/// </summary>
internal readonly struct OpenCvU8Arithmetic : IOpenCvArithmetic<byte, int>
{
    // rne(w·2048): INTER_RESIZE_COEF_BITS = 11.
    public static int Weight(KernelTable table, int at) => table.Fixed[at];

    public static int Product(byte sample, int weight) => sample * weight;

    public static int Add(int sum, int term) => sum + term;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte LinearVertical(int h0, int q0, int h1, int q1)
    {
        // Each product keeps its high 16 bits (a SIMD multiply-high), so each term floors.
        int t = ((q0 * (h0 >> 4)) >> 16) + ((q1 * (h1 >> 4)) >> 16);
        return (byte)Math.Clamp((t + 2) >> 2, 0, 255);
    }

    // VResizeCubicVec_32s8u works on whole groups of 8 outputs; Lanczos4 has no 8-bit vector op.
    public static int WideVectorEnd(int n, bool cubic) => cubic ? n / 8 * 8 : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte WideVector(int[][] rows, int[] q, int e)
    {
        // VResizeCubicVec_32s8u: float32 with weights q·2^-22 (exact), v_muladd without FMA
        // nesting to the right, round half to even.
        float t0 = rows[0][e] * (q[0] * (1f / 4194304f));
        float t1 = rows[1][e] * (q[1] * (1f / 4194304f));
        float t2 = rows[2][e] * (q[2] * (1f / 4194304f));
        float t3 = rows[3][e] * (q[3] * (1f / 4194304f));
        float inner = t2 + t3;
        float middle = t1 + inner;
        float sum = t0 + middle;
        return Saturate(sum);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte WideScalar(int[][] rows, int[] q, int e)
    {
        // FixedPtCast<int, uchar, 22> with OpenCV's int32 wrap-around.
        uint sum = 0;
        for (int k = 0; k < q.Length; k++)
        {
            sum = unchecked(sum + (uint)rows[k][e] * (uint)q[k]);
        }
        int rounded = unchecked((int)(sum + (1u << 21)));
        return (byte)Math.Clamp(rounded >> 22, 0, 255);
    }

    // Channels 1, 3, 4 take a vector op over the whole row that rounds half up; 2 channels the
    // scalar loop, which rounds half to even.
    public static int Area2x2VectorColumns(int channels, int width) => channels != 2 ? width : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Area2x2Vector(byte topLeft, byte topRight, byte bottomLeft, byte bottomRight)
    {
        int sum = topLeft + topRight + bottomLeft + bottomRight;
        return (byte)((sum + 2) >> 2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Area2x2Scalar(byte topLeft, byte topRight, byte bottomLeft, byte bottomRight)
    {
        int sum = topLeft + topRight + bottomLeft + bottomRight;
        return (byte)(int)MathF.Round(sum * 0.25f, MidpointRounding.ToEven);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float BlockSum(ReadOnlySpan<byte> corner, int rowStride, int step, int kx, int ky, Span<byte> block)
    {
        int sum = 0; // an int sum: exact, so the order does not matter and block is not needed
        for (int sy = 0; sy < ky; sy++)
        {
            int at = sy * rowStride;
            for (int sx = 0; sx < kx; sx++)
            {
                sum += corner[at + sx * step];
            }
        }
        return sum;
    }

    public static float Widen(byte sample) => sample;

    // saturate_cast<uchar>(float): round half to even, then clamp.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Saturate(float value) => (byte)Math.Clamp(MathF.Round(value, MidpointRounding.ToEven), 0f, 255f);
}
