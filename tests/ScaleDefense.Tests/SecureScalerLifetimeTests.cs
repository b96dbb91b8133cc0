using ScaleDefense.Interop;

namespace ScaleDefense.Tests;

/// <summary>
/// SecureScaler's cache under contention: one model per size even when many threads ask at once,
/// evicted and cleared models freed as soon as their users finish, Dispose racing Resize gives
/// only ObjectDisposedException. Native handles are counted by ScalingModelHandle.LiveCount.
/// </summary>
[TestFixture]
[NonParallelizable] // counts the process's native handles
public class SecureScalerLifetimeTests
{
    private static readonly ImageSize Target = new(16, 16);

    private static long SettledHandleCount()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return ScalingModelHandle.LiveCount;
    }

    private static SecureScaler NativeScaler(int capacity = 16) => new(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Target,
        new SecureScalerOptions { CacheCapacity = capacity, Scaling = ScalingOptions.Native, Filter = new ReconstructionOptions { Seed = 1 } });

    private static void ResizeOnce(SecureScaler scaler, int width, int height)
    {
        var source = new byte[width * height];
        scaler.Resize(source, new ImageLayout(width, height, 1), new byte[Target.Width * Target.Height], new ImageLayout(Target.Width, Target.Height, 1));
    }

    [Test]
    public void Sixteen_threads_asking_for_a_new_size_build_one_model()
    {
        long before = SettledHandleCount();
        using SecureScaler scaler = NativeScaler();
        using var start = new Barrier(16);
        // Dedicated threads: a barrier over pool threads would wait for the pool to grow.
        Task[] workers = Enumerable.Range(0, 16).Select(_ => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            ResizeOnce(scaler, 97, 83);
        }, TaskCreationOptions.LongRunning)).ToArray();
        Task.WaitAll(workers);
        Assert.That(ScalingModelHandle.LiveCount - before, Is.EqualTo(1));
    }

    [Test]
    public void Evicted_models_are_freed_at_once_and_dispose_frees_the_rest()
    {
        long before = SettledHandleCount();
        SecureScaler scaler = NativeScaler(capacity: 2);
        for (int i = 0; i < 6; i++)
        {
            ResizeOnce(scaler, 40 + i, 40);
        }
        Assert.That(ScalingModelHandle.LiveCount - before, Is.EqualTo(2), "only the two cached sizes hold a handle");
        scaler.Dispose();
        Assert.That(ScalingModelHandle.LiveCount - before, Is.Zero, "without waiting for the finaliser");
    }

    [Test]
    public void Dispose_racing_resizes_throws_only_ObjectDisposedException_and_leaks_nothing()
    {
        long before = SettledHandleCount();
        for (int round = 0; round < 20; round++)
        {
            SecureScaler scaler = NativeScaler(capacity: 3);
            var unexpected = new System.Collections.Concurrent.ConcurrentBag<Exception>();
            using var start = new Barrier(17);
            Task[] workers = Enumerable.Range(0, 16).Select(t => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                for (int k = 0; k < 40; k++)
                {
                    try
                    {
                        ResizeOnce(scaler, 32 + (t + k) % 7, 32 + k % 3);
                    }
                    catch (ObjectDisposedException)
                    {
                        return;
                    }
                    catch (Exception e)
                    {
                        unexpected.Add(e);
                        return;
                    }
                }
            }, TaskCreationOptions.LongRunning)).ToArray();
            start.SignalAndWait();
            Thread.Sleep(round % 5);
            scaler.Dispose();
            Task.WaitAll(workers);
            Assert.That(unexpected, Is.Empty, $"round {round}: {string.Join("; ", unexpected.Select(e => e.GetType().Name + ": " + e.Message))}");
            Assert.That(ScalingModelHandle.LiveCount - before, Is.Zero, $"round {round}: every model freed once its users finished");
        }
    }

    [Test]
    public void A_target_beyond_the_largest_dimension_is_refused_by_the_constructor()
    {
        Assert.That(() => new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, new ImageSize(ScalingModel.MaxDimension + 1, 10)),
                    Throws.ArgumentException.With.Message.Contains("too large"));
    }

    [Test]
    public void A_failed_build_is_not_cached()
    {
        using var scaler = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, Target);
        var huge = new ImageLayout(ScalingModel.MaxDimension + 1, 1, 1);
        var source = new byte[huge.RequiredLength];
        for (int attempt = 0; attempt < 2; attempt++)
        {
            Assert.That(() => scaler.Resize(source, huge, new byte[256], new ImageLayout(16, 16, 1)), Throws.ArgumentException.With.Message.Contains("too large"));
        }
        Assert.DoesNotThrow(() => ResizeOnce(scaler, 64, 64));
    }
}
