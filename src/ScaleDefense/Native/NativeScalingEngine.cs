using ScaleDefense.Interop;

namespace ScaleDefense.Native;

/// <summary>A model held by the C++ core through one opaque handle, which serves every operation (scale, matrices, P, filters, strong attack).</summary>
internal sealed unsafe class NativeScalingEngine : IScalingEngine
{
    private readonly ScalingModelHandle _handle;

    private readonly sd_scaling_model_info _info;

    public NativeScalingEngine(ScalingLibrary library, ScalingAlgorithm algorithm, ImageSize source, ImageSize target, bool antialias,
                               MipmapMode mipmaps, CubicResampler? cubic, OpenCvBuild build, MlNetFit? fit)
    {
        var parameters = new sd_scaling_model_params
        {
            library = (int)library,
            algorithm = (int)algorithm,
            source_width = source.Width,
            source_height = source.Height,
            target_width = target.Width,
            target_height = target.Height,
            antialias = antialias ? 1 : 0,
            mipmap_mode = (int)mipmaps,
            cubic_b = cubic?.B ?? 0.0,
            cubic_c = cubic?.C ?? 0.0,
            opencv_build = (int)build,
            mlnet_resizing = (int)(fit?.Resizing ?? MlNetResizing.IsoCrop),
            crop_anchor = (int)(fit?.Anchor ?? CropAnchor.Center),
        };
        int status = ScalingModelHandle.Create(parameters, out _handle);
        NativeStatus.Check(status);
        _info = ReadInfo(_handle, source, target);
    }

    /// <summary>A custom model: the core copies the (already checked) matrices and checks them again.</summary>
    public NativeScalingEngine(CustomMatrices matrices)
    {
        (int[] lo, int[] li, double[] lw) = matrices.Left.Csr;
        (int[] ro, int[] ri, double[] rw) = matrices.Right.Csr;
        fixed (int* lop = lo)
        fixed (int* lip = li)
        fixed (double* lwp = lw)
        fixed (int* rop = ro)
        fixed (int* rip = ri)
        fixed (double* rwp = rw)
        {
            var vertical = new sd_sparse_matrix
            {
                row_offsets = lop, indices = lip, weights = lwp, count = li.Length,
                outputs = matrices.Left.OutputCount, inputs = matrices.Left.InputCount,
            };
            var horizontal = new sd_sparse_matrix
            {
                row_offsets = rop, indices = rip, weights = rwp, count = ri.Length,
                outputs = matrices.Right.OutputCount, inputs = matrices.Right.InputCount,
            };
            NativeStatus.Check(ScalingModelHandle.CreateFromMatrices(vertical, horizontal, out _handle));
        }
        _info = ReadInfo(_handle, matrices.Source, matrices.Target);
    }

    private static sd_scaling_model_info ReadInfo(ScalingModelHandle handle, ImageSize source, ImageSize target)
    {
        sd_scaling_model_info info;
        using (new HandleLease(handle))
        {
            NativeStatus.Check(NativeMethods.sd_scaling_model_get_info(handle.Pointer, &info));
        }
        handle.AddMemoryPressure(EstimatedNativeBytes(source, target, info));
        return info;
    }

    // What the core keeps per model: the CSR matrices of both sample types (index + weight per tap,
    // about σ + 2 taps per output) and per-index tables and P flags. A hint for the GC, not an account.
    private static long EstimatedNativeBytes(ImageSize source, ImageSize target, in sd_scaling_model_info info)
    {
        double taps = (Math.Ceiling(info.kernel_width_x) + 2) * target.Width + (Math.Ceiling(info.kernel_width_y) + 2) * target.Height;
        return (long)(2 * 12 * taps) + 16L * (source.Width + source.Height + target.Width + target.Height);
    }

    public ScalingBackend Backend => ScalingBackend.Native;

    public double KernelWidth(bool vertical) => vertical ? _info.kernel_width_y : _info.kernel_width_x;

    public bool Supports(SampleType sampleType) =>
        (sampleType == SampleType.UInt8 ? _info.supports_uint8 : _info.supports_float32) != 0;

