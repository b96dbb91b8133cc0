namespace ScaleDefense.Cli.Eval;

/// <summary>A readable photo of the folder: its file, name and size as stored.</summary>
internal sealed record Photo(string Path, string Name, ImageSize Size);

/// <summary>
/// One source/target pair at one ratio: the source (upscaled to <see cref="SourceSize"/> when the
/// photo is too small for the bucket), and the target photo area-resized to <see cref="TargetSize"/>.
/// </summary>
internal sealed record EvalCase(int Index, RatioBucket Bucket, Photo Source, Photo Target, ImageSize SourceSize, ImageSize TargetSize)
{
    public bool SourceUpscaled => SourceSize != Source.Size;

    /// <summary>The smaller of the two ratios, which decides the bucket.</summary>
    public double Beta => RatioBucket.MinRatio(SourceSize, TargetSize.Width, TargetSize.Height);
}
