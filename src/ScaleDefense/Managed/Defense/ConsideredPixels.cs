namespace ScaleDefense.Managed.Defense;

/// <summary>The set P = rows × columns of source pixels a scaler reads, from its CSR matrices (mirrors native/src/defense/considered_pixels).</summary>
internal sealed class ConsideredPixels
{
    public ConsideredPixels(int[] vIndices, int height, int[] hIndices, int width, double ratioX, double ratioY)
    {
        RowInP = Flags(vIndices, height);
        ColumnInP = Flags(hIndices, width);
        Rows = Enumerable.Range(0, height).Where(i => RowInP[i]).ToArray();
        Columns = Enumerable.Range(0, width).Where(i => ColumnInP[i]).ToArray();
        RatioX = ratioX;
        RatioY = ratioY;
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

    // Indices with a stored (non-zero) weight; the CSR drops zeros already.
    private static bool[] Flags(int[] indices, int count)
    {
        var flags = new bool[count];
        foreach (int i in indices)
        {
            flags[i] = true;
        }
        return flags;
    }
}
