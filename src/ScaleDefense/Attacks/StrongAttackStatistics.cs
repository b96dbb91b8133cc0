namespace ScaleDefense;

/// <summary>What the strong attack's solver and rounding repair report.</summary>
public sealed record StrongAttackStatistics
{
    /// <summary>Largest duality gap of one column or row problem, in squared grey levels (0 = provably optimal).</summary>
    public required double MaxDualityGap { get; init; }

    /// <summary>The largest gap relative to its problem's objective (at least 1).</summary>
    public required double MaxRelativeGap { get; init; }

    /// <summary>Largest constraint violation the solver left, grey levels.</summary>
    public required double MaxResidual { get; init; }

    /// <summary>Solver sweeps over all problems (one per problem where supports are disjoint).</summary>
    public required long TotalSweeps { get; init; }

    /// <summary>Sweeps of the slowest problem.</summary>
    public required int MaxSweeps { get; init; }

    /// <summary>The rows of L have disjoint supports: the vertical step was solved in closed form, exactly.</summary>
    public required bool VerticalDisjoint { get; init; }

    /// <summary>The same for the rows of Rᵀ (the horizontal step).</summary>
    public required bool HorizontalDisjoint { get; init; }

    /// <summary>Columns whose ε had to be raised above the requested one.</summary>
    public required int ColumnsRaised { get; init; }

    /// <summary>Columns without a solution even at the largest ε (best effort kept).</summary>
    public required int ColumnsInfeasible { get; init; }

    /// <summary>Rows of the horizontal step whose band had to be widened.</summary>
    public required int RowsRaised { get; init; }

    /// <summary>Widest band of the horizontal step.</summary>
    public required double MaxRowBand { get; init; }

    /// <summary>Source pixels nudged after rounding to 8 bits.</summary>
    public required long RepairedPixels { get; init; }

    /// <summary>Output samples still beyond their column's ε after the repair.</summary>
    public required long OutputsOff { get; init; }

    /// <summary>Largest |scale(A) − T| through the exact model.</summary>
    public required double MaxError { get; init; }
}

/// <summary>A strong attack's image and verification, and what its solver reports.</summary>
/// <param name="Attack">The attack image and its verification (O1, O2, runtime, ε per column).</param>
/// <param name="Statistics">Solver and repair figures.</param>
public sealed record StrongAttackResult(AttackResult Attack, StrongAttackStatistics Statistics);
