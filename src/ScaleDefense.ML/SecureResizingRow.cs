using Microsoft.ML;
using Microsoft.ML.Data;

namespace ScaleDefense.ML;

/// <summary>A row of the stock resizer's output whose resized column comes from the defense.</summary>
internal sealed class SecureResizingRow : DataViewRow
{
    private readonly DataViewRow _stock;
    private readonly int _output;
    private readonly bool _outputActive;
    private readonly ValueGetter<MLImage>? _source;
    private readonly SecureMlImageResizer _resizer;

    public SecureResizingRow(DataViewRow stock, int output, bool outputActive, ValueGetter<MLImage>? source, SecureMlImageResizer resizer)
    {
        _stock = stock;
        _output = output;
        _outputActive = outputActive;
        _source = source;
        _resizer = resizer;
    }

    public override DataViewSchema Schema => _stock.Schema;

    public override long Position => _stock.Position;

    public override long Batch => _stock.Batch;

    public override ValueGetter<DataViewRowId> GetIdGetter() => _stock.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) =>
        column.Index == _output ? _outputActive : _stock.IsColumnActive(column);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
        column.Index == _output ? ResizedGetter.Create<TValue>(_outputActive ? _source : null, _resizer, column) : _stock.GetGetter<TValue>(column);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stock.Dispose();
        }
        base.Dispose(disposing);
    }
}
