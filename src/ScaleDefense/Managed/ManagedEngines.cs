using ScaleDefense.Managed.MlNet;
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
                                       MipmapMode mipmaps, CubicResampler? cubic, OpenCvBuild build, MlNetFit? fit) =>
        library switch
        {
            ScalingLibrary.OpenCV => new ManagedOpenCvEngine(algorithm, source, target, build),
            ScalingLibrary.Pillow => ManagedPillowEngine.Create(algorithm, source, target),
            ScalingLibrary.TensorFlow or ScalingLibrary.TensorFlow1 => ManagedTensorFlowEngine.Create(library, algorithm, source, target, antialias),
            ScalingLibrary.PyTorch => ManagedPyTorchEngine.Create(algorithm, source, target, antialias),
            ScalingLibrary.SkiaSharp => new ManagedSkiaEngine(algorithm, source, target, mipmaps, cubic),
            ScalingLibrary.MlNet => MlNetEngine(algorithm, source, target, fit!.Value),
            _ => throw new ArgumentException($"Unknown scaling library {(int)library}.", nameof(library)),
        };

    // Fill is SKBitmap.Resize with nearest; IsoCrop and IsoPad draw into a rectangle with Mitchell.
    private static ManagedSkiaEngine MlNetEngine(ScalingAlgorithm algorithm, ImageSize source, ImageSize target, MlNetFit fit)
    {
        // At equal sizes the draw is the identity, which Skia copies without filtering.
        if (fit.Resizing == MlNetResizing.Fill || source == target)
        {
            return new ManagedSkiaEngine(algorithm, source, target, MipmapMode.None, fit.Resizing == MlNetResizing.Fill ? null : CubicResampler.Mitchell);
        }
        (DrawSpan x, DrawSpan y) = MlNetGeometry.DrawRect(source, target, fit);
        return new ManagedSkiaEngine(source, target, CubicResampler.Mitchell, x, y);
    }
}
