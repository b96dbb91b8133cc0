using Microsoft.ML;
using Microsoft.ML.Transforms.Image;

namespace ScaleDefense.ML;

/// <summary><c>mlContext.Transforms.SecureResizeImages(...)</c>: the defended twin of <c>ResizeImages</c>.</summary>
public static class SecureImageTransformsCatalog
{
    /// <summary>
    /// Resizes images as <see cref="ImageEstimatorsCatalog.ResizeImages(TransformsCatalog, string, int, int, string, ImageResizingEstimator.ResizingKind, ImageResizingEstimator.Anchor)"/>
    /// does, byte for byte, after rebuilding the pixels that resize reads (the set an image-scaling
    /// attack rewrites) with the selective median filter of <see cref="SecureScaler"/>.
    /// </summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="outputColumnName">The column that receives the resized images.</param>
    /// <param name="imageWidth">The width of the resized images.</param>
    /// <param name="imageHeight">The height of the resized images.</param>
    /// <param name="inputColumnName">The column of images to resize; <paramref name="outputColumnName"/> when null.</param>
    /// <param name="resizing">As in <c>ResizeImages</c>: IsoCrop (its default), IsoPad or Fill.</param>
    /// <param name="cropAnchor">As in <c>ResizeImages</c>: where IsoCrop keeps the image.</param>
    /// <exception cref="ArgumentException">A size is not positive, or an enum value is not defined.</exception>
    public static SecureImageResizingEstimator SecureResizeImages(this TransformsCatalog catalog, string outputColumnName,
        int imageWidth, int imageHeight, string? inputColumnName = null,
        ImageResizingEstimator.ResizingKind resizing = ImageResizingEstimator.ResizingKind.IsoCrop,
        ImageResizingEstimator.Anchor cropAnchor = ImageResizingEstimator.Anchor.Center) =>
        SecureResizeImages(catalog, outputColumnName, imageWidth, imageHeight, inputColumnName, resizing, cropAnchor, new SecureScalerOptions());

    /// <summary>As the overload without options, with the defense's options (reconstruction, filter window, backend, limits).</summary>
    public static SecureImageResizingEstimator SecureResizeImages(this TransformsCatalog catalog, string outputColumnName,
        int imageWidth, int imageHeight, string? inputColumnName, ImageResizingEstimator.ResizingKind resizing,
        ImageResizingEstimator.Anchor cropAnchor, SecureScalerOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        ArgumentNullException.ThrowIfNull(options);
        string input = inputColumnName ?? outputColumnName;
        var resize = new MlNetResize(new ImageSize(imageWidth, imageHeight), resizing, cropAnchor);
        // The stock estimator validates the columns and gives the output schema; the pixels are ours.
        ImageResizingEstimator stock = catalog.ResizeImages(outputColumnName, imageWidth, imageHeight, input, resizing, cropAnchor);
        return new SecureImageResizingEstimator(stock, new ResizedColumn(outputColumnName, input), resize, options);
    }
}
