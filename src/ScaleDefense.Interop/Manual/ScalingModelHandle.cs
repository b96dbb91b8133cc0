using System.Runtime.InteropServices;

namespace ScaleDefense.Interop;

/// <summary>Owns one <c>sd_scaling_model*</c>; releasing it never throws.</summary>
public sealed class ScalingModelHandle : SafeHandle
{
    public ScalingModelHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>The raw pointer, for a call made inside a DangerousAddRef/Release pair.</summary>
    public unsafe sd_scaling_model* Pointer => (sd_scaling_model*)handle;

    internal void Adopt(IntPtr pointer) => SetHandle(pointer);

    protected override unsafe bool ReleaseHandle()
    {
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
}
