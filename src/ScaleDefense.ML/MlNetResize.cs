using Microsoft.ML.Transforms.Image;

namespace ScaleDefense.ML;

/// <summary>What a <c>ResizeImages</c> call asks for, translated to a ScaleDefense model.</summary>
internal sealed record MlNetResize(ImageSize Target, ImageResizingEstimator.ResizingKind Resizing, ImageResizingEstimator.Anchor Anchor)
{
    public SecureScaler CreateSecureScaler(SecureScalerOptions options)
    {
        if (Target.Width <= 0 || Target.Height <= 0)
        {
            throw new ArgumentException($"The target size {Target.Width}×{Target.Height} must be positive.", nameof(options));
        }
        throw new NotImplementedException("ML.NET model pending");
    }
}
