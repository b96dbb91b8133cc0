using ScaleDefense.Managed;

namespace ScaleDefense;

// The detection entry points of the model; the detectors live in Detection/.
public sealed partial class ScalingModel
{
    private readonly Lazy<ConsideredPixels> _heavy;

    /// <summary>
    /// Judges whether an 8-bit image of the model's source size is an image-scaling attack against
    /// this scaler, with <see cref="AttackDetector.Default"/> (the shipped thresholds).
    /// </summary>
    /// <exception cref="ArgumentException">The layout does not fit the buffer or is not of the model's source size.</exception>
    public DetectionReport Detect(ReadOnlySpan<byte> image, ImageLayout layout) => AttackDetector.Default.Detect(this, image, layout);

    /// <summary>Judges an image with the given detector (its thresholds and options).</summary>
    /// <inheritdoc cref="Detect(ReadOnlySpan{byte}, ImageLayout)" path="/exception"/>
    public DetectionReport Detect(ReadOnlySpan<byte> image, ImageLayout layout, AttackDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        return detector.Detect(this, image, layout);
    }

    /// <summary>The heavily weighted rows × columns (the weighted-P detector's P), computed once.</summary>
    internal ConsideredPixels HeavyPixels => _heavy.Value;

    /// <summary>The set a reconstruction rebuilds: the heavy pixels for the weighted median, P otherwise.</summary>
    private Lazy<ConsideredPixels> SetFor(Reconstruction method) => method == Reconstruction.WeightedMedian ? _heavy : _considered;

    /// <summary>The reconstruction-difference score on this model's engine (native core or managed twin).</summary>
    internal double ReconstructionDifference(ReadOnlySpan<byte> image, ImageLayout layout, Reconstruction method, ReconstructionOptions options)
    {
        RequireSourceImage(image, layout);
        options.Validate(nameof(options));
        return _engine.ReconstructionDifference(image, layout, method, options, SetFor(method), Target);
    }

    /// <summary>The scaled image as float samples (packed), on the 8-bit path where the library has one.</summary>
    internal float[] ScaleToFloat(ReadOnlySpan<byte> image, ImageLayout layout)
    {
        var outLayout = new ImageLayout(Target.Width, Target.Height, layout.Channels);
        var result = new float[outLayout.RequiredLength];
        if (_engine.Supports(SampleType.UInt8))
        {
            var bytes = new byte[outLayout.RequiredLength];
            _engine.Scale(image, layout, bytes, outLayout);
            for (int i = 0; i < bytes.Length; i++)
            {
                result[i] = bytes[i];
            }
            return result;
        }
        int row = layout.Width * layout.Channels;
        var floats = new float[(long)row * layout.Height];
        for (int y = 0; y < layout.Height; y++)
        {
            ReadOnlySpan<byte> line = image.Slice(y * layout.RowStride, row);
            for (int i = 0; i < row; i++)
            {
                floats[(y * row) + i] = line[i];
            }
        }
        _engine.Scale(floats, new ImageLayout(layout.Width, layout.Height, layout.Channels), result, outLayout);
        return result;
    }

    /// <summary>Checks an 8-bit image handed to a detector: fits its buffer, of the model's source size.</summary>
    internal void RequireSourceImage(ReadOnlySpan<byte> image, ImageLayout layout)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        layout.Validate(image.Length, nameof(layout));
        if (layout.Size != Source)
        {
            throw new ArgumentException($"The image is {layout.Size} but this model scales {Source} images; create a model for that size.", nameof(layout));
        }
    }
}
