namespace ScaleDefense.Managed.Pillow;

/// <summary>The managed baseline of Pillow's resize: same tables, same arithmetic as the C++ core.</summary>
internal sealed class ManagedPillowEngine : ManagedScalingEngine
{
    private const double FixedOne = 1 << PillowTables.PrecisionBits;

    private readonly bool _nearest;
    private readonly double _widthX;
    private readonly double _widthY;
    private readonly AxisTable _x;
    private readonly AxisTable _y;

    private ManagedPillowEngine(ScalingAlgorithm algorithm, ImageSize source, ImageSize target)
    {
        _nearest = algorithm == ScalingAlgorithm.Nearest;
        if (_nearest)
        {
            _x = PillowTables.Nearest(source.Width, target.Width);
            _y = PillowTables.Nearest(source.Height, target.Height);
            _widthX = _widthY = 1.0;
        }
        else
        {
            PillowFilters.Filter filter = PillowFilters.For(algorithm);
            _x = PillowTables.Filter(source.Width, target.Width, filter);
            _y = PillowTables.Filter(source.Height, target.Height, filter);
            _widthX = PillowTables.Width(source.Width, target.Width, filter);
            _widthY = PillowTables.Width(source.Height, target.Height, filter);
        }
    }

    public static IScalingEngine Create(ScalingAlgorithm algorithm, ImageSize source, ImageSize target) =>
        new ManagedPillowEngine(algorithm, source, target);

    public override double KernelWidth(bool vertical) => vertical ? _widthY : _widthX;

    public override bool Supports(SampleType sampleType) => true;

    // 8-bit matrices are the 22-bit fixed-point weights; mode "F" uses the doubles.
    public override (int[] Offsets, int[] Indices, double[] Weights) GetCoefficients(bool vertical, SampleType sampleType) =>
        (vertical ? _y : _x).Table.ToCsr(sampleType == SampleType.UInt8 ? FixedOne : 0.0);

    public override void Scale(ReadOnlySpan<byte> source, ImageLayout s, Span<byte> destination, ImageLayout d)
    {
        if (_nearest)
        {
            PillowKernels.Nearest(source, s, destination, d, _x, _y);
        }
        else
        {
            PillowKernels.Resample(source, s, destination, d, _x, _y);
        }
    }

    public override void Scale(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d)
    {
        if (_nearest)
        {
            PillowKernels.Nearest(source, s, destination, d, _x, _y);
        }
        else
        {
            PillowKernels.Resample(source, s, destination, d, _x, _y);
        }
    }

}
