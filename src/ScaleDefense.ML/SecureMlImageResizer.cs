using Microsoft.ML.Data;

namespace ScaleDefense.ML;

/// <summary>One image through the defense: MLImage in, MLImage of the target size out.</summary>
internal sealed class SecureMlImageResizer : IDisposable
{
    private readonly SecureScaler _scaler;
    private readonly ImageSize _target;

    public SecureMlImageResizer(MlNetResize resize, SecureScalerOptions options)
    {
        _target = resize.Target;
        _scaler = resize.CreateSecureScaler(options);
    }

    /// <summary>Null in, null out, as ML.NET's own resizer treats missing images.</summary>
    public MLImage? Resize(MLImage? source)
    {
        if (source is null)
        {
            return null;
        }
        if (source.PixelFormat is not (MLPixelFormat.Bgra32 or MLPixelFormat.Rgba32))
        {
            throw new ArgumentException($"An MLImage in {source.PixelFormat} cannot be resized; ML.NET images are Bgra32 or Rgba32.", nameof(source));
        }
        var sourceLayout = new ImageLayout(source.Width, source.Height, 4);
        var destinationLayout = new ImageLayout(_target.Width, _target.Height, 4);
        var destination = new byte[destinationLayout.RequiredLength];
        // Resizing treats the four channels alike, so the channel order passes through unchanged.
        _scaler.Resize(source.Pixels, sourceLayout, destination, destinationLayout);
        return MLImage.CreateFromPixels(_target.Width, _target.Height, source.PixelFormat, destination);
    }

    public void Dispose() => _scaler.Dispose();
}
