using System.Runtime.CompilerServices;

namespace ScaleDefense.Managed.Pillow;

/// <summary>
/// What one output sample of a Pillow pass computes, per sample type (pillow_kernels.cpp:
/// FixedArithmetic, FloatArithmetic): sum = Start; sum = Add(sum, sample, weight) per tap; Finish(sum).
/// Implemented by structs, so each pass is compiled once per type with the arithmetic inlined.
/// </summary>
internal interface IPillowArithmetic<TSample, TSum>
    where TSample : unmanaged
    where TSum : unmanaged
{
    /// <summary>The table's weights in the type of the sum.</summary>
    static abstract TSum[] Weights(KernelTable table);

    static abstract TSum Start();

    static abstract TSum Add(TSum sum, TSample sample, TSum weight);

    static abstract TSample Finish(TSum sum);
}

/// <summary>8 bits: the 22-bit fixed-point weights in a 32-bit sum starting at one half, clipped after the shift (clip8).</summary>
internal readonly struct PillowFixedArithmetic : IPillowArithmetic<byte, int>
{
    public static int[] Weights(KernelTable table) => table.Fixed;

    public static int Start() => 1 << (PillowTables.PrecisionBits - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Add(int sum, byte sample, int weight) => sum + (sample * weight);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Finish(int sum)
    {
        int v = sum >> PillowTables.PrecisionBits; // arithmetic shift: floor, also below zero
        return (byte)(v < 0 ? 0 : v > 255 ? 255 : v);
    }
}

/// <summary>Mode "F": the float sample times the double weight, summed in double, stored as float32.</summary>
internal readonly struct PillowFloatArithmetic : IPillowArithmetic<float, double>
{
    public static double[] Weights(KernelTable table) => table.Weight;

    public static double Start() => 0.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Add(double sum, float sample, double weight)
    {
        double term = sample * weight;
        return sum + term; // two statements: no fused multiply-add
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Finish(double sum) => (float)sum;
}
