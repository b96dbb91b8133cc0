namespace ScaleDefense;

/// <summary>One axis of a scaler, seen from its coefficient matrix.</summary>
public sealed class AxisAnalysis
{
    /// <param name="matrix">The axis' matrix.</param>
    /// <param name="kernelWidth">σ as the model states it.</param>
    /// <param name="considered">This axis' share of P (the model's, computed once).</param>
    internal AxisAnalysis(CoefficientMatrix matrix, double kernelWidth, int[] considered)
    {
        SourceCount = matrix.InputCount;
        TargetCount = matrix.OutputCount;
        KernelWidth = kernelWidth;
        var maxWeight = new double[SourceCount];
        bool nearest = true;
        for (int output = 0; output < matrix.OutputCount; output++)
        {
            ReadOnlySpan<int> indices = matrix.GetSourceIndices(output);
            ReadOnlySpan<double> weights = matrix.GetWeights(output);
            nearest &= indices.Length == 1 && Math.Abs(weights[0] - 1.0) < 1e-9;
            for (int k = 0; k < indices.Length; k++)
            {
                maxWeight[indices[k]] = Math.Max(maxWeight[indices[k]], Math.Abs(weights[k]));
            }
        }
        MaxWeightPerIndex = maxWeight;
        ConsideredIndices = considered;
        MaxWeight = maxWeight.Length == 0 ? 0 : maxWeight.Max();
        double significant = SignificanceShare / Math.Max(Ratio, 1.0);
        SignificantCount = maxWeight.Count(w => w >= significant);
        BehavesLikeNearest = nearest && Ratio > 1;
    }

    /// <summary>Source samples along the axis.</summary>
    public int SourceCount { get; }

    /// <summary>Target samples along the axis.</summary>
    public int TargetCount { get; }

    /// <summary>The scaling ratio β = source / target.</summary>
    public double Ratio => (double)SourceCount / TargetCount;

    /// <summary>The kernel's width σ in source samples, as the model states it.</summary>
    public double KernelWidth { get; }

    /// <summary>Source indices with a non-zero weight in some output: this axis' share of the set P.</summary>
    public IReadOnlyList<int> ConsideredIndices { get; }

    /// <summary>A weight below this share of a uniform kernel's 1/β is negligible: such a sample is read but barely counts.</summary>
    public const double SignificanceShare = 0.1;

    /// <summary>Source indices whose largest weight is at least <see cref="SignificanceShare"/>/β (floating-point crumbs of a kernel that is zero there do not count).</summary>
    public int SignificantCount { get; }

    /// <summary>Share of the source indices that are read at all.</summary>
    public double CoveredFraction => (double)ConsideredIndices.Count / SourceCount;

    /// <summary>For each source index, its largest weight in any output (0 = never read).</summary>
    public IReadOnlyList<double> MaxWeightPerIndex { get; }

    /// <summary>The largest weight of any source index.</summary>
    public double MaxWeight { get; }

    /// <summary>
    /// The largest weight relative to a uniform kernel's 1/β (1 for area scaling; β for a scaler
    /// that copies single pixels). Only meaningful when downscaling.
    /// </summary>
    public double Concentration => MaxWeight * Math.Max(Ratio, 1.0);

    /// <summary>Every output copies exactly one source sample (Appendix A's downgrade to nearest).</summary>
    public bool BehavesLikeNearest { get; }
}
