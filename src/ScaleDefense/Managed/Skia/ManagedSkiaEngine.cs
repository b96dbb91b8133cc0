namespace ScaleDefense.Managed.Skia;

/// <summary>The managed baseline of SkiaSharp's resize: same tables, same arithmetic as the C++ core.</summary>
internal sealed class ManagedSkiaEngine : ManagedScalingEngine
{
    // scalePixels copies when both sizes agree; otherwise the shader's stage decides. MipLinear:
    // SKMipmapMode.Linear, which always takes the highp sampling stages.
    private enum Path { Copy, Nearest, Linear, Cubic, MipLinear }

    private readonly Path _path;
    private readonly int _level;                  // the mip level sampled (0: the image itself)
    private readonly KernelTable _sampleX;        // on the sampled level
    private readonly KernelTable _sampleY;
    private readonly KernelTable _x;              // on the base image (the matrices)
    private readonly KernelTable _y;
    private readonly (KernelTable Table, short[] Lerp) _linearX;
    private readonly (KernelTable Table, short[] Lerp) _linearY;
    private readonly float _lowerWeight;          // MipLinear: the weight of the level below (0: the upper level alone)
    private readonly KernelTable? _lowerX;        // MipLinear: the lower level's tables
    private readonly KernelTable? _lowerY;
    private readonly double _widthX;
    private readonly double _widthY;

    public ManagedSkiaEngine(ScalingAlgorithm algorithm, ImageSize source, ImageSize target, MipmapMode mipmaps, CubicResampler? cubic)
    {
        _path = source == target ? Path.Copy : mipmaps == MipmapMode.Linear ? Path.MipLinear : algorithm switch
        {
            ScalingAlgorithm.Nearest => Path.Nearest,
            ScalingAlgorithm.Bilinear => Path.Linear,
            ScalingAlgorithm.Bicubic => Path.Cubic,
            _ => throw new NotSupportedException($"SkiaSharp has no {algorithm} sampling."),
        };
        float inverseX = SkiaTables.InverseScale(source.Width, target.Width);
        float inverseY = SkiaTables.InverseScale(source.Height, target.Height);
        if (_path == Path.MipLinear)
        {
            (_level, _lowerWeight) = SkiaMipmap.LinearLevels(source, inverseX, inverseY);
        }
        else
        {
            _level = mipmaps == MipmapMode.Nearest && _path != Path.Copy ? SkiaMipmap.NearestLevel(source, inverseX, inverseY) : 0;
        }
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
            case Path.MipLinear:
                (_sampleX, _lowerX, _x) = MipAxis(algorithm, source.Width, level.Width, SkiaMipmap.LevelSize(source, _level + 1).Width, target.Width, inverseX);
                (_sampleY, _lowerY, _y) = MipAxis(algorithm, source.Height, level.Height, SkiaMipmap.LevelSize(source, _level + 1).Height, target.Height, inverseY);
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
        _x ??= SkiaMipmap.ComposeWithPyramid(_sampleX, source.Width, _level);   // MipLinear has blended its own
        _y ??= SkiaMipmap.ComposeWithPyramid(_sampleY, source.Height, _level);
        _widthX = Width(_x);
        _widthY = Width(_y);
    }

    /// <summary>A bicubic draw of the whole source into a rectangle of a zeroed target (what ML.NET's ResizeImages runs).</summary>
    public ManagedSkiaEngine(ImageSize source, ImageSize target, CubicResampler cubic, DrawSpan x, DrawSpan y)
    {
        _path = Path.Cubic;
        float[] w = SkiaTables.CubicCoefficients(cubic.B, cubic.C);
        _sampleX = _x = SkiaTables.Cubic(source.Width, target.Width, w, x);
        _sampleY = _y = SkiaTables.Cubic(source.Height, target.Height, w, y);
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
        if (_path == Path.MipLinear)
        {
            ScaleMipLinear(source, s, destination, d);
            return;
        }
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

    private void ScaleMipLinear(ReadOnlySpan<byte> source, ImageLayout s, Span<byte> destination, ImageLayout d)
    {
        byte[] upper = source.ToArray();   // level 0 is the image itself (copied once for a uniform array API)
        ImageLayout upperLayout = s;
        for (int level = 1; level <= _level; level++)
        {
            upper = SkiaMipmap.Downsample(upper, upperLayout, out upperLayout);
        }
        byte[]? lower = null;
        ImageLayout lowerLayout = default;
        if (_lowerWeight > 0f)
        {
            lower = SkiaMipmap.Downsample(upper, upperLayout, out lowerLayout);
        }
        SkiaKernels.MipLinear(upper, upperLayout, _sampleX, _sampleY, lower, lowerLayout, _lowerX, _lowerY, _lowerWeight, destination, d);
    }

    // One axis of SKMipmapMode.Linear: the upper and lower levels' highp tables at their positions, and the base-image table.
    private (KernelTable Upper, KernelTable? Lower, KernelTable Base) MipAxis(ScalingAlgorithm algorithm, int inputs, int upperInputs, int lowerInputs,
                                                                             int outputs, float inverse)
    {
        var positions = new float[outputs];
        for (int o = 0; o < outputs; o++)
        {
            positions[o] = SkiaTables.SamplePosition(o, inverse);
        }
        KernelTable Table(int size, float[] at) =>
            algorithm == ScalingAlgorithm.Bilinear ? SkiaTables.HighpLinearAt(size, at) : SkiaTables.NearestAt(size, at);
        KernelTable upper = Table(upperInputs, positions);
        KernelTable composed = SkiaMipmap.ComposeWithPyramid(upper, inputs, _level);
        if (!(_lowerWeight > 0f))
        {
            return (upper, null, composed);
        }
        float scale = (float)lowerInputs / upperInputs;
        float[] below = positions.Select(p => p * scale).ToArray();
        KernelTable lower = Table(lowerInputs, below);
        return (upper, lower, SkiaMipmap.Blend(composed, SkiaMipmap.ComposeWithPyramid(lower, inputs, _level + 1), _lowerWeight));
    }

    // σ: 1, 2 or 4 without mipmaps; through the pyramid, the widest span of base pixels one output reads.
    private double Width(KernelTable table)
    {
        if (_level == 0 && _path != Path.MipLinear)
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
