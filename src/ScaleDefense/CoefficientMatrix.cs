namespace ScaleDefense;

/// <summary>
/// One axis of a separable scaler as a sparse matrix: <c>scale(X) = L·X·R</c> with L
/// (target height × source height) and R (source width × target width). Each output index
/// reads a few source indices with fixed weights; those are stored, nothing else.
/// </summary>
public sealed class CoefficientMatrix
{
    private readonly int[] _offsets;   // per output index, into _indices/_weights (CSR)
    private readonly int[] _indices;
    private readonly double[] _weights;
    private readonly bool _outputsAreColumns;

    internal CoefficientMatrix(int outputs, int inputs, int[] offsets, int[] indices, double[] weights, bool outputsAreColumns)
    {
        OutputCount = outputs;
        InputCount = inputs;
        _offsets = offsets;
        _indices = indices;
        _weights = weights;
        _outputsAreColumns = outputsAreColumns;
    }

    /// <summary>
    /// Builds a matrix from dense per-output weights [outputs, inputs]; entries whose magnitude
    /// is at most <paramref name="threshold"/> are left out.
    /// </summary>
    internal static CoefficientMatrix FromDense(double[,] weights, bool outputsAreColumns, double threshold)
    {
        int outputs = weights.GetLength(0);
        int inputs = weights.GetLength(1);
        var offsets = new int[outputs + 1];
        var indices = new List<int>();
        var values = new List<double>();
        for (int d = 0; d < outputs; d++)
        {
            for (int i = 0; i < inputs; i++)
            {
                if (Math.Abs(weights[d, i]) > threshold)
                {
                    indices.Add(i);
                    values.Add(weights[d, i]);
                }
            }
            offsets[d + 1] = indices.Count;
        }
        return new CoefficientMatrix(outputs, inputs, offsets, indices.ToArray(), values.ToArray(), outputsAreColumns);
    }

    /// <summary>Whether outputs are the columns (R) rather than the rows (L) of the matrix as written in <c>L·X·R</c>.</summary>
    internal bool OutputsAreColumns => _outputsAreColumns;

    /// <summary>The CSR arrays, one row per output (for the engines; never modified).</summary>
    internal (int[] Offsets, int[] Indices, double[] Weights) Csr => (_offsets, _indices, _weights);

    /// <summary>Number of output samples along this axis.</summary>
    public int OutputCount { get; }

    /// <summary>Number of source samples along this axis.</summary>
    public int InputCount { get; }

    /// <summary>Rows of the matrix as written in <c>L·X·R</c>.</summary>
    public int Rows => _outputsAreColumns ? InputCount : OutputCount;

    /// <summary>Columns of the matrix as written in <c>L·X·R</c>.</summary>
    public int Columns => _outputsAreColumns ? OutputCount : InputCount;

    /// <summary>Number of stored (non-zero) coefficients.</summary>
    public int NonZeroCount => _indices.Length;

    /// <summary>The source indices output <paramref name="output"/> reads, ascending.</summary>
    public ReadOnlySpan<int> GetSourceIndices(int output) => _indices.AsSpan(Range(output));

    /// <summary>The weights matching <see cref="GetSourceIndices"/>.</summary>
    public ReadOnlySpan<double> GetWeights(int output) => _weights.AsSpan(Range(output));

    /// <summary>The coefficient at (<paramref name="row"/>, <paramref name="column"/>); 0 where none is stored.</summary>
    public double this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
            ArgumentOutOfRangeException.ThrowIfNegative(column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);
            (int output, int input) = _outputsAreColumns ? (column, row) : (row, column);
            int at = GetSourceIndices(output).BinarySearch(input);
            return at >= 0 ? GetWeights(output)[at] : 0.0;
        }
    }

    /// <summary>The matrix as a dense array [Rows, Columns].</summary>
    public double[,] ToArray()
    {
        var dense = new double[Rows, Columns];
        for (int output = 0; output < OutputCount; output++)
        {
            ReadOnlySpan<int> indices = GetSourceIndices(output);
            ReadOnlySpan<double> weights = GetWeights(output);
            for (int k = 0; k < indices.Length; k++)
            {
                if (_outputsAreColumns)
                {
                    dense[indices[k], output] = weights[k];
                }
                else
                {
                    dense[output, indices[k]] = weights[k];
                }
            }
        }
        return dense;
    }

    private Range Range(int output)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(output);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(output, OutputCount);
        return _offsets[output].._offsets[output + 1];
    }
}
