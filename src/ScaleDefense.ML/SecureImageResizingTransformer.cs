using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

namespace ScaleDefense.ML;

/// <summary>
/// Resizes images exactly as ML.NET's <see cref="ImageResizingTransformer"/> does, after the
/// selective median filter has rebuilt the pixels that resize reads. Dispose it to release the
/// native scaling models it caches.
/// </summary>
public sealed class SecureImageResizingTransformer : ITransformer, IDisposable
{
    private readonly ImageResizingTransformer _stock;
    private readonly ResizedColumn _column;
    private readonly SecureMlImageResizer _resizer;

    internal SecureImageResizingTransformer(ImageResizingTransformer stock, ResizedColumn column, MlNetResize resize, SecureScalerOptions options)
    {
        _stock = stock;
        _column = column;
        _resizer = new SecureMlImageResizer(resize, options);
    }

    /// <summary>Always true: the transformer works row by row (prediction engines can use it).</summary>
    public bool IsRowToRowMapper => true;

    /// <summary>The same schema as <c>ResizeImages</c> gives.</summary>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => _stock.GetOutputSchema(inputSchema);

    /// <summary>A row mapper for prediction engines.</summary>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) =>
        new SecureResizingMapper(((ITransformer)_stock).GetRowToRowMapper(inputSchema), _column, _resizer);

    /// <summary>The input with the resized column; images are resized lazily, as cursors read them.</summary>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new SecureResizingDataView(_stock.Transform(input), input.Schema[_column.Input].Index, _column, _resizer);
    }

    /// <summary>
    /// Not supported: loading a saved model would need ML.NET's internal component registry. Save
    /// the rest of the pipeline and put <c>SecureResizeImages</c> in front of it after loading
    /// (<c>secureTransformer.Append(loadedModel)</c>).
    /// </summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public void Save(ModelSaveContext ctx) => throw new NotSupportedException(
        "SecureResizeImages cannot be saved inside an ML.NET model. Save the pipeline after it, and after loading put it in front again: secureTransformer.Append(loadedModel).");

    /// <summary>Releases the cached scaling models.</summary>
    public void Dispose() => _resizer.Dispose();
}
