using Microsoft.ML;
using Microsoft.ML.Data;

namespace ScaleDefense.ML;

/// <summary>The stock resizer's row mapper with the resized column's getter replaced by ours.</summary>
internal sealed class SecureResizingMapper : IRowToRowMapper
{
    private readonly IRowToRowMapper _stock;
    private readonly ResizedColumn _column;
    private readonly SecureMlImageResizer _resizer;

    public SecureResizingMapper(IRowToRowMapper stock, ResizedColumn column, SecureMlImageResizer resizer)
    {
        _stock = stock;
        _column = column;
        _resizer = resizer;
    }

    public DataViewSchema InputSchema => _stock.InputSchema;

    public DataViewSchema OutputSchema => _stock.OutputSchema;

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns) =>
        _stock.GetDependencies(dependingColumns);

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(activeColumns);
        var active = activeColumns.ToList();
        int output = OutputSchema[_column.Output].Index;
        // The stock row is asked for every column but ours, so its resize never runs.
        DataViewRow stockRow = _stock.GetRow(input, active.Where(c => c.Index != output));
        bool resizedActive = active.Any(c => c.Index == output);
        ValueGetter<MLImage>? source = resizedActive ? input.GetGetter<MLImage>(input.Schema[_column.Input]) : null;
        return new SecureResizingRow(stockRow, output, resizedActive, source, _resizer);
    }
}
