namespace ScaleDefense;

/// <summary>
/// Settings of <see cref="StrongScalingAttack"/>. The defaults are the paper's: ε = 1, raised in
/// steps of 1 up to 50 for the columns where no solution exists.
/// </summary>
public sealed record StrongAttackOptions
{
    /// <summary>Largest <see cref="Threads"/> accepted (the native core's bound).</summary>
    public const int MaxThreads = 256;

    /// <summary>
    /// Largest number of ε levels the schedule may have: 1 + ⌈(<see cref="MaxEpsilon"/> − 0.25) / <see cref="EpsilonStep"/>⌉.
    /// The search over levels is a bisection, so long schedules are cheap; the bound keeps every level countable.
    /// </summary>
    public const int MaxEpsilonLevels = 100_000;

    /// <summary>The default settings.</summary>
    public static StrongAttackOptions Default { get; } = new();

    /// <summary>
    /// The limited-change attack of the paper's section 5.3.1 against Pillow: in each kernel the
    /// <see cref="FreePixels"/> pixels of highest weight (2) change freely, all others by at most
    /// <see cref="MaxChange"/> (10) grey levels.
    /// </summary>
    public static StrongAttackOptions PillowLimitedChange { get; } = new() { LimitedChange = true };

    /// <summary>Requested bound on |scale(A) − T| for every output sample, in grey levels (&gt; 0.25).</summary>
    public double Epsilon { get; init; } = 1;

    /// <summary>Columns infeasible at <see cref="Epsilon"/> are retried with a larger ε up to this value.</summary>
    public double MaxEpsilon { get; init; } = 50;

    /// <summary>Increment of the ε schedule; together with <see cref="MaxEpsilon"/> at most <see cref="MaxEpsilonLevels"/> levels.</summary>
    public double EpsilonStep { get; init; } = 1;

    /// <summary>Worker threads, 0..<see cref="MaxThreads"/>; 0 uses every core (at most <see cref="MaxThreads"/>). The result does not depend on it.</summary>
    public int Threads { get; init; }

    /// <summary>Turns on the limited-change constraint (<see cref="FreePixels"/>, <see cref="MaxChange"/>).</summary>
    public bool LimitedChange { get; init; }

    /// <summary>Limited change: pixels of highest weight per kernel that may take any value.</summary>
    public int FreePixels { get; init; } = 2;

    /// <summary>Limited change: largest |A − S| of every other pixel.</summary>
    public double MaxChange { get; init; } = 10;

    /// <summary>Solver: largest constraint violation accepted (grey levels) where kernel supports overlap.</summary>
    public double Tolerance { get; init; } = 1e-3;

    /// <summary>
    /// Solver: sweeps per attempt where kernel supports overlap; a column not solved within them is
    /// treated as infeasible at that ε (its ε is raised).
    /// </summary>
    public int MaxSweeps { get; init; } = 200;

    /// <summary>Rounds of the repair that restores |scale(A) − T| ≤ ε after rounding A to 8 bits.</summary>
    public int RepairRounds { get; init; } = 16;
}
