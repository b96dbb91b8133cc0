namespace ScaleDefense;

/// <summary>
/// L and R of a <see cref="ScalingLibrary.Custom"/> model, checked once: L's outputs are its rows
/// (target height × source height), R's its columns (source width × target width), every weight is
/// finite and every output reads at least one source pixel. Immutable, so models and secure
/// scalers built from it can share it.
/// </summary>
internal sealed class CustomMatrices
{
    private CustomMatrices(CoefficientMatrix left, CoefficientMatrix right, string origin)
    {
        Left = left;
        Right = right;
        Origin = origin;
    }

    public CoefficientMatrix Left { get; }

    public CoefficientMatrix Right { get; }

    /// <summary>Where the matrices came from, for messages and <see cref="ScalingModel.Origin"/>.</summary>
    public string Origin { get; }

    public ImageSize Source => new(Right.InputCount, Left.InputCount);

    public ImageSize Target => new(Right.OutputCount, Left.OutputCount);

    public static CustomMatrices From(CoefficientMatrix left, CoefficientMatrix right, string origin)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.OutputsAreColumns)
        {
            throw new ArgumentException("left has its outputs as columns (an R matrix); pass L, target height × source height, as ScalingModel.Left is.", nameof(left));
        }
        if (!right.OutputsAreColumns)
        {
            throw new ArgumentException("right has its outputs as rows (an L matrix); pass R, source width × target width, as ScalingModel.Right is.", nameof(right));
        }
        Check(left, nameof(left));
        Check(right, nameof(right));
        return new CustomMatrices(left, right, origin);
    }

    /// <summary>From dense arrays: left [target height, source height], right [source width, target width]; zeros are not stored.</summary>
    public static CustomMatrices From(double[,] left, double[,] right, string origin)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        RequireFinite(left, nameof(left));
        RequireFinite(right, nameof(right));
        if (left.GetLength(0) == 0 || left.GetLength(1) == 0 || right.GetLength(0) == 0 || right.GetLength(1) == 0)
        {
            throw new ArgumentException(
                $"left is {left.GetLength(0)}×{left.GetLength(1)} and right {right.GetLength(0)}×{right.GetLength(1)}: both need at least one row and one column" +
                " (left: target height × source height, right: source width × target width).", left.Length == 0 ? nameof(left) : nameof(right));
        }
        var outputsFirst = new double[right.GetLength(1), right.GetLength(0)];
        for (int j = 0; j < right.GetLength(0); j++)
        {
            for (int c = 0; c < right.GetLength(1); c++)
            {
                outputsFirst[c, j] = right[j, c];
            }
        }
        return From(CoefficientMatrix.FromDense(left, outputsAreColumns: false, 0.0),
                    CoefficientMatrix.FromDense(outputsFirst, outputsAreColumns: true, 0.0), origin);
    }

    /// <summary>Width of the widest output's support along an axis, in source pixels (σ of a matrix we know nothing else about).</summary>
    public double KernelWidth(bool vertical) => WidestSupport(vertical ? Left : Right);

    /// <summary>Source indices from an output's first to its last tap, the widest over all outputs.</summary>
    public static double WidestSupport(CoefficientMatrix m)
    {
        int widest = 0;
        for (int d = 0; d < m.OutputCount; d++)
        {
            ReadOnlySpan<int> indices = m.GetSourceIndices(d);
            if (indices.Length > 0)
            {
                widest = Math.Max(widest, indices[^1] - indices[0] + 1);
            }
        }
        return widest;
    }

    private static void Check(CoefficientMatrix m, string name)
    {
        string axis = name == "left" ? "row" : "column";
        if (m.OutputCount < 1 || m.InputCount < 1 || m.OutputCount > ScalingModel.MaxDimension || m.InputCount > ScalingModel.MaxDimension)
        {
            throw new ArgumentException($"{name} is {m.Rows}×{m.Columns}; each side must be 1 to {ScalingModel.MaxDimension}.", name);
        }
        for (int d = 0; d < m.OutputCount; d++)
        {
            ReadOnlySpan<double> weights = m.GetWeights(d);
            bool reads = false;
            foreach (double w in weights)
            {
                if (!double.IsFinite(w))
                {
                    throw new ArgumentException($"{name} has a weight {w} in output {axis} {d}; every weight must be finite.", name);
                }
                reads |= w != 0;
            }
            if (!reads)
            {
                throw new ArgumentException(
                    $"Output {axis} {d} of {name} has no non-zero weight: every output must read at least one source pixel (a scaler that keeps a flat image flat has weights summing to 1).", name);
            }
        }
    }

    private static void RequireFinite(double[,] m, string name)
    {
        for (int i = 0; i < m.GetLength(0); i++)
        {
            for (int j = 0; j < m.GetLength(1); j++)
            {
                if (!double.IsFinite(m[i, j]))
                {
                    throw new ArgumentException($"{name}[{i}, {j}] is {m[i, j]}; every weight must be finite.", name);
                }
            }
        }
    }
}