    public (int[] Offsets, int[] Indices, double[] Weights) GetCoefficients(bool vertical, SampleType sampleType)
    {
        int axis = (int)(vertical ? sd_axis.SD_AXIS_VERTICAL : sd_axis.SD_AXIS_HORIZONTAL);
        using var lease = new HandleLease(_handle);
        long count;
        NativeStatus.Check(NativeMethods.sd_scaling_model_get_coefficient_count(_handle.Pointer, axis, (int)sampleType, &count));
        sd_scaling_model_params p;
        NativeStatus.Check(NativeMethods.sd_scaling_model_get_params(_handle.Pointer, &p));
        int outputs = vertical ? p.target_height : p.target_width;
        var offsets = new int[outputs + 1];
        var indices = new int[count];
        var weights = new double[count];
        fixed (int* o = offsets)
        fixed (int* i = indices)
        fixed (double* w = weights)
        {
            NativeStatus.Check(NativeMethods.sd_scaling_model_get_coefficients(
                _handle.Pointer, axis, (int)sampleType, o, offsets.Length, i, w, count));
        }
        return (offsets, indices, weights);
    }

    public void Scale(ReadOnlySpan<byte> source, ImageLayout sourceLayout, Span<byte> destination, ImageLayout destinationLayout)
    {
        fixed (byte* s = source)
        fixed (byte* d = destination)
        {
            Run(s, sourceLayout, d, destinationLayout, sd_sample_type.SD_SAMPLE_UINT8);
        }
    }

    public void Scale(ReadOnlySpan<float> source, ImageLayout sourceLayout, Span<float> destination, ImageLayout destinationLayout)
    {
        fixed (float* s = source)
        fixed (float* d = destination)
        {
            Run(s, sourceLayout, d, destinationLayout, sd_sample_type.SD_SAMPLE_FLOAT32);
        }
    }

    /// <summary>The selective filters of the native core (sd_reconstruct), over the handle's own P.</summary>
    public long Reconstruct(ReadOnlySpan<byte> source, ImageLayout sourceLayout, Span<byte> destination, ImageLayout destinationLayout,
                            Reconstruction method, ReconstructionOptions options, Lazy<ConsideredPixels> considered)
    {
        sd_filter_params parameters = FilterParams(method, options);
        long rewritten;
        fixed (byte* s = source)
        fixed (byte* d = destination)
        {
            sd_image src = NativeImages.View(s, sourceLayout, sd_sample_type.SD_SAMPLE_UINT8);
            sd_image dst = NativeImages.View(d, destinationLayout, sd_sample_type.SD_SAMPLE_UINT8);
            using var lease = new HandleLease(_handle);
            NativeStatus.Check(NativeMethods.sd_reconstruct(_handle.Pointer, &parameters, &src, &dst, &rewritten));
        }
        return rewritten;
    }

    /// <summary>The core's detector (sd_detect_reconstruction_difference): reconstruction and both scales in one call.</summary>
    public double ReconstructionDifference(ReadOnlySpan<byte> source, ImageLayout sourceLayout, Reconstruction method,
                                           ReconstructionOptions options, Lazy<ConsideredPixels> considered, ImageSize target)
    {
        sd_filter_params parameters = FilterParams(method, options);
        double score;
        fixed (byte* s = source)
        {
            sd_image src = NativeImages.View(s, sourceLayout, sd_sample_type.SD_SAMPLE_UINT8);
            using var lease = new HandleLease(_handle);
            NativeStatus.Check(NativeMethods.sd_detect_reconstruction_difference(_handle.Pointer, &parameters, &src, &score));
        }
        return score;
    }

    private static sd_filter_params FilterParams(Reconstruction method, ReconstructionOptions options) => new()
    {
        seed = options.Seed ?? 0,
        method = (int)method, // Median, Random, WeightedMedian: the ABI's values (AbiEnumTests)
        window = (int)options.Window,
        unpredictable = options.Seed is null ? 1 : 0,
        threads = options.Threads,
        leave_other_pixels = options.LeaveOtherPixels ? 1 : 0,
    };

    public StrongAttackOutput StrongAttack(ReadOnlySpan<byte> source, ImageLayout sourceLayout, ReadOnlySpan<byte> target, ImageLayout targetLayout,
                                           StrongAttackOptions options)
    {
        using var lease = new HandleLease(_handle);
        return NativeStrongAttack.Run(_handle, source, sourceLayout, target, targetLayout, options);
    }

    public void Dispose() => _handle.Dispose();

    private void Run(void* source, ImageLayout sourceLayout, void* destination, ImageLayout destinationLayout, sd_sample_type type)
    {
        sd_image src = NativeImages.View(source, sourceLayout, type);
        sd_image dst = NativeImages.View(destination, destinationLayout, type);
        using var lease = new HandleLease(_handle);
        NativeStatus.Check(NativeMethods.sd_scaling_model_scale(_handle.Pointer, &src, &dst));
    }
}
