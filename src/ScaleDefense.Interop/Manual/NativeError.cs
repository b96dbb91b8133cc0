using System.Runtime.InteropServices;

namespace ScaleDefense.Interop;

/// <summary>Reads the thread-local error text of the native library.</summary>
public static class NativeError
{
    /// <summary>The message of the last failure on this thread ("" when none).</summary>
    public static unsafe string LastMessage()
    {
        byte* text = NativeMethods.sd_last_error();
        return text == null ? string.Empty : Marshal.PtrToStringUTF8((IntPtr)text) ?? string.Empty;
    }
}
