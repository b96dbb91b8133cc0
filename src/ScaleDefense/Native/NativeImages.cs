using ScaleDefense.Interop;

namespace ScaleDefense.Native;

/// <summary>The one place an <see cref="ImageLayout"/> (stride in samples) becomes an <c>sd_image</c> view (stride in bytes).</summary>
internal static unsafe class NativeImages
{
    public static sd_image View(void* data, ImageLayout layout, sd_sample_type type) => new()
    {
        data = data,
        stride = (long)layout.RowStride * (type == sd_sample_type.SD_SAMPLE_FLOAT32 ? sizeof(float) : sizeof(byte)),
        width = layout.Width,
        height = layout.Height,
        channels = layout.Channels,
        sample_type = (int)type,
    };
}
