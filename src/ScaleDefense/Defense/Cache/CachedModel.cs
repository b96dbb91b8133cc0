namespace ScaleDefense;

/// <summary>
/// A cached model with a reference count: the cache holds one reference, every call in flight one
/// more. The model is disposed when the last reference goes — so an evicted or cleared model is
/// freed as soon as the calls using it finish, never under them.
/// </summary>
internal sealed class CachedModel
{
    private readonly Lazy<ScalingModel> _model;
    private int _references = 1; // the cache's own

    public CachedModel(Func<ScalingModel> create) =>
        _model = new Lazy<ScalingModel>(create, LazyThreadSafetyMode.ExecutionAndPublication); // built once, even under contention

    /// <summary>Tick of the last use, for least-recently-used eviction.</summary>
    public long LastUse;

    /// <summary>The model (built on first use; a failed build is rethrown to every caller and the entry is dropped by the cache).</summary>
    public ScalingModel Model => _model.Value;

    /// <summary>Takes a reference unless the entry is already retired (count reached zero).</summary>
    public bool TryAcquire()
    {
        int seen = Volatile.Read(ref _references);
        while (seen > 0)
        {
            int previous = Interlocked.CompareExchange(ref _references, seen + 1, seen);
            if (previous == seen)
            {
                return true;
            }
            seen = previous;
        }
        return false;
    }

    /// <summary>Drops a reference; the last one disposes the model (if it was ever built).</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0 && _model.IsValueCreated)
        {
            _model.Value.Dispose();
        }
    }
}
