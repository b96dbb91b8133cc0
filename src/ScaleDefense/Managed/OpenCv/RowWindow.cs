using System.Buffers;

namespace ScaleDefense.Managed.OpenCv;

/// <summary>Horizontally resampled rows of a K-tap vertical pass: the window only moves
/// down, so row r lives in slot r mod K and each source row is resampled once.</summary>
internal readonly struct RowWindow<T> : IDisposable
{
    private readonly T[][] _rows;
    private readonly int[] _ids;

    public RowWindow(int taps, int length)
    {
        _rows = new T[taps][];
        _ids = new int[taps];
        for (int k = 0; k < taps; k++)
        {
            _rows[k] = ArrayPool<T>.Shared.Rent(length);
            _ids[k] = -1;
        }
    }

    public bool TryGet(int sourceRow, out T[] row)
    {
        int slot = sourceRow % _rows.Length;
        row = _rows[slot];
        return _ids[slot] == sourceRow;
    }

    public T[] Claim(int sourceRow)
    {
        int slot = sourceRow % _rows.Length;
        _ids[slot] = sourceRow;
        return _rows[slot];
    }

    public void Dispose()
    {
        foreach (T[] row in _rows)
        {
            ArrayPool<T>.Shared.Return(row);
        }
    }
}
