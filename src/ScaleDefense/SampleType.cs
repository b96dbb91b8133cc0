namespace ScaleDefense;

/// <summary>The type of one channel value. Libraries use different arithmetic for each.</summary>
#pragma warning disable CA1720 // the names say exactly what the samples are, as in the C ABI
public enum SampleType
{
    /// <summary>8-bit unsigned (0..255).</summary>
    UInt8 = 1,

    /// <summary>32-bit IEEE float.</summary>
    Float32 = 2,
}
#pragma warning restore CA1720
