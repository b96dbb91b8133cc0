namespace ScaleDefense.Managed.Defense;

/// <summary>SplitMix64 with Lemire's unbiased bounded integers: the same definition as native/src/defense/random_source.hpp, so one seed gives the same picks in both backends.</summary>
internal struct RandomSource(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        unchecked // wrap-around is the definition
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    public uint Below(uint bound)
    {
        uint threshold = unchecked(0u - bound) % bound;
        while (true)
        {
            ulong product = (ulong)(uint)(Next() >> 32) * bound;
            if (unchecked((uint)product) >= threshold) // the low half, by definition (Debug builds check overflow)
            {
                return (uint)(product >> 32);
            }
        }
    }

    public static ulong OsSeed()
    {
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt64(bytes);
    }
}
