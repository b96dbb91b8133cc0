namespace ScaleDefense.Managed.OpenCv;

/// <summary>
/// Kernel weights of cv::hal::resize for one fractional offset f (resize.cpp: interpolateCubic,
/// interpolateLanczos4), in float32 exactly as OpenCV evaluates them. Mirrors opencv_weights.cpp.
/// </summary>
internal static class OpenCvWeights
{
    private const double S45 = 0.70710678118654752440084436210485;

    // (cos 3πk/4, −sin 3πk/4): each tap's sine from the one pair sin y0, cos y0.
    private static readonly double[] RotationSin = [1, -S45, 0, S45, -1, S45, 0, -S45];
    private static readonly double[] RotationCos = [0, -S45, 1, -S45, 0, S45, -1, S45];

    /// <summary>Keys cubic, A = −0.75, every step in float32; the last weight is 1 minus the others.</summary>
    public static void Cubic(float f, Span<float> c)
    {
        const float a = -0.75f;
        float u = f + 1f;
        c[0] = ((a * u - 5f * a) * u + 8f * a) * u - 4f * a;
        c[1] = ((a + 2f) * f - (a + 3f)) * f * f + 1f;
        float v = 1f - f;
        c[2] = ((a + 2f) * v - (a + 3f)) * v * v + 1f;
        c[3] = 1f - c[0] - c[1] - c[2];
    }

    /// <summary>Lanczos (a = 4) from one sine/cosine pair, normalised by 1 / (float32 sum).</summary>
    public static void Lanczos4(float f, Span<float> c)
    {
        float z = f + 3f;
        double y0 = -(double)z * Math.PI * 0.25;
        double sine = Math.Sin(y0);
        double cosine = Math.Cos(y0);
        float sum = 0f;
        for (int k = 0; k < 8; k++)
        {
            float u = z - k;
            if (MathF.Abs(u) >= 1e-6f)
            {
                double y = -(double)u * Math.PI * 0.25;
                c[k] = (float)((RotationSin[k] * sine + RotationCos[k] * cosine) / (y * y));
            }
            else
            {
                c[k] = 1e30f; // the centre tap at f = 0: normalisation makes it ~1, the rest ~0
            }
            sum += c[k];
        }
        float r = 1f / sum;
        for (int k = 0; k < 8; k++)
        {
            c[k] *= r;
        }
    }
}
