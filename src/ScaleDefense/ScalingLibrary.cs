namespace ScaleDefense;

/// <summary>The library whose resize a <see cref="ScalingModel"/> reproduces.</summary>
public enum ScalingLibrary
{
    /// <summary>OpenCV's <c>cv::resize</c> (4.x; verified against 4.13 as shipped by OpenCvSharp4).</summary>
    OpenCV = 1,
}
