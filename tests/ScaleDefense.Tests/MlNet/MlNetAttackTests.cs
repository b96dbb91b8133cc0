using Microsoft.ML;
using Microsoft.ML.Data;
using ScaleDefense.ML;

namespace ScaleDefense.Tests.MlNet;

/// <summary>
/// An attack built with the library's own attack API on the ML.NET model gets through ML.NET's stock
/// ResizeImages; the same pipeline with SecureResizeImages gives back the source's picture.
/// </summary>
[TestFixture]
public sealed class MlNetAttackTests
{
    [Test]
    public void An_attack_that_gets_through_ResizeImages_is_neutralised_by_SecureResizeImages()
    {
        var source = new ImageSize(400, 300);
        var target = new ImageSize(80, 60);
        byte[] s = Bgra(StrongAttackTestData.Photo("astronaut", source));
        byte[] t = Bgra(StrongAttackTestData.Photo("coffee", target));
        var sourceLayout = new ImageLayout(source.Width, source.Height, 4);
        var targetLayout = new ImageLayout(target.Width, target.Height, 4);
        // ML.NET's default: IsoCrop, centre anchor (the aspect ratios agree here, so nothing is cropped).
        using var model = ScalingModel.Create(ScalingLibrary.MlNet, ScalingAlgorithm.Bicubic, source, target);
        Assert.That(model.Analyze().Verdict, Is.EqualTo(Verdict.Vulnerable));
        byte[] attack = new StrongScalingAttack(model).Run(s, sourceLayout, t, targetLayout).Attack.Image;

        var ml = new MLContext(seed: 1);
        using var images = new MlNetImages();
        IDataView data = images.Load(ml, [(attack, source.Width, source.Height), (s, source.Width, source.Height)]);
        List<byte[]> stock = MlNetImages.Pixels(ml.Transforms.ResizeImages("Resized", target.Width, target.Height, "Image").Fit(data).Transform(data), "Resized");
        using SecureImageResizingTransformer secure = ml.Transforms.SecureResizeImages("Resized", target.Width, target.Height, "Image").Fit(data);
        List<byte[]> defended = MlNetImages.Pixels(secure.Transform(data), "Resized");

        double stockToTarget = ImageMetrics.Psnr(stock[0], t);
        double defendedToSource = ImageMetrics.Psnr(defended[0], stock[1]);
        double defendedToTarget = ImageMetrics.Psnr(defended[0], t);
        TestContext.Out.WriteLine($"ML.NET IsoCrop {source} -> {target}: stock output {stockToTarget:F1} dB from the target; " +
                                  $"secure output {defendedToSource:F1} dB from the scaled source, {defendedToTarget:F1} dB from the target");
        Assert.Multiple(() =>
        {
            Assert.That(ImageMetrics.MaxAbsoluteDifference(stock[0], t), Is.LessThanOrEqualTo(3), "the attack gets through the stock ResizeImages");
            Assert.That(defendedToSource, Is.GreaterThan(defendedToTarget), "SecureResizeImages gives the source's picture back");
        });
    }

    [Test]
    public void A_prediction_engine_runs_SecureResizeImages_row_by_row_with_the_same_bytes_as_the_view()
    {
        var ml = new MLContext(seed: 1);
        using var images = new MlNetImages();
        var random = new Random(5);
        IDataView data = images.Load(ml, [(MlNetImages.RandomOpaque(random, 90, 70), 90, 70)]);
        using SecureImageResizingTransformer secure = ml.Transforms.SecureResizeImages("Resized", 32, 32, "Image",
            Microsoft.ML.Transforms.Image.ImageResizingEstimator.ResizingKind.IsoPad, Microsoft.ML.Transforms.Image.ImageResizingEstimator.Anchor.Center,
            new SecureScalerOptions { Reconstruction = Reconstruction.None }).Fit(data);
        IRowToRowMapper mapper = secure.GetRowToRowMapper(data.Schema);
        using DataViewRowCursor cursor = data.GetRowCursor(data.Schema);
        Assert.That(cursor.MoveNext(), Is.True);
        var resized = mapper.OutputSchema["Resized"];
        using DataViewRow row = mapper.GetRow(cursor, [resized]);
        Microsoft.ML.Data.MLImage image = null!;
        row.GetGetter<Microsoft.ML.Data.MLImage>(resized)(ref image);
        Assert.That(image.Pixels.ToArray(), Is.EqualTo(MlNetImages.Pixels(secure.Transform(data), "Resized")[0]));
    }

    private static byte[] Bgra(byte[] rgb)
    {
        var bgra = new byte[rgb.Length / 3 * 4];
        for (int p = 0; p < rgb.Length / 3; p++)
        {
            bgra[p * 4] = rgb[p * 3 + 2];
            bgra[p * 4 + 1] = rgb[p * 3 + 1];
            bgra[p * 4 + 2] = rgb[p * 3];
            bgra[p * 4 + 3] = 255;
        }
        return bgra;
    }
}
