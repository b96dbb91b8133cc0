namespace ScaleDefense.Cli.Eval;

/// <summary>
/// The paper's §5.1 sampling on a folder: for each bucket of ratios, random pairs of two different
/// photos, and a target size per pair that puts min(β_h, β_v) into the bucket.
/// </summary>
internal static class EvalProtocol
{
    /// <summary>
    /// <paramref name="pairsPerBucket"/> pairs for every bucket, drawn round by round (one pair per
    /// bucket per round) from one seeded generator. A larger count therefore extends the plan of a
    /// smaller one with the same seed (case i stays case i), which is what makes resuming with more
    /// pairs possible. Within a bucket a pair is not repeated until every ordered pair has been used.
    /// </summary>
    public static IReadOnlyList<EvalCase> Plan(IReadOnlyList<Photo> photos, int pairsPerBucket, int seed)
    {
        if (photos.Count < 2)
        {
            throw new CliException($"the evaluation needs at least two readable images (source and target must differ); found {photos.Count}");
        }
        var random = new Random(seed);
        var used = RatioBucket.Paper.ToDictionary(b => b, _ => new HashSet<(int, int)>());
        int orderedPairs = photos.Count * (photos.Count - 1);
        var cases = new List<EvalCase>();
        for (int round = 0; round < pairsPerBucket; round++)
        {
            foreach (RatioBucket bucket in RatioBucket.Paper)
            {
                if (used[bucket].Count == orderedPairs)
                {
                    used[bucket].Clear();
                }
                int s, t;
                do
                {
                    s = random.Next(photos.Count);
                    t = random.Next(photos.Count - 1);
                    t += t >= s ? 1 : 0;
                }
                while (used[bucket].Contains((s, t)));
                used[bucket].Add((s, t));
                double beta = bucket.Low + random.NextDouble() * (bucket.High - bucket.Low);
                (ImageSize sourceSize, ImageSize targetSize) = Sizes(photos[s].Size, bucket, beta);
                cases.Add(new EvalCase(cases.Count, bucket, photos[s], photos[t], sourceSize, targetSize));
            }
        }
        return cases;
    }

    /// <summary>The source as it is when the bucket fits; otherwise upscaled just enough for a target of the minimum side.</summary>
    public static (ImageSize Source, ImageSize Target) Sizes(ImageSize photo, RatioBucket bucket, double beta)
    {
        if (bucket.TargetFor(photo, beta) is { } target)
        {
            return (photo, target);
        }
        double factor = (RatioBucket.MinTargetSide + 1) * beta / Math.Min(photo.Width, photo.Height);
        var upscaled = new ImageSize((int)Math.Ceiling(photo.Width * factor), (int)Math.Ceiling(photo.Height * factor));
        return (upscaled, bucket.TargetFor(upscaled, beta) ?? throw new InvalidOperationException($"no target size for {upscaled} in {bucket.Label}"));
    }
}
