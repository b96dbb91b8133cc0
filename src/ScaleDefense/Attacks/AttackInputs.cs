namespace ScaleDefense;

/// <summary>
/// Argument checks shared by the managed attacks, so every attack refuses bad input the same way,
/// and the one place where their images are packed (the algorithms work on unpadded rows).
/// </summary>
internal static class AttackInputs
{
    /// <summary>
    /// The model must downscale (or keep) each axis; source and target must have the model's sizes
    /// and the same 1 to 4 channels. Returns both images packed.
    /// </summary>
    public static (byte[] Source, byte[] Target) RequireImages(ScalingModel model, ReadOnlySpan<byte> source, ImageLayout sourceLayout,
                                                               ReadOnlySpan<byte> target, ImageLayout targetLayout)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (sourceLayout.Channels is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(sourceLayout), sourceLayout.Channels, "Images have 1 to 4 channels.");
        }
        if (model.Target.Width > model.Source.Width || model.Target.Height > model.Source.Height)
        {
            throw new ArgumentException($"The source {model.Source} is smaller than the target {model.Target}: a scaling attack needs a downscale.", nameof(model));
        }
        byte[] packedSource = RequireImage(source, sourceLayout, model.Source, sourceLayout.Channels, nameof(source),
                                           "the model's source size; create a model for this size or resize the image");
        byte[] packedTarget = RequireImage(target, targetLayout, model.Target, sourceLayout.Channels, nameof(target),
                                           "the model's target size and the source's channels");
        return (packedSource, packedTarget);
    }

    /// <summary>
    /// The image must fit its buffer and be <paramref name="size"/> with <paramref name="channels"/>
    /// channels; <paramref name="rule"/> says why, for the message. Returns it packed.
    /// </summary>
    public static byte[] RequireImage(ReadOnlySpan<byte> pixels, ImageLayout layout, ImageSize size, int channels, string name, string rule)
    {
        layout.Validate(pixels.Length, name);
        if (layout.Size != size || layout.Channels != channels)
        {
            throw new ArgumentException($"{name} is a {layout.Size}x{layout.Channels} image but the attack needs {size}x{channels} ({rule}).", name);
        }
        return ImagePacking.Pack(pixels, layout);
    }

    /// <summary>The sample type whose matrices describe what the verification scales: the 8-bit path when the library has one.</summary>
    public static SampleType VerifiedType(ScalingModel model) => model.Supports(SampleType.UInt8) ? SampleType.UInt8 : SampleType.Float32;

    /// <summary>The model's output for an 8-bit image, as doubles (8-bit path when it has one, float otherwise), as the verification computes it.</summary>
    public static double[] ScaleExactly(ScalingModel model, ReadOnlySpan<byte> image, int channels)
    {
        if (model.Supports(SampleType.UInt8))
        {
            return Array.ConvertAll(model.Scale(image, channels), v => (double)v);
        }
        var floats = new float[image.Length];
        for (int i = 0; i < image.Length; i++)
        {
            floats[i] = image[i];
        }
        return Array.ConvertAll(model.Scale(floats, channels), v => (double)v);
    }
}
