namespace ScaleDefense.Managed.Defense;

/// <summary>
/// SplitMix64 used counter-based, and Lemire's unbiased bounded integers: the same definition as
/// native/src/defense/random_source.hpp, so one seed gives the same picks in both backends.
/// </summary>
internal readonly struct RandomSource(ulong seed)
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private readonly ulong _seed = seed;

    /// <summary>Draw number <paramref name="counter"/> (0-based): the (counter + 1)-th output of SplitMix64 seeded with the seed.</summary>
    public ulong At(ulong counter)
    {
        unchecked // wrap-around is the definition
        {
            ulong z = _seed + (counter + 1) * Gamma;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>
    /// One attempt of the random filter with draw <paramref name="z"/>: the high half picks the row
    /// in [0, rows), the low half the column in [0, columns); false when either falls in the sliver
    /// Lemire's method rejects.
    /// </summary>
    public static bool Pick(ulong z, uint rows, uint columns, out int row, out int column)
    {
        ulong a = (z >> 32) * rows;
        ulong b = (z & 0xFFFFFFFFUL) * columns;
        row = (int)(a >> 32);
        column = (int)(b >> 32);
        return (uint)(a & 0xFFFFFFFFUL) >= RejectionThreshold(rows) && (uint)(b & 0xFFFFFFFFUL) >= RejectionThreshold(columns);
    }

    private static uint RejectionThreshold(uint bound) => unchecked(0u - bound) % bound;

    public static ulong OsSeed()
    {
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt64(bytes);
    }
}
