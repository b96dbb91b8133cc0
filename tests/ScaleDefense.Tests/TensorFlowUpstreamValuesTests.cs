using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// The expected values hard-coded in TensorFlow's own tests (tensorflow/python/ops/image_ops_test.py:
/// ResizeImagesV2Test.testResizeUp and testResizeDownArea; ResizeImagesTest (v1)
/// .testResizeUpAlignCornersFalse, testResizeUpBicubic and testResizeDownArea), with TF's tolerances.
/// They were produced by the real library, so they check the model independently of the spec.
/// </summary>
[TestFixture]
public class TensorFlowUpstreamValuesTests
{
    // img_shape [1, 3, 2, 1] (3 rows, 2 columns) → 6 rows × 4 columns.
    private static readonly float[] UpData = [64, 32, 32, 64, 50, 100];

    private static readonly float[] Nearest =
        [64, 64, 32, 32, 64, 64, 32, 32, 32, 32, 64, 64, 32, 32, 64, 64, 50, 50, 100, 100, 50, 50, 100, 100];

    // testResizeDownArea: 6×6 uint8 → 4×4, atol 1.
    private static readonly float[] DownData =
    [
        128, 64, 32, 16, 8, 4, 4, 8, 16, 32, 64, 128, 128, 64, 32, 16, 8, 4, 5,
        10, 15, 20, 25, 30, 30, 25, 20, 15, 10, 5, 5, 10, 15, 20, 25, 30,
    ];

    private static readonly float[] DownArea = [73, 33, 23, 39, 73, 33, 23, 39, 14, 16, 19, 21, 14, 16, 19, 21];

