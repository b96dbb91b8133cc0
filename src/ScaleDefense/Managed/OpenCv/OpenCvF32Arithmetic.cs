using System.Runtime.CompilerServices;

namespace ScaleDefense.Managed.OpenCv;

/// <summary>
/// cv::resize's float32 arithmetic: every product and sum rounded to float32 in the order the SSE
/// build computes it (no fused multiply-add). Mirrors the F32 overloads of opencv_*kernels.cpp.
/// </summary>
internal readonly struct OpenCvF32Arithmetic : IOpenCvArithmetic<float, float>
{
    public static float Weight(KernelTable table, int at) => (float)table.Weight[at];

    public static float Product(float sample, float weight) => sample * weight;

    public static float Add(float sum, float term) => sum + term;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float LinearVertical(float h0, float v0, float h1, float v1)
    {
        float a = h0 * v0;
        float b = h1 * v1;
        return a + b;
    }

    // VResizeCubicVec_32f / VResizeLanczos4Vec_32f work on whole groups of 4 lanes.
    public static int WideVectorEnd(int n, bool cubic) => n / 4 * 4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float WideVector(float[][] rows, float[] beta, int e)
    {
        // The vector ops chain v_muladd(b_k, S_k, acc) from the last tap inwards:
        // t0 + (t1 + (... + t_last)).
        int taps = beta.Length;
        float sum = rows[taps - 1][e] * beta[taps - 1];
        for (int k = taps - 2; k >= 0; k--)
        {
            float product = rows[k][e] * beta[k];
            sum = product + sum;
        }
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float WideScalar(float[][] rows, float[] beta, int e)
    {
        // The scalar loops (VResizeCubic, VResizeLanczos4) add left to right.
        float sum = rows[0][e] * beta[0];
        for (int k = 1; k < beta.Length; k++)
        {
            float product = rows[k][e] * beta[k];
            sum += product;
        }
        return sum;
    }

    // The vector op covers whole groups of 4 outputs with 1 channel and every pixel with 4.
    public static int Area2x2VectorColumns(int channels, int width) => channels == 1 ? width / 4 * 4 : channels == 4 ? width : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Area2x2Vector(float topLeft, float topRight, float bottomLeft, float bottomRight)
    {
        // The two row pairs first.
        float top = topLeft + topRight;
        float bottom = bottomLeft + bottomRight;
        float sum = top + bottom;
        return sum * 0.25f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Area2x2Scalar(float topLeft, float topRight, float bottomLeft, float bottomRight)
    {
        // The four values in row-major order.
        float sum = ((topLeft + topRight) + bottomLeft) + bottomRight;
        return sum * 0.25f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float BlockSum(ReadOnlySpan<float> corner, int rowStride, int step, int kx, int ky, Span<float> block)
    {
        for (int sy = 0; sy < ky; sy++)
        {
            for (int sx = 0; sx < kx; sx++)
            {
                block[sy * kx + sx] = corner[sy * rowStride + sx * step];
            }
        }
        // The unrolled loop adds four block values (row-major) among themselves before the sum.
        float sum = 0f;
        int k = 0;
        for (; k + 4 <= block.Length; k += 4)
        {
            float group = ((block[k] + block[k + 1]) + block[k + 2]) + block[k + 3];
            sum += group;
        }
        for (; k < block.Length; k++)
        {
            sum += block[k];
        }
        return sum;
    }

    public static float Widen(float sample) => sample;

    public static float Saturate(float value) => value;
}
