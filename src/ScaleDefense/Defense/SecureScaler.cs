using System.Buffers;
using System.Collections.Concurrent;

namespace ScaleDefense;

/// <summary>
/// A drop-in resize that cannot be steered by an image-scaling attack: it rebuilds the pixels the
/// scaler reads (P) with the selective median or random filter, then scales exactly as the chosen
/// library does. One instance serves any source size (a bounded cache of models), from many
/// threads at once, without allocating per call once warm.
/// </summary>
/// <example>
/// <code>
/// var scaler = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, new ImageSize(224, 224));
/// Reconstruction applied = scaler.Resize(pixels, new ImageLayout(w, h, 3), output, new ImageLayout(224, 224, 3));
/// </code>
/// </example>
public sealed class SecureScaler : IDisposable
{
    private readonly ConcurrentDictionary<ImageSize, CacheEntry> _models = new();
    private long _clock;
    private volatile bool _disposed;

    /// <summary>Creates the scaler.</summary>
    /// <exception cref="ArgumentException">The library has no such algorithm, the target size is not positive, or an option is out of range.</exception>
    public SecureScaler(ScalingLibrary library, ScalingAlgorithm algorithm, ImageSize target, SecureScalerOptions? options = null)
    {
        Options = options ?? new SecureScalerOptions();
        ScalerCatalog.Require(library, algorithm, Options.Scaling.Antialias);
        if (target.Width <= 0 || target.Height <= 0)
        {
            throw new ArgumentException($"target size must be positive, got {target}.", nameof(target));
        }
        if (!Enum.IsDefined(Options.Reconstruction))
        {
            throw new ArgumentException($"Unknown reconstruction {(int)Options.Reconstruction}.", nameof(options));
        }
        if (Options.CacheCapacity < 1)
        {
            throw new ArgumentException($"CacheCapacity must be at least 1, got {Options.CacheCapacity}.", nameof(options));
        }
        Library = library;
        Algorithm = algorithm;
        Target = target;
    }

    /// <summary>The library whose resize is reproduced.</summary>
    public ScalingLibrary Library { get; }

    /// <summary>The algorithm.</summary>
    public ScalingAlgorithm Algorithm { get; }

    /// <summary>The output size.</summary>
    public ImageSize Target { get; }

    /// <summary>The options.</summary>
    public SecureScalerOptions Options { get; }

    /// <summary>What <see cref="Resize(ReadOnlySpan{byte}, ImageLayout, Span{byte}, ImageLayout)"/> applies to images of this size (resolves <see cref="Reconstruction.Auto"/>).</summary>
    public Reconstruction PlanFor(ImageSize source) => Resolve(Entry(source).Model);

    /// <summary>The exact model used for a source size (shared; do not dispose it).</summary>
    public ScalingModel ModelFor(ImageSize source) => Entry(source).Model;

