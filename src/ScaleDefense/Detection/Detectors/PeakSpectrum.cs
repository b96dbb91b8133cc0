using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace ScaleDefense.Detection;

/// <summary>
/// Quiring et al.'s peak-spectrum idea: an attack rewrites the pixels on the scaler's sampling grid,
/// a pattern with the grid's period β, so the spectrum along each axis peaks at multiples of
/// source/β = the target size. The score is the mean log10 ratio of the power at those frequencies
/// to the median power of their neighbourhood; the larger of the two axes counts.
/// </summary>
internal static class PeakSpectrum
{
    /// <summary>Lines averaged per axis: enough for a stable mean spectrum, few enough to stay cheap.</summary>
    private const int MaxLines = 192;

    private const int PeakHalfWidth = 1;
    private const int NeighbourhoodHalfWidth = 12;

    public static double Score(ReadOnlySpan<byte> image, ImageLayout layout, ImageSize target)
    {
        double horizontal = AxisScore(image, layout, target.Width, alongRows: true);
        double vertical = AxisScore(image, layout, target.Height, alongRows: false);
        return Math.Max(horizontal, vertical);
    }

    /// <summary>The grey value (channel mean) of one pixel.</summary>
    private static double Grey(ReadOnlySpan<byte> image, ImageLayout layout, int x, int y)
    {
        int at = (y * layout.RowStride) + (x * layout.Channels);
        int sum = 0;
        for (int k = 0; k < layout.Channels; k++)
        {
            sum += image[at + k];
        }
        return (double)sum / layout.Channels;
    }

    /// <summary>Mean power spectrum of up to <see cref="MaxLines"/> evenly spaced lines along one axis, then the peak measure.</summary>
    private static double AxisScore(ReadOnlySpan<byte> image, ImageLayout layout, int targetCount, bool alongRows)
    {
        int length = alongRows ? layout.Width : layout.Height;
        int lines = alongRows ? layout.Height : layout.Width;
        if (length < 4 * NeighbourhoodHalfWidth || targetCount >= length)
        {
            return 0;
        }
        int used = Math.Min(lines, MaxLines);
        var power = new double[length];
        var values = new double[length];
        var buffer = new Complex[length];
        var window = new double[length];
        for (int i = 0; i < length; i++)
        {
            window[i] = 0.5 - (0.5 * Math.Cos(2 * Math.PI * i / (length - 1)));
        }
        for (int n = 0; n < used; n++)
        {
            int line = (int)((long)n * lines / used);
            double mean = 0;
            for (int i = 0; i < length; i++)
            {
                values[i] = alongRows ? Grey(image, layout, i, line) : Grey(image, layout, line, i);
                mean += values[i];
            }
            mean /= length;
            for (int i = 0; i < length; i++)
            {
                buffer[i] = new Complex((values[i] - mean) * window[i], 0);
            }
            Fourier.Forward(buffer, FourierOptions.NoScaling);
            for (int i = 0; i < length; i++)
            {
                power[i] += (buffer[i].Real * buffer[i].Real) + (buffer[i].Imaginary * buffer[i].Imaginary);
            }
        }
        return PeakMeasure(power, length, targetCount);
    }

    private static double PeakMeasure(double[] power, int length, int targetCount)
    {
        int half = length / 2;
        double total = 0;
        int peaks = 0;
        var seen = new HashSet<int>();
        for (long m = 1; m * targetCount < length; m++)
        {
            int bin = (int)(m * targetCount % length);
            bin = Math.Min(bin, length - bin);
            if (bin <= NeighbourhoodHalfWidth || !seen.Add(bin))
            {
                continue;
            }
            double peak = 0;
            for (int k = bin - PeakHalfWidth; k <= bin + PeakHalfWidth; k++)
            {
                peak = Math.Max(peak, power[Fold(k, length, half)]);
            }
            var around = new List<double>(2 * NeighbourhoodHalfWidth);
            for (int k = bin - NeighbourhoodHalfWidth; k <= bin + NeighbourhoodHalfWidth; k++)
            {
                if (Math.Abs(k - bin) > PeakHalfWidth + 1)
                {
                    around.Add(power[Fold(k, length, half)]);
                }
            }
            around.Sort();
            double background = around[around.Count / 2];
            total += Math.Log10((peak + 1e-9) / (background + 1e-9));
            peaks++;
        }
        return peaks == 0 ? 0 : total / peaks;
    }

    /// <summary>The spectrum of a real signal is symmetric: bins past Nyquist fold back.</summary>
    private static int Fold(int k, int length, int half)
    {
        k = ((k % length) + length) % length;
        return k > half ? length - k : k;
    }
}
