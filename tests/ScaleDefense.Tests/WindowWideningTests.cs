using ScaleDefense.Managed.Defense;

namespace ScaleDefense.Tests;

/// <summary>The constant-time widening the adaptive attacks use gives the defense's loop's bounds.</summary>
[TestFixture]
public class WindowWideningTests
{
    [Test]
    public void Widening_matches_the_loop_for_random_sets_and_windows()
    {
        var random = new Random(2026);
        int nulls = 0, grown = 0;
        for (int trial = 0; trial < 2000; trial++)
        {
            int width = random.Next(1, 40), height = random.Next(1, 40);
            // Sparse to nearly complete P, and the whole image.
            double share = trial % 5 == 0 ? 1.0 : random.NextDouble();
            bool[] rows = Enumerable.Range(0, height).Select(_ => random.NextDouble() < share).ToArray();
            bool[] columns = Enumerable.Range(0, width).Select(_ => random.NextDouble() < share).ToArray();
            var p = ConsideredPixels.FromFlags(rows, columns, 1, 1);
            var widening = new WindowWidening(p, width, height);
            for (int k = 0; k < 20; k++)
            {
                var start = FilterBounds.At(random.Next(height), random.Next(width), random.Next(1, 4), random.Next(1, 4), width, height);
                FilterBounds? expected = start.WidenUntilOutside(p, width, height);
                Assert.That(widening.Widen(start), Is.EqualTo(expected), $"trial {trial}: {width}x{height}, window {start}");
                nulls += expected is null ? 1 : 0;
                grown += expected is { } e && e != start ? 1 : 0;
            }
        }
        Assert.That(nulls, Is.Positive, "some sets cover the whole image");
        Assert.That(grown, Is.Positive, "some windows had to grow");
    }
}
