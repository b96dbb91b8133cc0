using System.Buffers;
using System.Collections.Concurrent;

namespace ScaleDefense;

/// <summary>
/// A drop-in resize that cannot be steered by an image-scaling attack: it rebuilds the pixels the
/// scaler reads (P) with the selective median or random filter, then scales exactly as the chosen
/// library does. One instance serves any source size (a bounded cache of models), from many
/// threads at once, without allocating per call once warm. Models dropped from the cache (least
/// recently used beyond <see cref="SecureScalerOptions.CacheCapacity"/>, or on <see cref="Dispose"/>)
/// are disposed as soon as the calls using them return.
/// </summary>
/// <example>
/// <code>
/// var scaler = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, new ImageSize(224, 224));
/// Reconstruction applied = scaler.Resize(pixels, new ImageLayout(w, h, 3), output, new ImageLayout(224, 224, 3));
/// </code>
/// </example>
public sealed class SecureScaler : IDisposable
{
    private readonly ConcurrentDictionary<ImageSize, CachedModel> _models = new();
    private readonly CustomMatrices? _custom; // a custom model's matrices: the only source size served
    private readonly ReconstructionOptions _writesAll; // Options.Filter, the whole image written
    private readonly ReconstructionOptions _writesP;   // Options.Filter, only P written (ScratchFilter)
    private long _clock;
    private volatile bool _disposed;

    /// <summary>Creates the scaler.</summary>
    /// <exception cref="ArgumentException">The library has no such algorithm, the target size is not positive or too large, or an option is out of range.</exception>
    public SecureScaler(ScalingLibrary library, ScalingAlgorithm algorithm, ImageSize target)
        : this(library, algorithm, target, new SecureScalerOptions())
    {
    }

    /// <summary>Creates the scaler with options.</summary>
    /// <inheritdoc cref="SecureScaler(ScalingLibrary, ScalingAlgorithm, ImageSize)" path="/exception"/>
    public SecureScaler(ScalingLibrary library, ScalingAlgorithm algorithm, ImageSize target, SecureScalerOptions options)
        : this(library, algorithm, target, options, custom: null)
    {
    }

    /// <summary>
    /// A secure scaler for the scaler a model stands for. For a <see cref="ScalingLibrary.Custom"/> model
    /// (<see cref="ScalingModel.FromProbe(ProbedScaler)"/>, <see cref="ScalingModel.FromMatrices(CoefficientMatrix, CoefficientMatrix)"/>)
    /// it rebuilds the pixels that model's matrices read and scales with them — so a scaler ScaleDefense
    /// does not model can still be defended — and it serves images of the model's source size only.
    /// For a library's model it is the same as <see cref="SecureScaler(ScalingLibrary, ScalingAlgorithm, ImageSize, SecureScalerOptions)"/>
    /// with the model's antialias switch. The model itself is not kept: dispose it whenever you like.
    /// </summary>
    /// <remarks>The output of a custom model is its prediction (<c>L·X·R</c> rounded), not the real scaler's bytes; to
    /// keep the real scaler's output, rebuild with <see cref="ScalingModel.Reconstruct(Span{byte}, ImageLayout, Reconstruction)"/> and call your scaler.</remarks>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public SecureScaler(ScalingModel model, SecureScalerOptions options)
        : this(NotNull(model).Library, model.Algorithm, model.Target,
               model.IsExact ? NotNull(options) with { Scaling = (NotNull(options).Scaling ?? ScalingOptions.Default) with { Antialias = model.Antialias } } : options,
               model.Custom)
    {
    }

    /// <summary>A secure scaler for a model's scaler, with the default options.</summary>
    /// <inheritdoc cref="SecureScaler(ScalingModel, SecureScalerOptions)"/>
    public SecureScaler(ScalingModel model)
        : this(model, new SecureScalerOptions())
    {
    }

