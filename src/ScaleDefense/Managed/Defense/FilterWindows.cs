namespace ScaleDefense.Managed.Defense;

/// <summary>Window bounds and widening (mirrors native/src/defense/filter_window.hpp).</summary>
internal readonly record struct FilterBounds(int X0, int X1, int Y0, int Y1)
{
    public static int HalfWidth(double ratio, FilterWindow kind) =>
        Math.Max(1, (int)Math.Floor(kind == FilterWindow.Paper ? ratio : ratio / 2));

    public static FilterBounds At(int y, int x, int halfX, int halfY, int width, int height) =>
        new(Math.Max(0, x - halfX), Math.Min(width - 1, x + halfX), Math.Max(0, y - halfY), Math.Min(height - 1, y + halfY));

    public bool HasOutsidePixel(ConsideredPixels p)
    {
        for (int y = Y0; y <= Y1; y++)
        {
            if (!p.RowInP[y])
            {
                return true;
            }
        }
        for (int x = X0; x <= X1; x++)
        {
            if (!p.ColumnInP[x])
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Grows by one pixel per side until a pixel outside P is inside; null when the whole image is P.</summary>
    public FilterBounds? WidenUntilOutside(ConsideredPixels p, int width, int height)
    {
        FilterBounds w = this;
        while (!w.HasOutsidePixel(p))
        {
            if (w.X0 == 0 && w.Y0 == 0 && w.X1 == width - 1 && w.Y1 == height - 1)
            {
                return null;
            }
            w = new(Math.Max(0, w.X0 - 1), Math.Min(width - 1, w.X1 + 1), Math.Max(0, w.Y0 - 1), Math.Min(height - 1, w.Y1 + 1));
        }
        return w;
    }
}
