using System.Runtime.InteropServices;

namespace ScaleDefense.Native;

/// <summary>Keeps a SafeHandle alive (add-ref) for the duration of a native call.</summary>
internal readonly ref struct HandleLease
{
    private readonly SafeHandle _handle;

    public HandleLease(SafeHandle handle)
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, handle);
        bool added = false;
        handle.DangerousAddRef(ref added);
        _handle = handle;
    }

    public void Dispose() => _handle.DangerousRelease();
}
