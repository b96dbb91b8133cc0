namespace ScaleDefense.Managed.OpenCv;

/// <summary>The managed baseline of OpenCV's resize: same tables, same arithmetic as the C++ core
/// (native/src/scaling/opencv/opencv_model.cpp).</summary>
internal sealed class ManagedOpenCvEngine : ManagedScalingEngine
{
    // Which of cv::resize's code paths a size pair and algorithm end up in (cv::hal::resize).
    private enum Path { Copy, Nearest, Linear, Area2x2, AreaBlock, AreaTable, Cubic, IppCubic, Lanczos4 }

    private readonly Path _path;
    private readonly KernelTable _x;
    private readonly KernelTable _y;
    private readonly KernelTable? _ippX; // IppCubic: IPP's tables (_x, _y stay OpenCV's, for 2 channels)
    private readonly KernelTable? _ippY;
    private readonly bool _fixedMatrices = true; // 8-bit matrices from the 11-bit weights
    private readonly int _kx;
    private readonly int _ky;
    private readonly double _widthX = 1;
    private readonly double _widthY = 1;

    public ManagedOpenCvEngine(ScalingAlgorithm algorithm, ImageSize source, ImageSize target, OpenCvBuild build)
    {
        switch (algorithm)
        {
            case ScalingAlgorithm.Nearest or ScalingAlgorithm.NearestExact:
                bool exact = algorithm == ScalingAlgorithm.NearestExact;
                _x = exact ? OpenCvTables.NearestExact(source.Width, target.Width) : OpenCvTables.Nearest(source.Width, target.Width);
                _y = exact ? OpenCvTables.NearestExact(source.Height, target.Height) : OpenCvTables.Nearest(source.Height, target.Height);
                _path = Path.Nearest;
                break;
            case ScalingAlgorithm.Bilinear:
                (_x, _y) = Interpolation(OpenCvInterpolation.Linear, source, target, areaMode: false);
                // INTER_LINEAR with both ratios exactly 2 is handed to the INTER_AREA fast path.
                _path = IntegerStep(source.Width, target.Width) == 2 && IntegerStep(source.Height, target.Height) == 2 ? Path.Area2x2 : Path.Linear;
                _widthX = _widthY = 2;
                break;
            case ScalingAlgorithm.Bicubic:
                (_x, _y) = Interpolation(OpenCvInterpolation.Cubic, source, target, areaMode: false);
                _path = Path.Cubic;
                _widthX = _widthY = 4;
                if (build == OpenCvBuild.Ipp && OpenCvIppCubic.TakesSource(source))
                {
                    _path = Path.IppCubic;
                    _ippX = OpenCvIppCubic.Table(source.Width, target.Width);
                    _ippY = OpenCvIppCubic.Table(source.Height, target.Height);
                    _fixedMatrices = false; // IPP's float32 weights on both paths
                }
                break;
            case ScalingAlgorithm.Lanczos:
                (_x, _y) = Interpolation(OpenCvInterpolation.Lanczos4, source, target, areaMode: false);
                _path = Path.Lanczos4;
                _widthX = _widthY = 8;
                break;
            case ScalingAlgorithm.Area:
                double sx = OpenCvTables.SourceStep(source.Width, target.Width);
                double sy = OpenCvTables.SourceStep(source.Height, target.Height);
                if (sx < 1 || sy < 1)
                {
                    // An upscaled axis: the linear kernel on area-mode tables, on both axes.
                    (_x, _y) = Interpolation(OpenCvInterpolation.Linear, source, target, areaMode: true);
                    _path = Path.Linear;
                    _widthX = _widthY = 2;
                    break;
                }
                _x = OpenCvTables.Area(source.Width, target.Width);
                _y = OpenCvTables.Area(source.Height, target.Height);
                _fixedMatrices = false;
                _widthX = sx;
                _widthY = sy;
                _kx = IntegerStep(source.Width, target.Width);
                _ky = IntegerStep(source.Height, target.Height);
                _path = _kx == 2 && _ky == 2 ? Path.Area2x2 : _kx > 0 && _ky > 0 ? Path.AreaBlock : Path.AreaTable;
                break;
            default:
                throw new NotSupportedException($"OpenCV has no algorithm {algorithm}.");
        }
        if (source == target)
        {
            _path = Path.Copy; // a plain copy for every algorithm; the tables are the identity anyway
        }
    }