    private SecureScaler(ScalingLibrary library, ScalingAlgorithm algorithm, ImageSize target, SecureScalerOptions options, CustomMatrices? custom)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Filter is null || options.Scaling is null || options.Scaling.Limits is null)
        {
            throw new ArgumentException("Filter, Scaling and Scaling.Limits must not be null.", nameof(options));
        }
        Options = options;
        _custom = custom;
        if (custom is null)
        {
            ScalerCatalog.Require(library, algorithm, Options.Scaling.Antialias);
            Options.Scaling.ResolveSampling(library, algorithm, nameof(options));
            Options.Scaling.ResolveMlNetFit(library, algorithm, nameof(options));
        }
        else if (Options.Scaling.Antialias)
        {
            throw new ArgumentException("Antialias is a library switch; a custom model has its own weights. Leave Scaling.Antialias false.", nameof(options));
        }
        if (target.Width <= 0 || target.Height <= 0)
        {
            throw new ArgumentException($"target size must be positive, got {target}.", nameof(target));
        }
        if (target.Width > ScalingModel.MaxDimension || target.Height > ScalingModel.MaxDimension)
        {
            throw new ArgumentException($"target size {target} is too large: at most {ScalingModel.MaxDimension} pixels per side.", nameof(target));
        }
        if (!Enum.IsDefined(Options.Scaling.Backend))
        {
            throw new ArgumentException($"Unknown backend {(int)Options.Scaling.Backend}; use Auto, Native or Managed.", nameof(options));
        }
        Options.Scaling.Limits.Require(target, 1, 1, "the target size");
        Options.Filter.Validate(nameof(options));
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
        _writesAll = Options.Filter with { LeaveOtherPixels = false };
        _writesP = Options.Filter with { LeaveOtherPixels = true };
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
    public Reconstruction PlanFor(ImageSize source)
    {
        CachedModel entry = Acquire(source);
        try
        {
            return Resolve(entry.Model);
        }
        finally
        {
            entry.Release();
        }
    }

    /// <summary>
    /// The exact model used for a source size, shared with the cache: do not dispose it, and use it
    /// right away — it is disposed once evicted or when this scaler is disposed. For a model of your
    /// own, call <see cref="ScalingModel.Create(ScalingLibrary, ScalingAlgorithm, ImageSize, ImageSize, ScalingOptions)"/>.
    /// </summary>
    public ScalingModel ModelFor(ImageSize source)
    {
        CachedModel entry = Acquire(source);
        try
        {
            return entry.Model;
        }
        finally
        {
            entry.Release();
        }
    }

    /// <summary>Rebuilds P and scales an 8-bit image into an 8-bit destination of the target size. The source is not modified.</summary>
    /// <returns>The reconstruction that was applied.</returns>
    /// <exception cref="ArgumentException">Layouts that do not fit their buffers, a destination of another size, channel mismatch, overlapping buffers.</exception>
    /// <exception cref="NotSupportedException">The library produces float output: use the float overload.</exception>
    public Reconstruction Resize(ReadOnlySpan<byte> source, ImageLayout sourceLayout, Span<byte> destination, ImageLayout destinationLayout)
    {
        CachedModel entry = Prepare(source, sourceLayout, destinationLayout);
        try
        {
            ScalingModel model = entry.Model;
            Reconstruction applied = Resolve(model);
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
                model.Reconstruct(source, sourceLayout, rebuilt, packed, applied, ScratchFilter(applied));
                model.Scale(rebuilt, packed, destination, destinationLayout);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
            return applied;
        }
        finally
        {
            entry.Release();
        }
    }

    /// <summary>
    /// Rebuilds P and scales, like <see cref="Resize(ReadOnlySpan{byte}, ImageLayout, Span{byte}, ImageLayout)"/>, and
    /// reports whether the image looked like an attack: the reconstruction-difference detector (RMS of the
    /// plain scaled image against the defended one), at the cost of one more scale of the source.
    /// </summary>
    /// <param name="source">The (possibly attacked) image.</param>
    /// <param name="sourceLayout">Its layout.</param>
    /// <param name="destination">Receives the defended scaled image.</param>
    /// <param name="destinationLayout">Its layout (target size).</param>
    /// <param name="suspicion">The detector's score, threshold and verdict.</param>
    /// <returns>The reconstruction that was applied.</returns>
    /// <inheritdoc cref="Resize(ReadOnlySpan{byte}, ImageLayout, Span{byte}, ImageLayout)" path="/exception"/>
    public Reconstruction Resize(ReadOnlySpan<byte> source, ImageLayout sourceLayout, Span<byte> destination, ImageLayout destinationLayout,
                                 out Suspicion suspicion)
    {
        CachedModel entry = Prepare(source, sourceLayout, destinationLayout);
        try
        {
            ScalingModel model = entry.Model;
            Reconstruction applied = Resolve(model);
            ConsideredPixels rebuiltSet = applied == Reconstruction.WeightedMedian ? model.HeavyPixels : model.Considered;
            if (applied == Reconstruction.None || rebuiltSet.CoversImage || rebuiltSet.Rows.Length == 0 || rebuiltSet.Columns.Length == 0)
            {
                Resize(source, sourceLayout, destination, destinationLayout);
                suspicion = Suspicion.NotApplicable(applied switch
                {
                    Reconstruction.None => "the scaler is robust: no image can steer it",
                    Reconstruction.WeightedMedian => "no pixel weighs well above a uniform kernel's 1/β here: nothing to rebuild",
                    _ => "the scaler reads every pixel: nothing to rebuild here (use Reconstruction.WeightedMedian, or AttackDetector for its weighted-P detector)",
                });
                return applied;
            }
            Resize(source, sourceLayout, destination, destinationLayout);
            var outLayout = new ImageLayout(Target.Width, Target.Height, sourceLayout.Channels);
            int length = checked((int)outLayout.RequiredLength);
            byte[] plain = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                model.Scale(source, sourceLayout, plain.AsSpan(0, length), outLayout);
                double sum = 0;
                for (int y = 0; y < Target.Height; y++)
                {
                    ReadOnlySpan<byte> a = plain.AsSpan(y * outLayout.RowStride, outLayout.RowStride);
                    ReadOnlySpan<byte> b = destination.Slice(y * destinationLayout.RowStride, outLayout.RowStride);
                    for (int i = 0; i < a.Length; i++)
                    {
                        double d = a[i] - b[i];
                        sum += d * d;
                    }
                }
                double score = Math.Sqrt(sum / length);
                DetectorKind kind = applied switch
                {
                    Reconstruction.Random => DetectorKind.ReconstructionRandom,
                    Reconstruction.WeightedMedian => DetectorKind.WeightedReconstruction,
                    _ => DetectorKind.ReconstructionMedian,
                };
                VulnerabilityReport analysis = model.Analyze();
                ThresholdEntry? thresholds = (Options.Thresholds ?? DetectionThresholds.Shipped)
                    .Find(Library, Algorithm, Options.Scaling.Antialias, Math.Max(analysis.Horizontal.Ratio, analysis.Vertical.Ratio));
                double? threshold = thresholds is not null && thresholds.Thresholds.TryGetValue(kind, out double t) ? t : null;
                suspicion = new Suspicion(kind, score, threshold);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(plain);
            }
            return applied;
        }
        finally
        {
            entry.Release();
        }
    }

    /// <summary>Rebuilds P and scales an 8-bit image into a float32 destination (for libraries with float output: TensorFlow, PyTorch; values stay in 0..255).</summary>
    /// <returns>The reconstruction that was applied.</returns>
    public Reconstruction Resize(ReadOnlySpan<byte> source, ImageLayout sourceLayout, Span<float> destination, ImageLayout destinationLayout)
    {
        CachedModel entry = Prepare(source, sourceLayout, destinationLayout);
        try
        {
            return ResizeToFloat(entry.Model, source, sourceLayout, destination, destinationLayout);
        }
        finally
        {
            entry.Release();
        }
    }

    private Reconstruction ResizeToFloat(ScalingModel model, ReadOnlySpan<byte> source, ImageLayout sourceLayout, Span<float> destination, ImageLayout destinationLayout)
    {
        Reconstruction applied = Resolve(model);
        var packed = new ImageLayout(sourceLayout.Width, sourceLayout.Height, sourceLayout.Channels);
        int length = checked((int)packed.RequiredLength);
        byte[] bytes = ArrayPool<byte>.Shared.Rent(length);
        float[] floats = ArrayPool<float>.Shared.Rent(length);
        try
        {
            Span<byte> rebuilt = bytes.AsSpan(0, length);
            // The float path's weights may reach beyond the 8-bit P: the whole image is written.
            model.Reconstruct(source, sourceLayout, rebuilt, packed, applied, _writesAll);
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

    /// <summary>Drops every cached model; each is disposed as soon as the calls using it return. Later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _disposed = true;
        foreach (KeyValuePair<ImageSize, CachedModel> pair in _models)
        {
            Evict(pair);
        }
    }

    private CachedModel Prepare(ReadOnlySpan<byte> source, ImageLayout sourceLayout, ImageLayout destinationLayout)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        sourceLayout.Validate(source.Length, nameof(sourceLayout));
        Options.Scaling.Limits.Require(sourceLayout.Size, sourceLayout.Channels, 1, "the source image");
        if (destinationLayout.Size != Target)
        {
            throw new ArgumentException($"destinationLayout is {destinationLayout.Size} but this scaler produces {Target}.", nameof(destinationLayout));
        }
        return Acquire(sourceLayout.Size);
    }

    private static T NotNull<T>(T? value)
        where T : class => value ?? throw new ArgumentNullException(typeof(T) == typeof(ScalingModel) ? "model" : "options");

    // The 8-bit scale of the scratch reads only P (its non-zero weights; garbage times a zero weight
    // adds nothing), so the median and random filters write P alone and skip copying the rest of the
    // image. The weighted median rebuilds a subset of what its scaler reads: the rest must be there.
    private ReconstructionOptions ScratchFilter(Reconstruction applied) =>
        applied == Reconstruction.WeightedMedian ? _writesAll : _writesP;

    private Reconstruction Resolve(ScalingModel model) =>
        Options.Reconstruction == Reconstruction.Auto ? model.AutomaticReconstruction : Options.Reconstruction;

    // A leased entry for the size, its model built (once). The caller releases it.
    private CachedModel Acquire(ImageSize source)
    {
        if (_custom is not null && source != _custom.Source)
        {
            throw new ArgumentException(
                $"This scaler was built from a custom model of {_custom.Source} images ({_custom.Origin}); a {source} image needs a model of its own size (probe the scaler at {source}).",
                nameof(source));
        }
        while (true)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            long now = Interlocked.Increment(ref _clock);
            bool added = false;
            CachedModel entry = _models.TryGetValue(source, out CachedModel? hit) ? hit : Add(source, out added);
            if (!entry.TryAcquire())
            {
                continue; // evicted between lookup and lease: look again
            }
            entry.LastUse = now;
            if (added)
            {
                Trim(); // after the lease and the tick, so the newcomer is not the one evicted
            }
            if (_disposed)
            {
                // Dispose ran after the check above: make sure nothing this call added outlives the scaler.
                Evict(new(source, entry));
                entry.Release();
                throw new ObjectDisposedException(GetType().FullName);
            }
            try
            {
                _ = entry.Model;
            }
            catch
            {
                Evict(new(source, entry)); // a failed build is not cached
                entry.Release();
                throw;
            }
            return entry;
        }
    }

    // Kept apart from Acquire: the entry and its factory closure are only allocated on a cache miss.
    private CachedModel Add(ImageSize source, out bool added)
    {
        CachedModel created = new(() => _custom is null
            ? ScalingModel.Create(Library, Algorithm, source, Target, Options.Scaling)
            : ScalingModel.FromCustom(_custom, Options.Scaling));
        CachedModel entry = _models.GetOrAdd(source, created);
        added = ReferenceEquals(entry, created);
        return entry;
    }

    // Drops the least recently used sizes beyond the capacity.
    private void Trim()
    {
        while (_models.Count > Options.CacheCapacity)
        {
            KeyValuePair<ImageSize, CachedModel>[] snapshot = _models.ToArray();
            if (snapshot.Length <= Options.CacheCapacity)
            {
                return;
            }
            Evict(snapshot.MinBy(pair => Volatile.Read(ref pair.Value.LastUse)));
        }
    }

    // Removes exactly this entry (not a newer one for the same size) and drops the cache's reference.
    private void Evict(KeyValuePair<ImageSize, CachedModel> pair)
    {
        if (_models.TryRemove(pair))
        {
            pair.Value.Release();
        }
    }
}
