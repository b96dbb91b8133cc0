using ScaleDefense.Managed.OpenCv;
using ScaleDefense.Managed.Pillow;
using ScaleDefense.Managed.PyTorch;
using ScaleDefense.Managed.Skia;
using ScaleDefense.Managed.TensorFlow;

namespace ScaleDefense.Managed;

/// <summary>Creates the managed baseline of a library's model (arguments already validated).</summary>
internal static class ManagedEngines
{
    public static IScalingEngine Create(ScalingLibrary library, ScalingAlgorithm algorithm, ImageSize source, ImageSize target, bool antialias,
                                       MipmapMode mipmaps, CubicResampler? cubic, OpenCvBuild build) =>
        library switch
        {
            ScalingLibrary.OpenCV => new ManagedOpenCvEngine(algorithm, source, target, build),
            ScalingLibrary.Pillow => ManagedPillowEngine.Create(algorithm, source, target),
            ScalingLibrary.TensorFlow or ScalingLibrary.TensorFlow1 => ManagedTensorFlowEngine.Create(library, algorithm, source, target, antialias),
            ScalingLibrary.PyTorch => ManagedPyTorchEngine.Create(algorithm, source, target, antialias),
            ScalingLibrary.SkiaSharp => new ManagedSkiaEngine(algorithm, source, target, mipmaps, cubic),
            _ => throw new ArgumentException($"Unknown scaling library {(int)library}.", nameof(library)),
        };
}
