using ScaleDefense.Interop;

namespace ScaleDefense.Native;

/// <summary>Marshals the strong attack (sd_strong_attack) on a model's existing handle; arguments already validated.</summary>
internal static unsafe class NativeStrongAttack
{
    public static StrongAttackOutput Run(ScalingModelHandle handle, ReadOnlySpan<byte> source, ImageLayout sourceLayout,
                                         ReadOnlySpan<byte> target, ImageLayout targetLayout, StrongAttackOptions options)
    {
        var parameters = new sd_attack_params
        {
            epsilon = options.Epsilon,
            max_epsilon = options.MaxEpsilon,
            epsilon_step = options.EpsilonStep,
            max_change = options.MaxChange,
            tolerance = options.Tolerance,
            threads = options.Threads,
            limited_change = options.LimitedChange ? 1 : 0,
            free_pixels = options.FreePixels,
            max_sweeps = options.MaxSweeps,
            repair_rounds = options.RepairRounds,
        };
        var attackLayout = new ImageLayout(sourceLayout.Width, sourceLayout.Height, sourceLayout.Channels);
        var image = new byte[attackLayout.RequiredLength];
        var epsilons = new float[targetLayout.Width];
        sd_attack_stats stats;
        fixed (byte* s = source)
        fixed (byte* t = target)
        fixed (byte* a = image)
        fixed (float* e = epsilons)
        {
            sd_image src = NativeImages.View(s, sourceLayout, sd_sample_type.SD_SAMPLE_UINT8);
            sd_image tgt = NativeImages.View(t, targetLayout, sd_sample_type.SD_SAMPLE_UINT8);
            sd_image atk = NativeImages.View(a, attackLayout, sd_sample_type.SD_SAMPLE_UINT8);
            NativeStatus.Check(NativeMethods.sd_strong_attack(handle.Pointer, &parameters, &src, &tgt, &atk, e, epsilons.Length, &stats));
        }
        return new StrongAttackOutput(image, Array.ConvertAll(epsilons, v => (double)v), ToStatistics(stats));
    }

    private static StrongAttackStatistics ToStatistics(in sd_attack_stats s) => new()
    {
        MaxDualityGap = s.max_duality_gap,
        MaxRelativeGap = s.max_relative_gap,
        MaxResidual = s.max_residual,
        TotalSweeps = s.total_sweeps,
        MaxSweeps = s.max_sweeps,
        VerticalDisjoint = s.vertical_disjoint != 0,
        HorizontalDisjoint = s.horizontal_disjoint != 0,
        ColumnsRaised = s.columns_raised,
        ColumnsInfeasible = s.columns_infeasible,
        RowsRaised = s.rows_raised,
        MaxRowBand = s.max_row_band,
        RepairedPixels = s.repaired_pixels,
        OutputsOff = s.outputs_off,
        MaxError = s.max_error,
    };
}
