using Microsoft.ML;
using Microsoft.ML.Transforms.Image;
using ScaleDefense.ML;
using static Microsoft.ML.Transforms.Image.ImageResizingEstimator;

namespace ScaleDefense.Tests.MlNet;

/// <summary>
/// SecureResizeImages without reconstruction must give exactly the bytes of ML.NET's own
/// ResizeImages, run live, for every resizing kind and crop anchor on random size pairs.
/// </summary>
[TestFixture]
public sealed class MlNetExactnessTests
{
    private static readonly (ResizingKind Kind, Anchor Anchor)[] Modes =
    [
        (ResizingKind.IsoCrop, Anchor.Center), (ResizingKind.IsoCrop, Anchor.Top), (ResizingKind.IsoCrop, Anchor.Bottom),
        (ResizingKind.IsoCrop, Anchor.Left), (ResizingKind.IsoCrop, Anchor.Right), (ResizingKind.IsoPad, Anchor.Center),
        (ResizingKind.Fill, Anchor.Center),
    ];

    private static IEnumerable<TestCaseData> ModeCases() =>
        Modes.Select((m, i) => new TestCaseData(m.Kind, m.Anchor, 100 + i).SetArgDisplayNames($"{m.Kind}, {m.Anchor}"));

    [TestCaseSource(nameof(ModeCases))]
    public void Without_reconstruction_it_gives_the_bytes_of_ResizeImages_on_200_size_pairs(ResizingKind kind, Anchor anchor, int seed)
    {
        var random = new Random(seed);
        var ml = new MLContext(seed: 1);
        using var images = new MlNetImages();
        int pairs = 0;
        for (int batch = 0; pairs < 200; batch++)
        {
            // Alternate batches run the native core and the managed twin.
            var none = new SecureScalerOptions
            {
                Reconstruction = Reconstruction.None,
                Scaling = new ScalingOptions { Backend = batch % 2 == 0 ? ScalingBackend.Native : ScalingBackend.Managed },
            };
            int targetWidth = random.Next(1, 97), targetHeight = random.Next(1, 97);
            var sizes = Enumerable.Range(0, 8).Select(_ => (Width: random.Next(1, 321), Height: random.Next(1, 321))).ToList();
            IDataView data = images.Load(ml, sizes.Select(s => (MlNetImages.RandomOpaque(random, s.Width, s.Height), s.Width, s.Height)));
            IDataView stock = ml.Transforms.ResizeImages("Resized", targetWidth, targetHeight, "Image", kind, anchor).Fit(data).Transform(data);
            using SecureImageResizingTransformer secure = ml.Transforms.SecureResizeImages("Resized", targetWidth, targetHeight, "Image", kind, anchor, none).Fit(data);
            List<byte[]> expected = MlNetImages.Pixels(stock, "Resized");
            List<byte[]> actual = MlNetImages.Pixels(secure.Transform(data), "Resized");
            for (int i = 0; i < sizes.Count; i++)
            {
                Assert.That(actual[i], Is.EqualTo(expected[i]), $"{sizes[i].Width}×{sizes[i].Height} → {targetWidth}×{targetHeight}, {none.Scaling.Backend}");
            }
            pairs += sizes.Count;
        }
    }

    [Test]
    public void The_quirk_of_ML_NET_is_kept_an_empty_last_row_at_1000x750_to_224x224()
    {
        // IsoCrop's float arithmetic draws the image 223 rows high: ML.NET leaves row 223 zero.
        var ml = new MLContext(seed: 1);
        using var images = new MlNetImages();
        var flat = Enumerable.Repeat((byte)200, 1000 * 750 * 4).ToArray();
        IDataView data = images.Load(ml, [(flat, 1000, 750)]);
        using SecureImageResizingTransformer secure = ml.Transforms.SecureResizeImages("Resized", 224, 224, "Image", ResizingKind.IsoCrop, Anchor.Center,
            new SecureScalerOptions { Reconstruction = Reconstruction.None }).Fit(data);
        byte[] pixels = MlNetImages.Pixels(secure.Transform(data), "Resized")[0];
        Assert.That(pixels.AsSpan(223 * 224 * 4).ToArray(), Is.All.EqualTo(0));
        Assert.That(pixels.AsSpan(0, 223 * 224 * 4).ToArray().Where((_, i) => i % 4 != 3), Is.All.EqualTo(200));
    }

    [TestCase(224, 224, 224, 224, ResizingKind.IsoCrop, ScalingBackend.Managed)]
    [TestCase(224, 224, 224, 224, ResizingKind.IsoCrop)]
    [TestCase(224, 300, 224, 224, ResizingKind.IsoCrop)]
    [TestCase(300, 224, 224, 224, ResizingKind.IsoCrop)]
    [TestCase(224, 300, 224, 224, ResizingKind.IsoPad)]
    [TestCase(64, 48, 64, 48, ResizingKind.Fill)]
    public void Where_ML_NET_draws_at_scale_one_it_gives_the_bytes_of_ResizeImages(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight, ResizingKind kind,
        ScalingBackend backend = ScalingBackend.Native)
    {
        // Scale 1 on both axes with an integer offset: where a drawing library might copy instead of filter.
        var ml = new MLContext(seed: 1);
        using var images = new MlNetImages();
        IDataView data = images.Load(ml, [(MlNetImages.RandomOpaque(new Random(3), sourceWidth, sourceHeight), sourceWidth, sourceHeight)]);
        IDataView stock = ml.Transforms.ResizeImages("Resized", targetWidth, targetHeight, "Image", kind).Fit(data).Transform(data);
        using SecureImageResizingTransformer secure = ml.Transforms.SecureResizeImages("Resized", targetWidth, targetHeight, "Image", kind, Anchor.Center,
            new SecureScalerOptions { Reconstruction = Reconstruction.None, Scaling = new ScalingOptions { Backend = backend } }).Fit(data);
        Assert.That(MlNetImages.Pixels(secure.Transform(data), "Resized")[0], Is.EqualTo(MlNetImages.Pixels(stock, "Resized")[0]));
    }
}
