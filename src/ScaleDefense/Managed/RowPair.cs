using System.Buffers;

namespace ScaleDefense.Managed;

/// <summary>
/// The two horizontally resampled source rows the vertical pass of a two-tap kernel needs.
/// Rows of consecutive outputs are non-decreasing, so each source row is resampled once.
/// A struct over pooled buffers, so steady-state calls do not allocate; pass it by ref.
/// </summary>
internal struct RowPair<T> : IDisposable
{
    private readonly T[] _first;
    private readonly T[] _second;
    private int _firstId;
    private int _secondId;
    private bool _nextIsSecond;

    public RowPair(int length)
    {
        _first = ArrayPool<T>.Shared.Rent(length);
        _second = ArrayPool<T>.Shared.Rent(length);
        _firstId = -1;
        _secondId = -1;
    }

    public readonly bool TryGet(int sourceRow, out T[] row)
    {
        row = sourceRow == _firstId ? _first : sourceRow == _secondId ? _second : [];
        return row.Length > 0;
    }

    public T[] Claim(int sourceRow)
    {
        bool second = _nextIsSecond;
        _nextIsSecond = !second;
        if (second)
        {
            _secondId = sourceRow;
            return _second;
        }
        _firstId = sourceRow;
        return _first;
    }

    public readonly void Dispose()
    {
        ArrayPool<T>.Shared.Return(_first);
        ArrayPool<T>.Shared.Return(_second);
    }
}
