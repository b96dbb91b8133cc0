namespace ScaleDefense;

/// <summary>
/// SkiaSharp's <c>SKMipmapMode</c>: whether a <see cref="ScalingLibrary.SkiaSharp"/> nearest or bilinear
/// resize samples a box-filtered level of the image's mip pyramid instead of the image itself.
/// </summary>
public enum MipmapMode
{
    /// <summary>No mipmaps (<c>SKMipmapMode.None</c>): the image itself is sampled; every other library has only this.</summary>
    None = 0,

    /// <summary><c>SKMipmapMode.Nearest</c>: the nearest level of the pyramid.</summary>
    Nearest = 1,

    /// <summary><c>SKMipmapMode.Linear</c>: a blend of the two nearest levels.</summary>
    Linear = 2,
}
