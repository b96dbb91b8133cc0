namespace ScaleDefense;

/// <summary>
/// Options of the selective filters. Rules common to both: only pixels of P are rewritten, each
/// from the pixels of its window that are not in P; a window holding nothing but P is widened by
/// one pixel on every side until it holds one (if P is the whole image, the pixel is left as is).
/// The median is the lower median (the ((n − 1) / 2)-th smallest of n values) per channel.
/// </summary>
public sealed record ReconstructionOptions
{
    /// <summary>The window. Default: the paper's 2β window.</summary>
    public FilterWindow Window { get; init; } = FilterWindow.Paper;

    /// <summary>
    /// Seed of the random filter. Null (the default) draws a fresh seed from the OS CSPRNG on every
    /// call, so an attacker cannot predict the picks; set it only for reproducible tests.
    /// </summary>
    public ulong? Seed { get; init; }

    /// <summary>Largest <see cref="Threads"/> accepted (the native core's bound).</summary>
    public const int MaxThreads = 64;

    /// <summary>
    /// Threads the native median filter may use for one image (1..<see cref="MaxThreads"/>; default 1, right for a
    /// service that already runs requests in parallel). The bytes do not depend on it. The
    /// random filter and the managed backend run on the calling thread.
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Out of place, write only the pixels of the rebuilt set (P; the heavy pixels for
    /// <see cref="Reconstruction.WeightedMedian"/>) and leave every other destination byte as it is. For a scratch
    /// buffer handed to a scaler that reads only that set — what <see cref="SecureScaler"/> does for the median and
    /// random filters — this saves a copy of the image. When the set is the whole image the source is copied.
    /// Default false: the destination becomes the whole rebuilt image. In place it changes nothing.
    /// </summary>
    public bool LeaveOtherPixels { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming <paramref name="parameterName"/> when a value is out of range.</summary>
    internal void Validate(string parameterName)
    {
        if (Threads is < 1 or > MaxThreads)
        {
            throw new ArgumentException($"ReconstructionOptions.Threads must be in 1..{MaxThreads} (1 suits a service that runs requests in parallel); got {Threads}.", parameterName);
        }
        if (!Enum.IsDefined(Window))
        {
            throw new ArgumentException($"Unknown filter window {(int)Window}; use Paper or Narrow.", parameterName);
        }
    }

    /// <summary>Paper window, unpredictable random picks.</summary>
    public static ReconstructionOptions Default { get; } = new();
}
