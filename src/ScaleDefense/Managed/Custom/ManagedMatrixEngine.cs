using System.Buffers;

namespace ScaleDefense.Managed.Custom;

/// <summary>
/// The managed twin of native/src/scaling/custom/: <c>L·X·R</c> in float32 for any matrices, the
/// horizontal pass first (each tap added in ascending source order), 8-bit output as the float sum
/// rounded half up and clamped to 0..255. The native core does the same operations in the same
/// order, so both backends give the same bytes.
/// </summary>
internal sealed class ManagedMatrixEngine : ManagedScalingEngine
{
    private readonly CustomMatrices _matrices;
    private readonly Axis _vertical;
    private readonly Axis _horizontal;

    public ManagedMatrixEngine(CustomMatrices matrices)
    {
        _matrices = matrices;
        _vertical = new Axis(matrices.Left);
        _horizontal = new Axis(matrices.Right);
    }

    public override double KernelWidth(bool vertical) => _matrices.KernelWidth(vertical);

    public override bool Supports(SampleType sampleType) => true;

    public override (int[] Offsets, int[] Indices, double[] Weights) GetCoefficients(bool vertical, SampleType sampleType)
    {
        (int[] offsets, int[] indices, double[] weights) = (vertical ? _matrices.Left : _matrices.Right).Csr;
        return ((int[])offsets.Clone(), (int[])indices.Clone(), (double[])weights.Clone());
    }

    public override void Scale(ReadOnlySpan<byte> source, ImageLayout sourceLayout, Span<byte> destination, ImageLayout destinationLayout) =>
        Run(source, sourceLayout, destination, destinationLayout, static v => v, static v => v <= 0f ? (byte)0 : v >= 255f ? (byte)255 : (byte)MathF.Floor(v + 0.5f));

    public override void Scale(ReadOnlySpan<float> source, ImageLayout sourceLayout, Span<float> destination, ImageLayout destinationLayout) =>
        Run(source, sourceLayout, destination, destinationLayout, static v => v, static v => v);

    private void Run<T>(ReadOnlySpan<T> source, ImageLayout s, Span<T> destination, ImageLayout d, Func<T, float> load, Func<float, T> store)
        where T : unmanaged
    {
        int channels = s.Channels;
        int rowLength = d.Width * channels;
        float[] rows = ArrayPool<float>.Shared.Rent(checked(s.Height * rowLength));
        try
        {
            // X·R for every source row L reads.
            foreach (int y in _vertical.ReadInputs)
            {
                ReadOnlySpan<T> line = source.Slice(y * s.RowStride, s.Width * channels);
                Span<float> h = rows.AsSpan(y * rowLength, rowLength);
                for (int c = 0; c < d.Width; c++)
                {
                    int from = _horizontal.Offsets[c];
                    int to = _horizontal.Offsets[c + 1];
                    for (int ch = 0; ch < channels; ch++)
                    {
                        float sum = 0f;
                        for (int k = from; k < to; k++)
                        {
                            float product = _horizontal.Weights[k] * load(line[_horizontal.Indices[k] * channels + ch]);
                            sum += product;
                        }
                        h[c * channels + ch] = sum;
                    }
                }
            }
            // L·(X·R).
            for (int r = 0; r < d.Height; r++)
            {
                Span<T> output = destination.Slice(r * d.RowStride, rowLength);
                int from = _vertical.Offsets[r];
                int to = _vertical.Offsets[r + 1];
                for (int e = 0; e < rowLength; e++)
                {
                    float sum = 0f;
                    for (int k = from; k < to; k++)
                    {
                        float product = _vertical.Weights[k] * rows[_vertical.Indices[k] * rowLength + e];
                        sum += product;
                    }
                    output[e] = store(sum);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rows);
        }
    }

    // One axis in CSR with float weights, and the source indices it reads at all.
    private sealed class Axis
    {
        public Axis(CoefficientMatrix m)
        {
            (int[] offsets, int[] indices, double[] weights) = m.Csr;
            Offsets = offsets;
            Indices = indices;
            Weights = Array.ConvertAll(weights, w => (float)w);
            ReadInputs = indices.Distinct().Order().ToArray();
        }

        public int[] Offsets { get; }

        public int[] Indices { get; }

        public float[] Weights { get; }

        public int[] ReadInputs { get; }
    }
}
