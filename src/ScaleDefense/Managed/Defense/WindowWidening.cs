namespace ScaleDefense.Managed.Defense;

/// <summary>
/// <see cref="FilterBounds.WidenUntilOutside"/> in constant time per window: the nearest row and
/// column outside P on each side are tabulated once, so a window that must grow far (P covering
/// nearly the whole image) costs no more than one that need not. Same bounds as the loop.
/// </summary>
internal sealed class WindowWidening
{
    private readonly int _width;
    private readonly int _height;
    private readonly int[] _rowAbove;    // largest row <= y outside P, or -1
    private readonly int[] _rowBelow;    // smallest row >= y outside P, or height
    private readonly int[] _columnLeft;  // likewise for columns
    private readonly int[] _columnRight;

    public WindowWidening(ConsideredPixels p, int width, int height)
    {
        _width = width;
        _height = height;
        (_rowAbove, _rowBelow) = Nearest(p.RowInP, height);
        (_columnLeft, _columnRight) = Nearest(p.ColumnInP, width);
    }

    /// <summary>The window grown by the same number of pixels per side (clipped) as the loop would; null when the whole image is P.</summary>
    public FilterBounds? Widen(FilterBounds w)
    {
        long grow = Math.Min(Reach(_rowAbove, _rowBelow, w.Y0, w.Y1, _height), Reach(_columnLeft, _columnRight, w.X0, w.X1, _width));
        if (grow == long.MaxValue)
        {
            return null;
        }
        int g = (int)grow;
        return new FilterBounds(Math.Max(0, w.X0 - g), Math.Min(_width - 1, w.X1 + g), Math.Max(0, w.Y0 - g), Math.Min(_height - 1, w.Y1 + g));
    }

    // Growth per side until [first, last] holds an index outside P (0: it holds one); MaxValue: none exists.
    private static long Reach(int[] before, int[] after, int first, int last, int length)
    {
        if (after[first] <= last)
        {
            return 0;
        }
        long reach = long.MaxValue;
        if (before[first] >= 0)
        {
            reach = first - before[first];
        }
        if (after[last] < length)
        {
            reach = Math.Min(reach, after[last] - last);
        }
        return reach;
    }

    private static (int[] Before, int[] After) Nearest(bool[] inP, int length)
    {
        var before = new int[length];
        var after = new int[length];
        int last = -1;
        for (int i = 0; i < length; i++)
        {
            last = inP[i] ? last : i;
            before[i] = last;
        }
        int next = length;
        for (int i = length - 1; i >= 0; i--)
        {
            next = inP[i] ? next : i;
            after[i] = next;
        }
        return (before, after);
    }
}
