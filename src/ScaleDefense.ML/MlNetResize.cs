using Microsoft.ML.Transforms.Image;

namespace ScaleDefense.ML;

/// <summary>What a <c>ResizeImages</c> call asks for, translated to a ScaleDefense ML.NET model.</summary>
internal sealed record MlNetResize(ImageSize Target, ImageResizingEstimator.ResizingKind Resizing, ImageResizingEstimator.Anchor Anchor)
{
    /// <summary>A secure scaler whose models reproduce this resize; the options' reconstruction, filter, backend and limits are kept.</summary>
    public SecureScaler CreateSecureScaler(SecureScalerOptions options)
    {
        MlNetResizing resizing = Resizing switch
        {
            ImageResizingEstimator.ResizingKind.IsoCrop => MlNetResizing.IsoCrop,
            ImageResizingEstimator.ResizingKind.IsoPad => MlNetResizing.IsoPad,
            ImageResizingEstimator.ResizingKind.Fill => MlNetResizing.Fill,
            _ => throw new ArgumentException($"Unknown ML.NET resizing kind {(int)Resizing}; use IsoCrop, IsoPad or Fill.", nameof(options)),
        };
        CropAnchor anchor = Anchor switch
        {
            ImageResizingEstimator.Anchor.Center => CropAnchor.Center,
            ImageResizingEstimator.Anchor.Top => CropAnchor.Top,
            ImageResizingEstimator.Anchor.Bottom => CropAnchor.Bottom,
            ImageResizingEstimator.Anchor.Left => CropAnchor.Left,
            ImageResizingEstimator.Anchor.Right => CropAnchor.Right,
            _ => throw new ArgumentException($"Unknown ML.NET crop anchor {(int)Anchor}; use Center, Top, Bottom, Left or Right.", nameof(options)),
        };
        // ML.NET ignores the anchor unless it crops; so do we.
        ScalingOptions scaling = options.Scaling with { MlNetResizing = resizing, CropAnchor = resizing == MlNetResizing.IsoCrop ? anchor : CropAnchor.Center };
        ScalingAlgorithm algorithm = resizing == MlNetResizing.Fill ? ScalingAlgorithm.Nearest : ScalingAlgorithm.Bicubic;
        return new SecureScaler(ScalingLibrary.MlNet, algorithm, Target, options with { Scaling = scaling });
    }
}
