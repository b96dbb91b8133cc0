using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>An independent L·X·R in double, from the model's sparse matrices, per channel.</summary>
internal static class MatrixProduct
{
    public static double[] Apply(CoefficientMatrix left, CoefficientMatrix right, float[] pixels, int sourceWidth, int channels)
    {
        int outRows = left.Rows;
        int outCols = right.Columns;
        var result = new double[outRows * outCols * channels];
        for (int r = 0; r < outRows; r++)
        {
            ReadOnlySpan<int> rows = left.GetSourceIndices(r);
            ReadOnlySpan<double> rowWeights = left.GetWeights(r);
            for (int c = 0; c < outCols; c++)
            {
                ReadOnlySpan<int> cols = right.GetSourceIndices(c);
                ReadOnlySpan<double> colWeights = right.GetWeights(c);
                for (int ch = 0; ch < channels; ch++)
                {
                    double sum = 0;
                    for (int a = 0; a < rows.Length; a++)
                    {
                        for (int b = 0; b < cols.Length; b++)
                        {
                            sum += rowWeights[a] * colWeights[b] * pixels[(rows[a] * sourceWidth + cols[b]) * channels + ch];
                        }
                    }
                    result[(r * outCols + c) * channels + ch] = sum;
                }
            }
        }
        return result;
    }
}
