namespace ScaleDefense.Managed.OpenCv;

/// <summary>The managed baseline of OpenCV's resize: same tables, same arithmetic as the C++ core.</summary>
internal sealed class ManagedOpenCvEngine : IScalingEngine
{
    // Which of cv::resize's code paths a size pair and algorithm end up in.
    private enum Path { Copy, Nearest, Linear, Area2x2 }

    private readonly Path _path;
    private readonly bool _nearest;
    private readonly KernelTable _x;
    private readonly KernelTable _y;

    public ManagedOpenCvEngine(ScalingAlgorithm algorithm, ImageSize source, ImageSize target)
    {
        if (algorithm is not (ScalingAlgorithm.Nearest or ScalingAlgorithm.Bilinear))
        {
            throw new NotSupportedException($"OpenCV {algorithm} is not implemented yet.");
        }
        bool nearest = algorithm == ScalingAlgorithm.Nearest;
        _nearest = nearest;
        _x = nearest ? OpenCvTables.Nearest(source.Width, target.Width) : OpenCvTables.Linear(source.Width, target.Width, horizontal: true);
        _y = nearest ? OpenCvTables.Nearest(source.Height, target.Height) : OpenCvTables.Linear(source.Height, target.Height, horizontal: false);
        _path = source == target ? Path.Copy
            : nearest ? Path.Nearest
            // INTER_LINEAR with both ratios exactly 2 is handed to the INTER_AREA fast path.
            : OpenCvTables.IsIntegerStep(source.Width, target.Width, 2) && OpenCvTables.IsIntegerStep(source.Height, target.Height, 2) ? Path.Area2x2
            : Path.Linear;
    }

    public double KernelWidth(bool vertical) => _nearest ? 1.0 : 2.0;

    public bool Supports(SampleType sampleType) => true;

    public (int[] Offsets, int[] Indices, double[] Weights) GetCoefficients(bool vertical, SampleType sampleType) =>
        (vertical ? _y : _x).ToCsr(sampleType == SampleType.UInt8 ? 2048.0 : 0.0);

    public void Scale(ReadOnlySpan<byte> source, ImageLayout s, Span<byte> destination, ImageLayout d)
    {
        switch (_path)
        {
            case Path.Copy: OpenCvKernels.Copy(source, s, destination, d); break;
            case Path.Nearest: OpenCvKernels.Nearest(source, s, destination, d, _x, _y); break;
            case Path.Linear: OpenCvKernels.Linear(source, s, destination, d, _x, _y); break;
            default: OpenCvKernels.Area2x2(source, s, destination, d); break;
        }
    }

    public void Scale(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d)
    {
        switch (_path)
        {
            case Path.Copy: OpenCvKernels.Copy(source, s, destination, d); break;
            case Path.Nearest: OpenCvKernels.Nearest(source, s, destination, d, _x, _y); break;
            case Path.Linear: OpenCvKernels.Linear(source, s, destination, d, _x, _y); break;
            default: OpenCvKernels.Area2x2(source, s, destination, d); break;
        }
    }

    public void Dispose() { }
}
