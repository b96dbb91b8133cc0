namespace ScaleDefense.Managed;

/// <summary>
/// Per-axis resampling table: for each output index a fixed number of taps (clamped source
/// index, weight, fixed-point weight). The matrix of the axis is derived from it. Libraries
/// with a varying support per output pad their rows with zero-weight taps.
/// </summary>
internal sealed class KernelTable
{
    public KernelTable(int outputs, int inputs, int taps)
    {
        Outputs = outputs;
        Inputs = inputs;
        Taps = taps;
        Source = new int[outputs * taps];
        Weight = new double[outputs * taps];
        Fixed = new int[outputs * taps];
    }

    public int Outputs { get; }
    public int Inputs { get; }
    public int Taps { get; }
    public int[] Source { get; }
    /// <summary>Weights as the library computes them (float32 ones stored exactly).</summary>
    public double[] Weight { get; }

    /// <summary>Fixed-point weights of the 8-bit path.</summary>
    public int[] Fixed { get; }

    /// <summary>CSR arrays with clamped duplicates summed and zero weights dropped.</summary>
    public (int[] Offsets, int[] Indices, double[] Weights) ToCsr(double fixedScale)
    {
        var offsets = new int[Outputs + 1];
        var indices = new List<int>(Outputs * Taps);
        var weights = new List<double>(Outputs * Taps);
        var row = new SortedDictionary<int, double>();
        for (int d = 0; d < Outputs; d++)
        {
            row.Clear();
            for (int k = 0; k < Taps; k++)
            {
                int at = d * Taps + k;
                double w = fixedScale > 0 ? Fixed[at] / fixedScale : Weight[at];
                row[Source[at]] = row.GetValueOrDefault(Source[at]) + w;
            }
            foreach ((int index, double weight) in row)
            {
                if (weight != 0.0)
                {
                    indices.Add(index);
                    weights.Add(weight);
                }
            }
            offsets[d + 1] = indices.Count;
        }
        return (offsets, indices.ToArray(), weights.ToArray());
    }
}