    private static IEnumerable<TestCaseData> Cases()
    {
        // v2 testResizeUp (resize_images_v2, antialias=False), atol 1e-4.
        yield return Make("v2 testResizeUp", ScalingLibrary.TensorFlow, ScalingAlgorithm.Bilinear, UpData, 2, 3, 4, 6, 1e-4,
            [64.0f, 56.0f, 40.0f, 32.0f, 56.0f, 52.0f, 44.0f, 40.0f, 40.0f, 44.0f, 52.0f, 56.0f,
             36.5f, 45.625f, 63.875f, 73.0f, 45.5f, 56.875f, 79.625f, 91.0f, 50.0f, 62.5f, 87.5f, 100.0f]);
        yield return Make("v2 testResizeUp", ScalingLibrary.TensorFlow, ScalingAlgorithm.Nearest, UpData, 2, 3, 4, 6, 1e-4, Nearest);
        yield return Make("v2 testResizeUp", ScalingLibrary.TensorFlow, ScalingAlgorithm.Area, UpData, 2, 3, 4, 6, 1e-4, Nearest);
        yield return Make("v2 testResizeUp", ScalingLibrary.TensorFlow, ScalingAlgorithm.Lanczos3, UpData, 2, 3, 4, 6, 1e-4,
            [75.8294f, 59.6281f, 38.4313f, 22.23f, 60.6851f, 52.0037f, 40.6454f, 31.964f,
             35.8344f, 41.0779f, 47.9383f, 53.1818f, 24.6968f, 43.0769f, 67.1244f, 85.5045f,
             35.7939f, 56.4713f, 83.5243f, 104.2017f, 44.8138f, 65.1949f, 91.8603f, 112.2413f]);
        yield return Make("v2 testResizeUp", ScalingLibrary.TensorFlow, ScalingAlgorithm.Lanczos5, UpData, 2, 3, 4, 6, 1e-4,
            [77.5699f, 60.0223f, 40.6694f, 23.1219f, 61.8253f, 51.2369f, 39.5593f, 28.9709f,
             35.7438f, 40.8875f, 46.5604f, 51.7041f, 21.5942f, 43.5299f, 67.7223f, 89.658f,
             32.1213f, 56.784f, 83.984f, 108.6467f, 44.5802f, 66.183f, 90.0082f, 111.6109f]);
        yield return Make("v2 testResizeUp", ScalingLibrary.TensorFlow, ScalingAlgorithm.Gaussian, UpData, 2, 3, 4, 6, 1e-4,
            [61.1087f, 54.6926f, 41.3074f, 34.8913f, 54.6926f, 51.4168f, 44.5832f, 41.3074f,
             41.696f, 45.2456f, 52.6508f, 56.2004f, 39.4273f, 47.0526f, 62.9602f, 70.5855f,
             47.3008f, 57.3042f, 78.173f, 88.1764f, 51.4771f, 62.3638f, 85.0752f, 95.9619f]);
        yield return Make("v2 testResizeUp", ScalingLibrary.TensorFlow, ScalingAlgorithm.Bicubic, UpData, 2, 3, 4, 6, 1e-4,
            [70.1453f, 59.0252f, 36.9748f, 25.8547f, 59.3195f, 53.3386f, 41.4789f, 35.4981f,
             36.383f, 41.285f, 51.0051f, 55.9071f, 30.2232f, 42.151f, 65.8032f, 77.731f,
             41.6492f, 55.823f, 83.9288f, 98.1026f, 47.0363f, 62.2744f, 92.4903f, 107.7284f]);
        yield return Make("v2 testResizeUp", ScalingLibrary.TensorFlow, ScalingAlgorithm.MitchellCubic, UpData, 2, 3, 4, 6, 1e-4,
            [66.0382f, 56.6079f, 39.3921f, 29.9618f, 56.7255f, 51.9603f, 43.2611f, 38.4959f,
             39.1828f, 43.4664f, 51.2864f, 55.57f, 34.6287f, 45.1812f, 64.4458f, 74.9983f,
             43.8523f, 56.8078f, 80.4594f, 93.4149f, 48.9943f, 63.026f, 88.6422f, 102.6739f]);
        yield return Make("v2 testResizeDownArea", ScalingLibrary.TensorFlow, ScalingAlgorithm.Area, DownData, 6, 6, 4, 4, 1, DownArea);

        // v1 testResizeUpAlignCornersFalse, atol 1e-5.
        yield return Make("v1 testResizeUpAlignCornersFalse", ScalingLibrary.TensorFlow1, ScalingAlgorithm.Bilinear, UpData, 2, 3, 4, 6, 1e-5,
            [64.0f, 48.0f, 32.0f, 32.0f, 48.0f, 48.0f, 48.0f, 48.0f, 32.0f, 48.0f, 64.0f, 64.0f,
             41.0f, 61.5f, 82.0f, 82.0f, 50.0f, 75.0f, 100.0f, 100.0f, 50.0f, 75.0f, 100.0f, 100.0f]);
        yield return Make("v1 testResizeUpAlignCornersFalse", ScalingLibrary.TensorFlow1, ScalingAlgorithm.Nearest, UpData, 2, 3, 4, 6, 1e-5, Nearest);
        yield return Make("v1 testResizeUpAlignCornersFalse", ScalingLibrary.TensorFlow1, ScalingAlgorithm.Area, UpData, 2, 3, 4, 6, 1e-5, Nearest);

        // v1 testResizeUpBicubic: 6×6 uint8 → 8×8, atol 1.
        yield return Make("v1 testResizeUpBicubic", ScalingLibrary.TensorFlow1, ScalingAlgorithm.Bicubic,
            [128, 128, 64, 64, 128, 128, 64, 64, 64, 64, 128, 128, 64, 64, 128, 128,
             50, 50, 100, 100, 50, 50, 100, 100, 50, 50, 100, 100, 50, 50, 100, 100, 50, 50, 100, 100],
            6, 6, 8, 8, 1,
            [128, 135, 96, 55, 64, 114, 134, 128, 78, 81, 68, 52, 57, 118, 144, 136,
             55, 49, 79, 109, 103, 89, 83, 84, 74, 70, 95, 122, 115, 69, 49, 55, 100,
             105, 75, 43, 50, 89, 105, 100, 57, 54, 74, 96, 91, 65, 55, 58, 70, 69,
             75, 81, 80, 72, 69, 70, 105, 112, 75, 36, 45, 92, 111, 105]);
        yield return Make("v1 testResizeDownArea", ScalingLibrary.TensorFlow1, ScalingAlgorithm.Area, DownData, 6, 6, 4, 4, 1, DownArea);
    }

    [TestCaseSource(nameof(Cases))]
    public void Matches_tensorflow_test_values(ScalingLibrary library, ScalingAlgorithm algorithm, float[] data, ImageSize source, ImageSize target, double atol, float[] expected)
    {
        foreach (ScalingBackend backend in new[] { ScalingBackend.Native, ScalingBackend.Managed })
        {
            using var model = ScalingModel.Create(library, algorithm, source, target, backend);
            Assert.That(model.Scale(data, 1), Is.EqualTo(expected).Within(atol).AsCollection, backend.ToString());
        }
    }

    private static TestCaseData Make(string test, ScalingLibrary library, ScalingAlgorithm algorithm, float[] data,
                                     int sourceWidth, int sourceHeight, int targetWidth, int targetHeight, double atol, float[] expected) =>
        new TestCaseData(library, algorithm, data, new ImageSize(sourceWidth, sourceHeight), new ImageSize(targetWidth, targetHeight), atol, expected)
            .SetArgDisplayNames(test, library.ToString(), algorithm.ToString());
}
