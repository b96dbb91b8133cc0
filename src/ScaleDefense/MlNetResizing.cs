namespace ScaleDefense;

/// <summary>
/// How ML.NET's <c>ResizeImages</c> fits an image to the target (its <c>ResizingKind</c>); with
/// <see cref="ScalingLibrary.MlNet"/> in <see cref="ScalingOptions.MlNetResizing"/>.
/// </summary>
public enum MlNetResizing
{
    /// <summary>Keep the aspect ratio, cover the target, crop the overhang (ML.NET's default); Mitchell cubic, <see cref="ScalingAlgorithm.Bicubic"/>.</summary>
    IsoCrop = 0,

    /// <summary>Keep the aspect ratio, fit inside the target; the margins stay 0. Mitchell cubic, <see cref="ScalingAlgorithm.Bicubic"/>.</summary>
    IsoPad = 1,

    /// <summary>Stretch to the target; nearest sampling, <see cref="ScalingAlgorithm.Nearest"/>.</summary>
    Fill = 2,
}

/// <summary>Where <see cref="MlNetResizing.IsoCrop"/> keeps the image (ML.NET's <c>Anchor</c>).</summary>
public enum CropAnchor
{
    /// <summary>Centred (ML.NET's default).</summary>
    Center = 0,

    /// <summary>The top rows are kept.</summary>
    Top = 1,

    /// <summary>The bottom rows are kept.</summary>
    Bottom = 2,

    /// <summary>The left columns are kept.</summary>
    Left = 3,

    /// <summary>The right columns are kept.</summary>
    Right = 4,
}
