using System.Numerics;
using System.Runtime.InteropServices;

namespace ScaleDefense.Benchmarks;

/// <summary>Reads every byte once (vectorised sum): what any whole-image pass costs at least.</summary>
internal static class MemoryFloor
{
    public static ulong Sum(byte[] data)
    {
        ulong sum = 0;
        ReadOnlySpan<Vector<byte>> vectors = MemoryMarshal.Cast<byte, Vector<byte>>(data);
        foreach (Vector<byte> v in vectors)
        {
            Vector.Widen(v, out Vector<ushort> lo, out Vector<ushort> hi);
            sum += Vector.Sum(lo + hi);
        }
        for (int i = vectors.Length * Vector<byte>.Count; i < data.Length; i++)
        {
            sum += data[i];
        }
        return sum;
    }
}
