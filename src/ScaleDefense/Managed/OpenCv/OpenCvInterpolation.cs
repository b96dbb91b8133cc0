namespace ScaleDefense.Managed.OpenCv;

/// <summary>The separable kernels of cv::hal::resize's generic path (resizeGeneric_).</summary>
internal enum OpenCvInterpolation
{
    Linear,
    Cubic,
    Lanczos4,
}
