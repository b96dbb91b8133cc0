using Microsoft.ML;
using Microsoft.ML.Transforms.Image;

namespace ScaleDefense.ML;

/// <summary>The estimator of <see cref="SecureImageTransformsCatalog.SecureResizeImages(TransformsCatalog, string, int, int, string?, ImageResizingEstimator.ResizingKind, ImageResizingEstimator.Anchor)"/>; it learns nothing.</summary>
public sealed class SecureImageResizingEstimator : IEstimator<SecureImageResizingTransformer>
{
    private readonly ImageResizingEstimator _stock;
    private readonly ResizedColumn _column;
    private readonly MlNetResize _resize;
    private readonly SecureScalerOptions _options;

    internal SecureImageResizingEstimator(ImageResizingEstimator stock, ResizedColumn column, MlNetResize resize, SecureScalerOptions options)
    {
        _stock = stock;
        _column = column;
        _resize = resize;
        _options = options;
    }

    /// <summary>The same schema as <c>ResizeImages</c> gives: an image column of the target size.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => _stock.GetOutputSchema(inputSchema);

    /// <summary>Checks the input schema and returns the transformer.</summary>
    public SecureImageResizingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new SecureImageResizingTransformer(_stock.Fit(input), _column, _resize, _options);
    }
}
