using ScaleDefense.Interop;

namespace ScaleDefense.Native;

/// <summary>The one place a native status becomes a .NET exception.</summary>
internal static class NativeStatus
{
    public static void Check(int status)
    {
        if (status == (int)sd_status_code.SD_STATUS_OK)
        {
            return;
        }
        string message = NativeError.LastMessage();
        throw (sd_status_code)status switch
        {
            sd_status_code.SD_STATUS_INVALID_ARGUMENT => new ArgumentException(message),
            sd_status_code.SD_STATUS_BUFFER_TOO_SMALL => new ArgumentException(message),
            sd_status_code.SD_STATUS_UNSUPPORTED => new NotSupportedException(message),
            sd_status_code.SD_STATUS_OUT_OF_MEMORY => new ScaleDefenseException($"the native library ran out of memory: {message}"),
            _ => new ScaleDefenseException($"native error {status}: {message}"),
        };
    }
}
