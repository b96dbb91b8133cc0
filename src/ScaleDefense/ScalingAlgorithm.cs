namespace ScaleDefense;

/// <summary>The interpolation a scaler uses.</summary>
public enum ScalingAlgorithm
{
    /// <summary>Nearest neighbour (OpenCV: <c>INTER_NEAREST</c>, the top-left-biased pixel).</summary>
    Nearest = 1,

    /// <summary>Bilinear (OpenCV: <c>INTER_LINEAR</c>, 11-bit fixed point for 8-bit images).</summary>
    Bilinear = 2,
}