    public override double KernelWidth(bool vertical) => vertical ? _widthY : _widthX;

    public override bool Supports(SampleType sampleType) => true;

    public override (int[] Offsets, int[] Indices, double[] Weights) GetCoefficients(bool vertical, SampleType sampleType) =>
        MatrixTable(vertical).ToCsr(sampleType == SampleType.UInt8 && _fixedMatrices ? 2048.0 : 0.0);

    // The tables L and R describe: IPP's where IPP takes the call (1, 3 and 4 channels).
    private KernelTable MatrixTable(bool vertical) =>
        _path == Path.IppCubic ? (vertical ? _ippY : _ippX)! : vertical ? _y : _x;

    public override void Scale(ReadOnlySpan<byte> source, ImageLayout s, Span<byte> destination, ImageLayout d) =>
        Run<byte, int, OpenCvU8Arithmetic>(source, s, destination, d);

    public override void Scale(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d) =>
        Run<float, float, OpenCvF32Arithmetic>(source, s, destination, d);

    // One dispatch for both sample types (opencv_model.cpp: run).
    private void Run<T, TAcc, TArithmetic>(ReadOnlySpan<T> source, ImageLayout s, Span<T> destination, ImageLayout d)
        where T : unmanaged
        where TAcc : unmanaged
        where TArithmetic : struct, IOpenCvArithmetic<T, TAcc>
    {
        switch (_path)
        {
            case Path.Copy: ImageOps.Copy(source, s, destination, d); break;
            case Path.Nearest: ImageOps.Gather(source, s, destination, d, _x, _y); break;
            case Path.Linear: OpenCvKernels.Linear<T, TAcc, TArithmetic>(source, s, destination, d, _x, _y); break;
            case Path.Area2x2: OpenCvKernels.Area2x2<T, TArithmetic>(source, s, destination, d); break;
            case Path.AreaBlock: OpenCvAreaKernels.Block<T, TArithmetic>(source, s, destination, d, _kx, _ky); break;
            case Path.AreaTable: OpenCvAreaKernels.Table<T, TArithmetic>(source, s, destination, d, _x, _y); break;
            case Path.Cubic: OpenCvWideKernels.Cubic<T, TAcc, TArithmetic>(source, s, destination, d, _x, _y); break;
            case Path.IppCubic when OpenCvIppCubic.TakesChannels(s.Channels): OpenCvIppCubic.Resize(source, s, destination, d, _ippX!, _ippY!); break;
            case Path.IppCubic: OpenCvWideKernels.Cubic<T, TAcc, TArithmetic>(source, s, destination, d, _x, _y); break;
            default: OpenCvWideKernels.Lanczos4<T, TAcc, TArithmetic>(source, s, destination, d, _x, _y); break;
        }
    }

    private static (KernelTable X, KernelTable Y) Interpolation(OpenCvInterpolation kind, ImageSize source, ImageSize target, bool areaMode) =>
        (OpenCvTables.Interpolation(kind, source.Width, target.Width, horizontal: true, areaMode),
         OpenCvTables.Interpolation(kind, source.Height, target.Height, horizontal: false, areaMode));

    // OpenCV's integer-ratio test (rne(s) within DBL_EPSILON): k, or 0 when s is not an integer.
    private static int IntegerStep(int inputs, int outputs)
    {
        int k = (int)Math.Round(OpenCvTables.SourceStep(inputs, outputs), MidpointRounding.ToEven);
        return OpenCvTables.IsIntegerStep(inputs, outputs, k) ? k : 0;
    }
}
