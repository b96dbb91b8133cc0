using ScaleDefense.Managed.Defense;

namespace ScaleDefense.Managed;

/// <summary>
/// What every managed model shares: the selective filters over the model's P, and no strong attack
/// (its solver lives in the native core only). A library's engine supplies the tables and kernels.
/// </summary>
internal abstract class ManagedScalingEngine : IScalingEngine
{
    public ScalingBackend Backend => ScalingBackend.Managed;

    public abstract double KernelWidth(bool vertical);

    public abstract bool Supports(SampleType sampleType);

    public abstract (int[] Offsets, int[] Indices, double[] Weights) GetCoefficients(bool vertical, SampleType sampleType);

    /// <summary>8-bit scaling; libraries that compute in float only (TensorFlow, PyTorch) keep this refusal, which ScalingModel's own check precedes.</summary>
    public virtual void Scale(ReadOnlySpan<byte> source, ImageLayout sourceLayout, Span<byte> destination, ImageLayout destinationLayout) =>
        throw new NotSupportedException("This library has no 8-bit path; scale float32 samples.");

    public abstract void Scale(ReadOnlySpan<float> source, ImageLayout sourceLayout, Span<float> destination, ImageLayout destinationLayout);

    public long Reconstruct(ReadOnlySpan<byte> source, ImageLayout sourceLayout, Span<byte> destination, ImageLayout destinationLayout,
                            Reconstruction method, ReconstructionOptions options, Lazy<ConsideredPixels> considered) =>
        method != Reconstruction.Random // Median, or WeightedMedian on the heavy set the model passes
            ? SelectiveFilters.Median(source, sourceLayout, destination, destinationLayout, considered.Value, options.Window,
                                      options.LeaveOtherPixels)
            : SelectiveFilters.Random(source, sourceLayout, destination, destinationLayout, considered.Value, options.Window,
                                      options.Seed ?? RandomSource.OsSeed(), options.LeaveOtherPixels);

    public double ReconstructionDifference(ReadOnlySpan<byte> source, ImageLayout sourceLayout, Reconstruction method,
                                           ReconstructionOptions options, Lazy<ConsideredPixels> considered, ImageSize target)
    {
        var packed = new ImageLayout(sourceLayout.Width, sourceLayout.Height, sourceLayout.Channels);
        byte[] rebuilt = new byte[packed.RequiredLength];
        if (Reconstruct(source, sourceLayout, rebuilt, packed, method, options with { LeaveOtherPixels = false }, considered) == 0)
        {
            return 0;
        }
        return ScaledDifference.Rms(this, source, sourceLayout, rebuilt, packed, target);
    }

    public StrongAttackOutput StrongAttack(ReadOnlySpan<byte> source, ImageLayout sourceLayout, ReadOnlySpan<byte> target, ImageLayout targetLayout,
                                           StrongAttackOptions options) =>
        throw new NotSupportedException(
            "The strong attack runs in the native core (libscaledefense) only, and this model uses the managed backend" +
            $" ({NativeCore.Describe()}). Create the model with ScalingBackend.Native or Auto where the native library loads," +
            " or use ScalingAttacks.DirectNearest / Area, which run on either backend.");

    public void Dispose()
    {
        // Nothing native to free.
    }
}
