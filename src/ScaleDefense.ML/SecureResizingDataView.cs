using Microsoft.ML;
using Microsoft.ML.Data;

namespace ScaleDefense.ML;

/// <summary>
/// The stock resizer's output view with the resized column's values replaced by the defense's.
/// The stock view keeps every input column at its index (hidden when the output shadows it), so
/// the source images are read from it.
/// </summary>
internal sealed class SecureResizingDataView : IDataView
{
    private readonly IDataView _stock;
    private readonly int _input;
    private readonly int _output;
    private readonly SecureMlImageResizer _resizer;

    public SecureResizingDataView(IDataView stock, int inputIndex, ResizedColumn column, SecureMlImageResizer resizer)
    {
        _stock = stock;
        _input = inputIndex;
        _output = stock.Schema[column.Output].Index;
        _resizer = resizer;
    }

    public bool CanShuffle => _stock.CanShuffle;

    public DataViewSchema Schema => _stock.Schema;

    public long? GetRowCount() => _stock.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        var needed = columnsNeeded.ToList();
        bool resizedActive = needed.Any(c => c.Index == _output);
        var forStock = needed.Where(c => c.Index != _output).ToList();
        if (resizedActive)
        {
            forStock.Add(_stock.Schema[_input]);
        }
        DataViewRowCursor cursor = _stock.GetRowCursor(forStock, rand);
        ValueGetter<MLImage>? source = resizedActive ? cursor.GetGetter<MLImage>(_stock.Schema[_input]) : null;
        return new SecureResizingCursor(new SecureResizingRow(cursor, _output, resizedActive, source, _resizer), cursor);
    }

    // One cursor is a valid answer: callers parallelise only where the view offers more.
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
