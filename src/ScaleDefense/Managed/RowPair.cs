namespace ScaleDefense.Managed;

/// <summary>
/// The two horizontally resampled source rows the vertical pass of a two-tap kernel needs.
/// Rows of consecutive outputs are non-decreasing, so each source row is resampled once.
/// </summary>
internal sealed class RowPair<T>
{
    private readonly T[][] _rows;
    private readonly int[] _ids = [-1, -1];
    private int _next;

    public RowPair(int length) => _rows = [new T[length], new T[length]];

    public bool TryGet(int sourceRow, out T[] row)
    {
        for (int slot = 0; slot < 2; slot++)
        {
            if (_ids[slot] == sourceRow)
            {
                row = _rows[slot];
                return true;
            }
        }
        row = [];
        return false;
    }

    public T[] Claim(int sourceRow)
    {
        int slot = _next;
        _next ^= 1;
        _ids[slot] = sourceRow;
        return _rows[slot];
    }
}
