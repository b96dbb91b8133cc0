using System.Numerics;
using MathNet.Numerics.IntegralTransforms;
using ScaleDefense.Cli.Imaging;

namespace ScaleDefense.Cli.Eval;

/// <summary>
/// An adaptive attack against the peak-spectrum detector (Quiring et al. 2023 tried the same idea):
/// the attack's change A − S is notch-filtered along every row and column at the frequencies the
/// sampling grid aliases (multiples of the target size, ± a few bins), so the spectrum loses its
/// peaks. The price: those bins carry the low frequencies of the target's difference from
/// scale(S), so the wider the notch, the less of the target survives the scaler.
/// </summary>
internal static class PeakSuppression
{
    /// <summary>Notch half-widths (in frequency bins) tried in order, narrowest first.</summary>
    public static IReadOnlyList<int> HalfWidths { get; } = [1, 2, 4];

    /// <summary>The attack image with its change notch-filtered at ±<paramref name="halfWidth"/> bins around each m·target.</summary>
    public static PackedImage Apply(PackedImage attack, PackedImage source, ImageSize target, int halfWidth)
    {
        int w = attack.Size.Width, h = attack.Size.Height, c = attack.Channels;
        var change = new double[(long)w * h * c];
        for (int y = 0; y < h; y++)
        {
            for (int i = 0; i < w * c; i++)
            {
                change[((long)y * w * c) + i] = attack.Pixels[(y * attack.Layout.RowStride) + i] - source.Pixels[(y * source.Layout.RowStride) + i];
            }
        }
        bool[] rowNotch = Notch(w, target.Width, halfWidth), columnNotch = Notch(h, target.Height, halfWidth);
        for (int ch = 0; ch < c; ch++)
        {
            for (int y = 0; y < h; y++)
            {
                Filter(change, w, rowNotch, i => ((long)y * w * c) + (i * c) + ch);
            }
            for (int x = 0; x < w; x++)
            {
                Filter(change, h, columnNotch, i => ((long)i * w * c) + (x * c) + ch);
            }
        }
        var result = new byte[(long)w * h * c];
        for (int y = 0; y < h; y++)
        {
            for (int i = 0; i < w * c; i++)
            {
                long at = ((long)y * w * c) + i;
                result[at] = (byte)Math.Clamp(Math.Round(source.Pixels[(y * source.Layout.RowStride) + i] + change[at]), 0, 255);
            }
        }
        return PackedImage.Of(result, attack.Size, c);
    }

    // Bins within ±halfWidth of m·count (and their mirrors), m ≥ 1, below the length.
    private static bool[] Notch(int length, int count, int halfWidth)
    {
        var notch = new bool[length];
        for (long m = 1; m * count < length; m++)
        {
            int bin = (int)(m * count);
            for (int k = bin - halfWidth; k <= bin + halfWidth; k++)
            {
                if (k > 0 && k < length)
                {
                    notch[k] = true;
                    notch[length - k] = true;
                }
            }
        }
        return notch;
    }

    // One line of the change, read and written back through index(i).
    private static void Filter(double[] data, int length, bool[] notch, Func<int, long> index)
    {
        var spectrum = new Complex[length];
        for (int i = 0; i < length; i++)
        {
            spectrum[i] = new Complex(data[index(i)], 0);
        }
        Fourier.Forward(spectrum, FourierOptions.Default);
        for (int k = 0; k < spectrum.Length; k++)
        {
            if (notch[k])
            {
                spectrum[k] = Complex.Zero;
            }
        }
        Fourier.Inverse(spectrum, FourierOptions.Default);
        for (int i = 0; i < spectrum.Length; i++)
        {
            data[index(i)] = spectrum[i].Real;
        }
    }
}
