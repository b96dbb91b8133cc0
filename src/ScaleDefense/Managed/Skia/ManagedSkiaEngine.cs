namespace ScaleDefense.Managed.Skia;

/// <summary>The managed baseline of SkiaSharp's resize: same tables, same arithmetic as the C++ core.</summary>
internal sealed class ManagedSkiaEngine : ManagedScalingEngine
{
    // scalePixels copies when both sizes agree; otherwise the shader's stage decides.
    private enum Path { Copy, Nearest, Linear, Cubic }

    private readonly Path _path;
    private readonly int _level;                  // the mip level sampled (0: the image itself)
    private readonly KernelTable _sampleX;        // on the sampled level
    private readonly KernelTable _sampleY;
    private readonly KernelTable _x;              // on the base image (the matrices)
    private readonly KernelTable _y;
    private readonly (KernelTable Table, short[] Lerp) _linearX;
    private readonly (KernelTable Table, short[] Lerp) _linearY;
    private readonly double _widthX;
    private readonly double _widthY;

    public ManagedSkiaEngine(ScalingAlgorithm algorithm, ImageSize source, ImageSize target, MipmapMode mipmaps, CubicResampler? cubic)
    {
        if (mipmaps == MipmapMode.Linear)
        {
            throw new NotSupportedException("SkiaSharp with SKMipmapMode.Linear is not modelled in this release; use None or Nearest.");
        }
        _path = source == target ? Path.Copy : algorithm switch
        {
            ScalingAlgorithm.Nearest => Path.Nearest,
            ScalingAlgorithm.Bilinear => Path.Linear,
            ScalingAlgorithm.Bicubic => Path.Cubic,
            _ => throw new NotSupportedException($"SkiaSharp has no {algorithm} sampling."),
        };
        float inverseX = SkiaTables.InverseScale(source.Width, target.Width);
        float inverseY = SkiaTables.InverseScale(source.Height, target.Height);
        _level = mipmaps == MipmapMode.Nearest && _path != Path.Copy ? SkiaMipmap.NearestLevel(source, inverseX, inverseY) : 0;
        ImageSize level = SkiaMipmap.LevelSize(source, _level);
        if (_level > 0)
        {
            inverseX = SkiaMipmap.LevelInverse(level.Width, source.Width, inverseX);
            inverseY = SkiaMipmap.LevelInverse(level.Height, source.Height, inverseY);
        }
        switch (_path)
        {
            case Path.Linear:
                _linearX = SkiaTables.Linear(level.Width, target.Width, inverseX);
                _linearY = SkiaTables.Linear(level.Height, target.Height, inverseY);
                _sampleX = _linearX.Table;
                _sampleY = _linearY.Table;
                break;
            case Path.Cubic:
                float[] w = SkiaTables.CubicCoefficients(cubic!.B, cubic.C);
                _sampleX = SkiaTables.Cubic(source.Width, target.Width, w);
                _sampleY = SkiaTables.Cubic(source.Height, target.Height, w);
                break;
            case Path.Nearest:
                _sampleX = SkiaTables.Nearest(level.Width, target.Width, inverseX);
                _sampleY = SkiaTables.Nearest(level.Height, target.Height, inverseY);
                break;
            default:
                _sampleX = SkiaTables.Nearest(source.Width, target.Width);
                _sampleY = SkiaTables.Nearest(source.Height, target.Height);
                break;
        }
        _x = SkiaMipmap.ComposeWithPyramid(_sampleX, source.Width, _level);
        _y = SkiaMipmap.ComposeWithPyramid(_sampleY, source.Height, _level);
        _widthX = Width(_x);
        _widthY = Width(_y);
    }

    public override double KernelWidth(bool vertical) => vertical ? _widthY : _widthX;

    /// <summary>Only the 8888 stages are modelled (float images take other stages in Skia).</summary>
    public override bool Supports(SampleType sampleType) => sampleType == SampleType.UInt8;

    public override (int[] Offsets, int[] Indices, double[] Weights) GetCoefficients(bool vertical, SampleType sampleType) =>
        (vertical ? _y : _x).ToCsr(0.0);

    public override void Scale(ReadOnlySpan<byte> source, ImageLayout s, Span<byte> destination, ImageLayout d)
    {
        byte[]? pyramid = null;
        for (int level = 1; level <= _level; level++)
        {
            pyramid = SkiaMipmap.Downsample(pyramid ?? source, s, out s);
        }
        ReadOnlySpan<byte> sampled = pyramid ?? source;
        switch (_path)
        {
            case Path.Linear: SkiaKernels.Linear(sampled, s, destination, d, _linearX, _linearY); break;
            case Path.Cubic: SkiaKernels.Cubic(sampled, s, destination, d, _sampleX, _sampleY); break;
            default: ImageOps.Gather(sampled, s, destination, d, _sampleX, _sampleY); break;
        }
    }

    public override void Scale(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d) =>
        throw new NotSupportedException("SkiaSharp is modelled for 8-bit images only.");

    // σ: 1, 2 or 4 without mipmaps; through the pyramid, the widest span of base pixels one output reads.
    private double Width(KernelTable table)
    {
        if (_level == 0)
        {
            return _path switch { Path.Linear => 2.0, Path.Cubic => 4.0, _ => 1.0 };
        }
        int widest = 1;
        for (int o = 0; o < table.Outputs; o++)
        {
            int low = table.Inputs, high = -1;
            for (int k = 0; k < table.Taps; k++)
            {
                int at = o * table.Taps + k;
                if (table.Weight[at] != 0.0)
                {
                    low = Math.Min(low, table.Source[at]);
                    high = Math.Max(high, table.Source[at]);
                }
            }
            widest = Math.Max(widest, high - low + 1);
        }
        return widest;
    }
}
