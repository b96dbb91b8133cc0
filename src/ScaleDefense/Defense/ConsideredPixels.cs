namespace ScaleDefense;

/// <summary>
/// The set P = rows × columns of source pixels a scaler reads: every index with a stored (non-zero)
/// weight in L or R. Computed once per <see cref="ScalingModel"/> and shared by the analysis, the
/// managed filters and the attacks; the native core derives the same set inside its handle
/// (native/src/defense/considered_pixels.cpp), and the backend-equivalence tests hold the two together.
/// </summary>
internal sealed class ConsideredPixels
{
    private ConsideredPixels(bool[] rowInP, bool[] columnInP, double ratioX, double ratioY)
    {
        RowInP = rowInP;
        ColumnInP = columnInP;
        Rows = Enumerable.Range(0, rowInP.Length).Where(i => rowInP[i]).ToArray();
        Columns = Enumerable.Range(0, columnInP.Length).Where(i => columnInP[i]).ToArray();
        RatioX = ratioX;
        RatioY = ratioY;
    }

    /// <summary>P of the scaler <c>L·X·R</c>.</summary>
    public static ConsideredPixels FromMatrices(CoefficientMatrix left, CoefficientMatrix right) =>
        new(ReadIndices(left), ReadIndices(right),
            (double)right.InputCount / right.OutputCount, (double)left.InputCount / left.OutputCount);

    /// <summary>A set of rows × columns chosen by the caller (the heavily weighted pixels of a dense P), with the axes' ratios.</summary>
    public static ConsideredPixels FromFlags(bool[] rowInP, bool[] columnInP, double ratioX, double ratioY) =>
        new(rowInP, columnInP, ratioX, ratioY);

    /// <summary>For each source index of one axis, whether some output reads it (the CSR stores no zero weights).</summary>
    public static bool[] ReadIndices(CoefficientMatrix matrix)
    {
        var read = new bool[matrix.InputCount];
        for (int output = 0; output < matrix.OutputCount; output++)
        {
            foreach (int i in matrix.GetSourceIndices(output))
            {
                read[i] = true;
            }
        }
        return read;
    }

    public bool[] RowInP { get; }
    public bool[] ColumnInP { get; }
    public int[] Rows { get; }
    public int[] Columns { get; }
    public double RatioX { get; }
    public double RatioY { get; }

    public bool Contains(int y, int x) => RowInP[y] && ColumnInP[x];

    /// <summary>Every pixel is read (r = 1): there is nothing outside P to rebuild from.</summary>
    public bool CoversImage => Rows.Length == RowInP.Length && Columns.Length == ColumnInP.Length;
}
