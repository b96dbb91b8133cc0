namespace ScaleDefense.Managed.PyTorch;

/// <summary>The managed baseline of PyTorch's interpolate: same tables, same arithmetic as the C++ core.</summary>
internal sealed class ManagedPyTorchEngine : ManagedScalingEngine
{
    // Which of interpolate's CPU kernels a mode ends up in.
    private enum Path { Gather, Linear, Cubic, Separable, Area }

    private readonly Path _path;
    private readonly KernelTable _x;
    private readonly KernelTable _y;
    private readonly (KernelTable Table, int[] Count) _antialiasX;
    private readonly (KernelTable Table, int[] Count) _antialiasY;
    private readonly (int[] Start, int[] End, int Widest) _areaX;
    private readonly (int[] Start, int[] End, int Widest) _areaY;
    private readonly double _widthX;
    private readonly double _widthY;

    private ManagedPyTorchEngine(ScalingAlgorithm algorithm, ImageSize source, ImageSize target, bool antialias)
    {
        _path = algorithm switch
        {
            ScalingAlgorithm.Nearest or ScalingAlgorithm.NearestExact => Path.Gather,
            ScalingAlgorithm.Bilinear => antialias ? Path.Separable : Path.Linear,
            ScalingAlgorithm.Bicubic => antialias ? Path.Separable : Path.Cubic,
            ScalingAlgorithm.Area => Path.Area,
            _ => throw new NotSupportedException($"PyTorch has no {algorithm} mode."),
        };
        if (antialias)
        {
            _antialiasX = PyTorchTables.Antialias(source.Width, target.Width, algorithm == ScalingAlgorithm.Bicubic);
            _antialiasY = PyTorchTables.Antialias(source.Height, target.Height, algorithm == ScalingAlgorithm.Bicubic);
            _x = _antialiasX.Table;
            _y = _antialiasY.Table;
        }
        else
        {
            _x = Table(algorithm, source.Width, target.Width);
            _y = Table(algorithm, source.Height, target.Height);
        }
        _areaX = PyTorchTables.AreaWindows(source.Width, target.Width);
        _areaY = PyTorchTables.AreaWindows(source.Height, target.Height);
        _widthX = Width(algorithm, antialias, source.Width, target.Width);
        _widthY = Width(algorithm, antialias, source.Height, target.Height);
    }

    public static IScalingEngine Create(ScalingAlgorithm algorithm, ImageSize source, ImageSize target, bool antialias) =>
        new ManagedPyTorchEngine(algorithm, source, target, antialias);

    public override double KernelWidth(bool vertical) => vertical ? _widthY : _widthX;

    /// <summary>interpolate has no 8-bit path (torchvision casts uint8 tensors to float32 first).</summary>
    public override bool Supports(SampleType sampleType) => sampleType == SampleType.Float32;

    public override (int[] Offsets, int[] Indices, double[] Weights) GetCoefficients(bool vertical, SampleType sampleType) =>
        (vertical ? _y : _x).ToCsr(0.0);


    public override void Scale(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d)
    {
        switch (_path)
        {
            case Path.Gather: ImageOps.Gather(source, s, destination, d, _x, _y); break;
            case Path.Linear: PyTorchKernels.Linear(source, s, destination, d, _x, _y); break;
            case Path.Cubic: PyTorchKernels.Cubic(source, s, destination, d, _x, _y); break;
            case Path.Separable: PyTorchKernels.Separable(source, s, destination, d, _antialiasX, _antialiasY); break;
            default: PyTorchKernels.Area(source, s, destination, d, _areaX, _areaY); break;
        }
    }


    private static KernelTable Table(ScalingAlgorithm algorithm, int inputs, int outputs) => algorithm switch
    {
        ScalingAlgorithm.Nearest => PyTorchTables.Nearest(inputs, outputs),
        ScalingAlgorithm.NearestExact => PyTorchTables.NearestExact(inputs, outputs),
        ScalingAlgorithm.Bilinear => PyTorchTables.Linear(inputs, outputs),
        ScalingAlgorithm.Bicubic => PyTorchTables.Cubic(inputs, outputs),
        _ => PyTorchTables.Area(inputs, outputs),
    };

    private static double Width(ScalingAlgorithm algorithm, bool antialias, int inputs, int outputs) => algorithm switch
    {
        ScalingAlgorithm.Nearest or ScalingAlgorithm.NearestExact => 1.0,
        ScalingAlgorithm.Bilinear => antialias ? PyTorchTables.AntialiasWidth(inputs, outputs, cubic: false) : 2.0,
        ScalingAlgorithm.Bicubic => antialias ? PyTorchTables.AntialiasWidth(inputs, outputs, cubic: true) : 4.0,
        _ => PyTorchTables.AreaWindows(inputs, outputs).Widest,
    };
}
