using OpenCvSharp;
using ScaleDefense.OpenCvSharp;

namespace ScaleDefense.Tests;

/// <summary>The C# example of README.md, verbatim, so the documentation cannot rot.</summary>
[TestFixture]
public class ReadmeExampleTests
{
    [Test]
    public void Readme_example_runs_and_matches_opencv()
    {
        string photo = Path.Combine(RepositoryPaths.Root, "samples", "images", "coffee.png");

        // --- README example begins ---
        using Mat image = Cv2.ImRead(photo);                      // 600x400, BGR
        using var model = ScalingModel.Create(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear,
                                              source: new(image.Cols, image.Rows), target: new(224, 224));

        // The coefficient matrices: scale(X) = L·X·R, per channel.
        CoefficientMatrix left = model.Left;                      // 224 x 400
        ReadOnlySpan<int> rowsRead = left.GetSourceIndices(0);    // source rows output row 0 reads

        // Exactly what cv::resize produces, from spans (no allocation) ...
        var pixels = new byte[600 * 400 * 3];
        image.GetArray(out Vec3b[] bgr);
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(bgr.AsSpan()).CopyTo(pixels);
        var output = new byte[224 * 224 * 3];
        model.Scale(pixels, new ImageLayout(600, 400, 3), output, new ImageLayout(224, 224, 3));

        // ... or straight from a Mat (ScaleDefense.OpenCvSharp).
        using Mat scaled = model.Scale(image);
        // --- README example ends ---

        using Mat expected = new();
        Cv2.Resize(image, expected, new Size(224, 224));
        expected.GetArray(out Vec3b[] expectedPixels);
        int[] firstRows = rowsRead.ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(left.Rows, Is.EqualTo(224));
            Assert.That(left.Columns, Is.EqualTo(400));
            Assert.That(firstRows, Is.EqualTo(new[] { 0, 1 }));
            Assert.That(output, Is.EqualTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(expectedPixels.AsSpan()).ToArray()));
        });
        using Mat difference = new();
        Cv2.Absdiff(scaled, expected, difference);
        Assert.That(Cv2.CountNonZero(difference.Reshape(1)), Is.Zero);
    }
}

/// <summary>The SecureScaler snippet of README.md.</summary>
[TestFixture]
public class ReadmeSecureScalerExampleTests
{
    [Test]
    public void Readme_secure_scaler_example_runs()
    {
        string photo = Path.Combine(RepositoryPaths.Root, "samples", "images", "coffee.png");
        using Mat image = Cv2.ImRead(photo);
        int w = image.Cols, h = image.Rows;
        var pixels = OpenCvReference.FromMat<byte>(image, 3);
        var output = new byte[224 * 224 * 3];

        // --- README example begins ---
        var secure = new SecureScaler(ScalingLibrary.OpenCV, ScalingAlgorithm.Bilinear, new ImageSize(224, 224));
        using Mat resized = image.SecureResize(secure, out Reconstruction applied);
        secure.Resize(pixels, new ImageLayout(w, h, 3), output, new ImageLayout(224, 224, 3));
        // --- README example ends ---

        using (secure)
        {
            Assert.That(applied, Is.EqualTo(Reconstruction.Median));
            Assert.That(OpenCvReference.FromMat<byte>(resized, 3), Is.EqualTo(output));
        }
    }
}
