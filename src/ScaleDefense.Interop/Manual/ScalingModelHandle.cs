using System.Runtime.InteropServices;

namespace ScaleDefense.Interop;

/// <summary>Owns one <c>sd_scaling_model*</c>; releasing it never throws.</summary>
public sealed class ScalingModelHandle : SafeHandle
{
    public ScalingModelHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    private long _memoryPressure;
    private static long s_live;

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Handles created and not yet released in this process: a leak counter for soak tests.</summary>
    public static long LiveCount => Interlocked.Read(ref s_live);

    /// <summary>Tells the GC how much native memory this handle holds, so that dropped models are collected in time; undone on release.</summary>
    public void AddMemoryPressure(long bytes)
    {
        if (bytes > 0 && Interlocked.CompareExchange(ref _memoryPressure, bytes, 0) == 0)
        {
            GC.AddMemoryPressure(bytes);
        }
    }

    /// <summary>The raw pointer, for a call made inside a DangerousAddRef/Release pair.</summary>
    public unsafe sd_scaling_model* Pointer => (sd_scaling_model*)handle;

    internal void Adopt(IntPtr pointer)
    {
        SetHandle(pointer);
        Interlocked.Increment(ref s_live);
    }

    protected override unsafe bool ReleaseHandle()
    {
        long pressure = Interlocked.Exchange(ref _memoryPressure, 0);
        if (pressure > 0)
        {
            GC.RemoveMemoryPressure(pressure);
        }
        Interlocked.Decrement(ref s_live);
        // destroy only fails on a foreign pointer, which a SafeHandle never holds.
        return NativeMethods.sd_scaling_model_destroy((sd_scaling_model*)handle) == (int)sd_status_code.SD_STATUS_OK;
    }

    /// <summary>Creates a model; on failure returns the status and leaves the handle invalid.</summary>
    public static unsafe int Create(in sd_scaling_model_params parameters, out ScalingModelHandle model)
    {
        model = new ScalingModelHandle();
        sd_scaling_model* raw = null;
        int status;
        fixed (sd_scaling_model_params* p = &parameters)
        {
            status = NativeMethods.sd_scaling_model_create(p, &raw);
        }
        if (status == (int)sd_status_code.SD_STATUS_OK)
        {
            model.Adopt((IntPtr)raw);
        }
        return status;
    }

    /// <summary>Creates a custom model from its two matrices (the arrays they point to must stay pinned for the call); on failure returns the status and leaves the handle invalid.</summary>
    public static unsafe int CreateFromMatrices(in sd_sparse_matrix vertical, in sd_sparse_matrix horizontal, out ScalingModelHandle model)
    {
        model = new ScalingModelHandle();
        sd_scaling_model* raw = null;
        int status;
        fixed (sd_sparse_matrix* v = &vertical)
        fixed (sd_sparse_matrix* h = &horizontal)
        {
            status = NativeMethods.sd_scaling_model_create_from_matrices(v, h, &raw);
        }
        if (status == (int)sd_status_code.SD_STATUS_OK)
        {
            model.Adopt((IntPtr)raw);
        }
        return status;
    }
}
