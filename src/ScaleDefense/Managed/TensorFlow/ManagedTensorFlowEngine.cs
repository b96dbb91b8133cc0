namespace ScaleDefense.Managed.TensorFlow;

/// <summary>
/// The managed baseline of TensorFlow 2's tf.image.resize and TensorFlow 1's resize_images:
/// same tables, same float32 arithmetic as native/src/scaling/tensorflow/.
/// </summary>
internal sealed class ManagedTensorFlowEngine : ManagedScalingEngine
{
    // Which kernel op a call ends up in (image_ops_impl.py: resize_images.resize_fn for TF1,
    // resize_images_v2.resize_fn for TF2).
    private enum Op { Nearest, Bilinear, Bicubic, Area, Spans }

    private readonly Op _op;
    private readonly SpanKernel _kernel;
    private readonly bool _antialias;
    private readonly AxisTable _x;
    private readonly AxisTable _y;
    private readonly float _areaScale;

    private ManagedTensorFlowEngine(ScalingLibrary library, ScalingAlgorithm algorithm, ImageSize source, ImageSize target, bool antialias)
    {
        bool tf2 = library == ScalingLibrary.TensorFlow;
        bool aa = tf2 && antialias;
        bool halfPixel = tf2;
        (_op, _kernel, _antialias) = algorithm switch
        {
            ScalingAlgorithm.Nearest => (Op.Nearest, SpanKernel.Triangle, false), // antialias ignored
            ScalingAlgorithm.Area => (Op.Area, SpanKernel.Triangle, false),       // antialias ignored
            ScalingAlgorithm.Bilinear => aa ? (Op.Spans, SpanKernel.Triangle, true) : (Op.Bilinear, SpanKernel.Triangle, false),
            ScalingAlgorithm.Bicubic => aa ? (Op.Spans, SpanKernel.KeysCubic, true) : (Op.Bicubic, SpanKernel.KeysCubic, false),
            ScalingAlgorithm.Lanczos3 => (Op.Spans, SpanKernel.Lanczos3, aa),
            ScalingAlgorithm.Lanczos5 => (Op.Spans, SpanKernel.Lanczos5, aa),
            ScalingAlgorithm.Gaussian => (Op.Spans, SpanKernel.Gaussian, aa),
            ScalingAlgorithm.MitchellCubic => (Op.Spans, SpanKernel.MitchellCubic, aa),
            _ => throw new NotSupportedException($"{library} has no algorithm {algorithm}."),
        };
        _x = AxisTableFor(source.Width, target.Width, halfPixel);
        _y = AxisTableFor(source.Height, target.Height, halfPixel);
        // resize_area_op.cc: ComputeLoop: scale = 1.0 / (height_scale * width_scale).
        float cells = TensorFlowTables.ResizeScale(source.Height, target.Height) * TensorFlowTables.ResizeScale(source.Width, target.Width);
        _areaScale = (float)(1.0 / cells);
    }

    public static IScalingEngine Create(ScalingLibrary library, ScalingAlgorithm algorithm, ImageSize source, ImageSize target, bool antialias) =>
        library is ScalingLibrary.TensorFlow or ScalingLibrary.TensorFlow1
            ? new ManagedTensorFlowEngine(library, algorithm, source, target, antialias)
            : throw new ArgumentException($"{library} is not a TensorFlow library.", nameof(library));

    public override double KernelWidth(bool vertical)
    {
        KernelTable t = (vertical ? _y : _x).Taps;
        switch (_op)
        {
            case Op.Nearest: return 1.0;
            case Op.Bilinear: return 2.0;
            case Op.Bicubic: return 4.0;
            case Op.Area: return (double)t.Inputs / t.Outputs; // the cell width beta
            default:
                float invScale = TensorFlowTables.SpanInverseScale(t.Inputs, t.Outputs);
                float kernelScale = _antialias ? MathF.Max(invScale, 1.0f) : 1.0f;
                return 2.0 * TensorFlowTables.SpanKernelRadius(_kernel) * kernelScale;
        }
    }

    // TF casts every input to float32 and returns float32: there is no 8-bit arithmetic to model.
    public override bool Supports(SampleType sampleType) => sampleType == SampleType.Float32;

    public override (int[] Offsets, int[] Indices, double[] Weights) GetCoefficients(bool vertical, SampleType sampleType)
    {
        KernelTable taps = (vertical ? _y : _x).Taps;
        if (_op != Op.Area)
        {
            return taps.ToCsr(0.0);
        }
        // Area's coverages divided by the cell width: this axis's part of ResizeArea's final scale.
        var normalised = new KernelTable(taps.Outputs, taps.Inputs, taps.Taps);
        double cell = TensorFlowTables.ResizeScale(taps.Inputs, taps.Outputs);
        taps.Source.CopyTo(normalised.Source, 0);
        for (int i = 0; i < taps.Weight.Length; i++)
        {
            normalised.Weight[i] = taps.Weight[i] / cell;
        }
        return normalised.ToCsr(0.0);
    }


    public override void Scale(ReadOnlySpan<float> source, ImageLayout s, Span<float> destination, ImageLayout d)
    {
        switch (_op)
        {
            case Op.Nearest: TensorFlowKernels.Nearest(source, s, destination, d, _x, _y); break;
            case Op.Bilinear: TensorFlowKernels.Bilinear(source, s, destination, d, _x, _y); break;
            case Op.Bicubic: TensorFlowKernels.Bicubic(source, s, destination, d, _x, _y); break;
            case Op.Area: TensorFlowKernels.Area(source, s, destination, d, _x, _y, _areaScale); break;
            default: TensorFlowKernels.Spans(source, s, destination, d, _x, _y); break;
        }
    }


    private AxisTable AxisTableFor(int inputs, int outputs, bool halfPixel) => _op switch
    {
        Op.Nearest => TensorFlowTables.Nearest(inputs, outputs, halfPixel),
        Op.Bilinear => TensorFlowTables.Bilinear(inputs, outputs, halfPixel),
        Op.Bicubic => TensorFlowTables.Bicubic(inputs, outputs, halfPixel),
        Op.Area => TensorFlowTables.Area(inputs, outputs),
        _ => TensorFlowTables.Spans(inputs, outputs, _kernel, _antialias),
    };
}
