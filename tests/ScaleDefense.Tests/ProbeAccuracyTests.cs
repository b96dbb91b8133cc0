namespace ScaleDefense.Tests;

/// <summary>
/// The 8-bit probe against black boxes whose exact matrices we know: our own exact models of
/// Catmull-Rom-like and Mitchell kernels, called only through a <see cref="ByteScaler"/>.
/// Recovered weights must be within 1e-3 of the model's own, negative lobes and small weights included.
/// </summary>
[TestFixture]
public class ProbeAccuracyTests
{
    // (library, algorithm, source, target): OpenCV bicubic is Keys a = -0.75 (lobes -0.07), Pillow bicubic
    // a = -0.5 antialiased (wide supports), TensorFlow mitchellcubic B = C = 1/3 (small lobes, float only: rounded here).
    private static readonly object[] Kernels =
    [
        new object[] { ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, 250, 190, 96, 72 },
        new object[] { ScalingLibrary.OpenCV, ScalingAlgorithm.Bicubic, 60, 45, 130, 100 },
        new object[] { ScalingLibrary.Pillow, ScalingAlgorithm.Bicubic, 250, 190, 96, 72 },
        new object[] { ScalingLibrary.TensorFlow, ScalingAlgorithm.MitchellCubic, 250, 190, 96, 72 },
        new object[] { ScalingLibrary.TensorFlow, ScalingAlgorithm.MitchellCubic, 60, 45, 130, 100 },
    ];

    [TestCaseSource(nameof(Kernels))]
    public void Byte_probe_recovers_the_exact_models_weights_within_1e_3(ScalingLibrary library, ScalingAlgorithm algorithm, int sw, int sh, int tw, int th)
    {
        var source = new ImageSize(sw, sh);
        var target = new ImageSize(tw, th);
        using var model = ScalingModel.Create(library, algorithm, source, target);
        ProbedScaler probed = ScalingModel.Probe(source, target, AsByteScaler(model));
        TestContext.Out.WriteLine($"{probed.ScalerCalls} calls, spacing {probed.RowSpacing}/{probed.ColumnSpacing}, prediction error {probed.PredictionError}");
        SampleType type = model.Supports(SampleType.UInt8) ? SampleType.UInt8 : SampleType.Float32;
        Assert.Multiple(() =>
        {
            ProbeTests.AssertClose(probed.Left, model.GetLeft(type), 1e-3);
            ProbeTests.AssertClose(probed.Right, model.GetRight(type), 1e-3);
            Assert.That(probed.PredictionError, Is.LessThanOrEqualTo(1));
            Assert.That(probed.ScalerCalls, Is.LessThan(8 * (sw + sh) + 9), "fewer calls than one per row and column on 8 backgrounds");
        });
    }

    /// <summary>A model as an 8-bit black box; float-only libraries rounded half up and clamped.</summary>
    internal static ByteScaler AsByteScaler(ScalingModel model) => (source, sourceLayout, destination, destinationLayout) =>
    {
        if (model.Supports(SampleType.UInt8))
        {
            model.Scale(source, sourceLayout, destination, destinationLayout);
            return;
        }
        float[] input = new float[sourceLayout.Width * sourceLayout.Height];
        for (int e = 0; e < input.Length; e++)
        {
            input[e] = source[e];
        }
        float[] output = model.Scale(input, 1);
        for (int e = 0; e < output.Length; e++)
        {
            destination[e] = (byte)Math.Clamp(MathF.Round(output[e], MidpointRounding.AwayFromZero), 0, 255);
        }
    };
}