    /// <summary>Rebuilds P and scales an 8-bit image into an 8-bit destination of the target size. The source is not modified.</summary>
    /// <returns>The reconstruction that was applied.</returns>
    /// <exception cref="ArgumentException">Layouts that do not fit their buffers, a destination of another size, channel mismatch, overlapping buffers.</exception>
    /// <exception cref="NotSupportedException">The library produces float output: use the float overload.</exception>
    public Reconstruction Resize(ReadOnlySpan<byte> source, ImageLayout sourceLayout, Span<byte> destination, ImageLayout destinationLayout)
    {
        ScalingModel model = Prepare(source, sourceLayout, destinationLayout, out Reconstruction applied);
        if (applied == Reconstruction.None)
        {
            model.Scale(source, sourceLayout, destination, destinationLayout);
            return applied;
        }
        var packed = new ImageLayout(sourceLayout.Width, sourceLayout.Height, sourceLayout.Channels);
        byte[] scratch = ArrayPool<byte>.Shared.Rent(checked((int)packed.RequiredLength));
        try
        {
            Span<byte> rebuilt = scratch.AsSpan(0, (int)packed.RequiredLength);
            model.Reconstruct(source, sourceLayout, rebuilt, packed, applied, Options.Filter);
            model.Scale(rebuilt, packed, destination, destinationLayout);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
        return applied;
    }

    /// <summary>Rebuilds P and scales an 8-bit image into a float32 destination (for libraries with float output: TensorFlow, PyTorch; values stay in 0..255).</summary>
    /// <returns>The reconstruction that was applied.</returns>
    public Reconstruction Resize(ReadOnlySpan<byte> source, ImageLayout sourceLayout, Span<float> destination, ImageLayout destinationLayout)
    {
        ScalingModel model = Prepare(source, sourceLayout, destinationLayout, out Reconstruction applied);
        var packed = new ImageLayout(sourceLayout.Width, sourceLayout.Height, sourceLayout.Channels);
        int length = checked((int)packed.RequiredLength);
        byte[] bytes = ArrayPool<byte>.Shared.Rent(length);
        float[] floats = ArrayPool<float>.Shared.Rent(length);
        try
        {
            Span<byte> rebuilt = bytes.AsSpan(0, length);
            model.Reconstruct(source, sourceLayout, rebuilt, packed, applied, Options.Filter);
            Span<float> asFloat = floats.AsSpan(0, length);
            for (int i = 0; i < length; i++)
            {
                asFloat[i] = rebuilt[i];
            }
            model.Scale(asFloat, packed, destination, destinationLayout);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<float>.Shared.Return(floats);
        }
        return applied;
    }

    /// <summary>One image of a batch.</summary>
    public readonly record struct Job(ReadOnlyMemory<byte> Source, ImageLayout SourceLayout, Memory<byte> Destination, ImageLayout DestinationLayout);

    /// <summary>Resizes many images in parallel, at most <paramref name="maxDegreeOfParallelism"/> at once.</summary>
    /// <returns>The reconstruction applied to each image, in order.</returns>
    public Reconstruction[] ResizeBatch(IReadOnlyList<Job> jobs, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentException("maxDegreeOfParallelism must be positive, or -1 for the default.", nameof(maxDegreeOfParallelism));
        }
        var applied = new Reconstruction[jobs.Count];
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i =>
        {
            Job job = jobs[i];
            applied[i] = Resize(job.Source.Span, job.SourceLayout, job.Destination.Span, job.DestinationLayout);
        });
        return applied;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _disposed = true;
        foreach (CacheEntry entry in _models.Values)
        {
            entry.Model.Dispose();
        }
        _models.Clear();
    }

    private ScalingModel Prepare(ReadOnlySpan<byte> source, ImageLayout sourceLayout, ImageLayout destinationLayout, out Reconstruction applied)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        sourceLayout.Validate(source.Length, nameof(sourceLayout));
        if (destinationLayout.Size != Target)
        {
            throw new ArgumentException($"destinationLayout is {destinationLayout.Size} but this scaler produces {Target}.", nameof(destinationLayout));
        }
        ScalingModel model = Entry(sourceLayout.Size).Model;
        applied = Resolve(model);
        return model;
    }

    private Reconstruction Resolve(ScalingModel model) =>
        Options.Reconstruction == Reconstruction.Auto ? model.AutomaticReconstruction : Options.Reconstruction;

    private CacheEntry Entry(ImageSize source)
    {
        long now = Interlocked.Increment(ref _clock);
        if (_models.TryGetValue(source, out CacheEntry? hit))
        {
            hit.LastUse = now;
            return hit;
        }
        return Add(source, now);
    }

    // Kept apart from Entry so that the lambda's closure is only allocated on a cache miss.
    private CacheEntry Add(ImageSize source, long now)
    {
        CacheEntry created = _models.GetOrAdd(source, size =>
            new CacheEntry(ScalingModel.Create(Library, Algorithm, size, Target, Options.Scaling)) { LastUse = now });
        Trim();
        return created;
    }

    // Drops the least recently used sizes beyond the capacity. Dropped models are not disposed
    // here: another thread may still be using one; their native handles are released by the GC.
    private void Trim()
    {
        while (_models.Count > Options.CacheCapacity)
        {
            KeyValuePair<ImageSize, CacheEntry> oldest = _models.MinBy(pair => pair.Value.LastUse);
            _models.TryRemove(oldest.Key, out _);
        }
    }

    private sealed class CacheEntry(ScalingModel model)
    {
        public ScalingModel Model { get; } = model;

        public long LastUse { get; set; }
    }
}
