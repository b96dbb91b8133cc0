// Soak: one SecureScaler shared by many threads over mixed source sizes for minutes; samples the
// working set and the live native handles, counts errors. Not part of CI (it runs for minutes).
//   dotnet run --project bench/ScaleDefense.Soak -c Release -- [minutes=10] [threads=16]
using System.Diagnostics;
using System.Globalization;
using ScaleDefense;

double minutes = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
int threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
var target = new ImageSize(224, 224);
// More sizes than the cache holds, so models are evicted and rebuilt all the time.
ImageSize[] sizes = [new(640, 480), new(800, 600), new(1024, 768), new(1280, 720), new(451, 300), new(1000, 750),
                     new(333, 500), new(1600, 1200), new(720, 1280), new(512, 512), new(900, 900), new(300, 1000)];
byte[][] images = sizes.Select(s => Noise(s, 3)).ToArray();

using var scaler = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, target,
                                    new SecureScalerOptions { CacheCapacity = 8, Reconstruction = Reconstruction.Median });
long calls = 0, errors = 0;
var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
var samples = new List<(double Minutes, long WorkingSetMb, long Handles, long Calls)>();
var clock = Stopwatch.StartNew();
Task[] workers = Enumerable.Range(0, threads).Select(t => Task.Factory.StartNew(() =>
{
    var output = new byte[target.Width * target.Height * 3];
    var random = new Random(t);
    while (!stop.IsCancellationRequested)
    {
        int i = random.Next(sizes.Length);
        try
        {
            scaler.Resize(images[i], new ImageLayout(sizes[i].Width, sizes[i].Height, 3), output, new ImageLayout(target.Width, target.Height, 3));
            Interlocked.Increment(ref calls);
        }
        catch (Exception e)
        {
            if (Interlocked.Increment(ref errors) <= 5)
            {
                Console.Error.WriteLine($"error: {e.GetType().Name}: {e.Message}");
            }
        }
    }
}, TaskCreationOptions.LongRunning)).ToArray();

while (!Task.WaitAll(workers, TimeSpan.FromSeconds(Math.Min(30, minutes * 6))))
{
    Sample();
}
Sample();
long warm = samples.Count > 2 ? samples.Skip(samples.Count / 5).Min(s => s.WorkingSetMb) : samples[0].WorkingSetMb;
long peak = samples.Skip(samples.Count / 5).Max(s => s.WorkingSetMb);
Console.WriteLine($"{calls} resizes in {clock.Elapsed.TotalMinutes:0.0} min on {threads} threads, {errors} errors");
Console.WriteLine($"working set after warm-up: {warm}..{peak} MB ({(peak - warm) * 100.0 / warm:0.#}% spread); native handles now {NativeCore.LiveHandles} (cache capacity 8)");
scaler.Dispose();
Console.WriteLine($"after Dispose: {NativeCore.LiveHandles} native handles");
return errors == 0 && NativeCore.LiveHandles == 0 ? 0 : 1;

void Sample()
{
    using var process = Process.GetCurrentProcess();
    samples.Add((clock.Elapsed.TotalMinutes, process.WorkingSet64 >> 20, NativeCore.LiveHandles, Interlocked.Read(ref calls)));
    (double m, long ws, long handles, long n) = samples[^1];
    Console.WriteLine($"{m,6:0.0} min  working set {ws,5} MB  native handles {handles,3}  resizes {n,9}");
}

static byte[] Noise(ImageSize size, int channels)
{
    var bytes = new byte[size.Width * size.Height * channels];
    new Random(size.Width * 7919 + size.Height).NextBytes(bytes);
    return bytes;
}
