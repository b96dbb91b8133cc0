namespace ScaleDefense;

/// <summary>
/// Which build of OpenCV a <see cref="ScalingLibrary.OpenCV"/> model reproduces. The builds differ in
/// one place: OpenCV built with Intel IPP (OpenCvSharp4's official runtimes, the opencv-python wheels)
/// runs <c>INTER_CUBIC</c> on sources of at least 4×4 with 1, 3 or 4 channels through IPP's own cubic,
/// whose weights and rounding differ from OpenCV's kernel by one grey level on a few percent of pixels.
/// Other libraries ignore it.
/// </summary>
public enum OpenCvBuild
{
    /// <summary>OpenCV's own kernels: a build without IPP (e.g. Debian's), or IPP switched off (<c>Cv2.SetUseOptimized(false)</c>, <c>OPENCV_IPP=disabled</c>).</summary>
    Plain = 0,

    /// <summary>The default: OpenCV as shipped with Intel IPP, IPP switched on (its default).</summary>
    Ipp = 1,
}
