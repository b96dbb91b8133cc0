namespace ScaleDefense.Managed.Skia;

/// <summary>The managed baseline of SkiaSharp's resize: same tables, same arithmetic as the C++ core.</summary>
internal sealed class ManagedSkiaEngine : ManagedScalingEngine
{
    // scalePixels copies when both sizes agree; otherwise the shader's stage decides.
    private enum Path { Copy, Nearest, Linear, Cubic }

    private readonly Path _path;
    private readonly KernelTable _x;
    private readonly KernelTable _y;
    private readonly (KernelTable Table, short[] Lerp) _linearX;
    private readonly (KernelTable Table, short[] Lerp) _linearY;

    public ManagedSkiaEngine(ScalingAlgorithm algorithm, ImageSize source, ImageSize target, MipmapMode mipmaps, CubicResampler? cubic)
    {
        if (mipmaps != MipmapMode.None)
        {
            throw new NotSupportedException("SkiaSharp with mipmaps is not modelled in this release; use MipmapMode.None.");
        }
        _path = source == target ? Path.Copy : algorithm switch
        {
            ScalingAlgorithm.Nearest => Path.Nearest,
            ScalingAlgorithm.Bilinear => Path.Linear,
            ScalingAlgorithm.Bicubic => Path.Cubic,
            _ => throw new NotSupportedException($"SkiaSharp has no {algorithm} sampling."),
        };
        switch (_path)
        {
            case Path.Linear:
                _linearX = SkiaTables.Linear(source.Width, target.Width);
                _linearY = SkiaTables.Linear(source.Height, target.Height);
                _x = _linearX.Table;
                _y = _linearY.Table;
                break;
            case Path.Cubic:
                float[] w = SkiaTables.CubicCoefficients(cubic!.B, cubic.C);
                _x = SkiaTables.Cubic(source.Width, target.Width, w);
                _y = SkiaTables.Cubic(source.Height, target.Height, w);
                break;
            default:
                _x = SkiaTables.Nearest(source.Width, target.Width);
                _y = SkiaTables.Nearest(source.Height, target.Height);
                break;
        }
    }

    public override double KernelWidth(bool vertical) => _path switch
    {
        Path.Linear => 2.0,
        Path.Cubic => 4.0,
        _ => 1.0,
    };

    /// <summary>Only the 8888 stages are modelled (float images take other stages in Skia).</summary>
    public override bool Supports(SampleType sampleType) => sampleType == SampleType.UInt8;

    public override (int[] Offsets, int[] Indices, double[] Weights) GetCoefficients(bool vertical, SampleType sampleType) =>
        (vertical ? _y : _x).ToCsr(0.0);

    public override void Scale(ReadOnlySpan<byte> source, ImageLayout s, Span<byte> destination, ImageLayout d)
    {
        switch (_path)
        {
            case Path.Linear: SkiaKernels.Linear(source, s, destination, d, _linearX, _linearY); break;
            case Path.Cubic: SkiaKernels.Cubic(source, s, destination, d, _x, _y); break;
            default: ImageOps.Gather(source, s, destination, d, _x, _y); break;
        }
    }

    public override void Scale(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d) =>
        throw new NotSupportedException("SkiaSharp is modelled for 8-bit images only.");
}
