using Microsoft.ML;
using Microsoft.ML.Data;

namespace ScaleDefense.ML;

/// <summary>A cursor over <see cref="SecureResizingDataView"/>: the stock cursor moves, our row answers.</summary>
internal sealed class SecureResizingCursor : DataViewRowCursor
{
    private readonly SecureResizingRow _row;
    private readonly DataViewRowCursor _stock;

    public SecureResizingCursor(SecureResizingRow row, DataViewRowCursor stock)
    {
        _row = row;
        _stock = stock;
    }

    public override DataViewSchema Schema => _row.Schema;

    public override long Position => _stock.Position;

    public override long Batch => _stock.Batch;

    public override bool MoveNext() => _stock.MoveNext();

    public override ValueGetter<DataViewRowId> GetIdGetter() => _stock.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) => _row.IsColumnActive(column);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _row.GetGetter<TValue>(column);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _row.Dispose();
        }
        base.Dispose(disposing);
    }
}
