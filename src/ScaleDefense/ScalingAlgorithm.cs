namespace ScaleDefense;

/// <summary>The interpolation a scaler uses. Not every library has every algorithm: see <see cref="ScalerCatalog"/>.</summary>
public enum ScalingAlgorithm
{
    /// <summary>Nearest neighbour (OpenCV: <c>INTER_NEAREST</c>, the top-left-biased pixel).</summary>
    Nearest = 1,

    /// <summary>Bilinear (OpenCV: <c>INTER_LINEAR</c>, 11-bit fixed point for 8-bit images).</summary>
    Bilinear = 2,

    /// <summary>Bicubic (Keys' cubic; a = −0.75 in OpenCV, TensorFlow 1 and PyTorch, −0.5 in Pillow and TensorFlow 2; SkiaSharp: the B/C cubic of <see cref="ScalingOptions.Cubic"/>, Mitchell by default).</summary>
    Bicubic = 3,

    /// <summary>Area averaging (OpenCV <c>INTER_AREA</c>, TensorFlow <c>area</c>, PyTorch <c>area</c>).</summary>
    Area = 4,

    /// <summary>Lanczos: OpenCV's <c>INTER_LANCZOS4</c> (8 taps), Pillow's <c>LANCZOS</c> (a = 3).</summary>
    Lanczos = 5,

    /// <summary>Nearest neighbour at the pixel centre (OpenCV <c>INTER_NEAREST_EXACT</c>, PyTorch <c>nearest-exact</c>).</summary>
    NearestExact = 6,

    /// <summary>Pillow's <c>BOX</c>.</summary>
    Box = 7,

    /// <summary>Pillow's <c>HAMMING</c>.</summary>
    Hamming = 8,

    /// <summary>TensorFlow's <c>lanczos3</c>.</summary>
    Lanczos3 = 9,

    /// <summary>TensorFlow's <c>lanczos5</c>.</summary>
    Lanczos5 = 10,

    /// <summary>TensorFlow's <c>gaussian</c>.</summary>
    Gaussian = 11,

    /// <summary>TensorFlow's <c>mitchellcubic</c>.</summary>
    MitchellCubic = 12,

    /// <summary>Whatever the coefficient matrices of a <see cref="ScalingLibrary.Custom"/> model say.</summary>
    Custom = 100,
}
