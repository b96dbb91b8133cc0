using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// Every worked example of /work/shared/reference/tensorflow-resize.md §11 (E1–E5), on both
/// backends. The published values are float32 results of TensorFlow's kernels (shortest
/// round-trip decimals, so parsing gives the exact float). The spec allows 2 ulp for a model in
/// TF's float32 order; ours reproduces every value bit for bit, so the tests demand 0 ulp.
/// </summary>
[TestFixture]
public class TensorFlowWorkedExampleTests
{
    private const ScalingLibrary Tf2 = ScalingLibrary.TensorFlow;
    private const ScalingLibrary Tf1 = ScalingLibrary.TensorFlow1;
    private static readonly float[] E1Input = [0, 12, 3, 45, 27, 90, 6, 60, 33, 18];
    private static readonly float[] E2Input = E1Input[..9];
    private static readonly float[] E3Input = E1Input[..8];
    private static readonly float[] E4Input = E1Input[..5];

    // 4×6 (rows × columns) → 3×4.
    private static readonly float[] E5Input =
    [
        0, 10, 20, 30, 40, 50,
        90, 0, 90, 0, 90, 0,
        5, 15, 25, 35, 45, 55,
        100, 80, 60, 40, 20, 0,
    ];

    private static IEnumerable<TestCaseData> OneDimensional()
    {
        // E1: n = 10 → m = 4, β = 2.5.
        yield return Case("E1", Tf1, ScalingAlgorithm.Nearest, false, E1Input, 0, 3, 90, 60);
        yield return Case("E1", Tf1, ScalingAlgorithm.Bilinear, false, E1Input, 0, 24, 90, 46.5f);
        yield return Case("E1", Tf1, ScalingAlgorithm.Bicubic, false, E1Input, 0, 24.84375f, 90, 52.96875f);
        yield return Case("E1", Tf1, ScalingAlgorithm.Area, false, E1Input, 5.4f, 29.4f, 50.4f, 32.4f);
        yield return Case("E1", Tf2, ScalingAlgorithm.Area, false, E1Input, 5.4f, 29.4f, 50.4f, 32.4f);
        yield return Case("E1", Tf2, ScalingAlgorithm.Area, true, E1Input, 5.4f, 29.4f, 50.4f, 32.4f);
        yield return Case("E1", Tf2, ScalingAlgorithm.Nearest, false, E1Input, 12, 45, 6, 33);
        yield return Case("E1", Tf2, ScalingAlgorithm.Nearest, true, E1Input, 12, 45, 6, 33);
        yield return Case("E1", Tf2, ScalingAlgorithm.Bilinear, false, E1Input, 9, 40.5f, 27, 29.25f);
        yield return Case("E1", Tf2, ScalingAlgorithm.Bilinear, true, E1Input, 7.636363f, 35.64f, 43.92f, 33.13636f);
        yield return Case("E1", Tf2, ScalingAlgorithm.Bicubic, false, E1Input, 9.961832f, 42.820312f, 20.742188f, 27.824429f);
        yield return Case("E1", Tf2, ScalingAlgorithm.Bicubic, true, E1Input, 5.033868f, 35.703743f, 47.281853f, 31.751076f);
        yield return Case("E1", Tf2, ScalingAlgorithm.Lanczos3, false, E1Input, 11.0015745f, 41.37801f, 21.240896f, 25.007866f);
        yield return Case("E1", Tf2, ScalingAlgorithm.Lanczos3, true, E1Input, 3.4518034f, 36.229332f, 49.18357f, 30.038548f);
        yield return Case("E1", Tf2, ScalingAlgorithm.Lanczos5, false, E1Input, 12.508195f, 38.78336f, 22.924952f, 21.457188f);
        yield return Case("E1", Tf2, ScalingAlgorithm.Lanczos5, true, E1Input, 3.1484423f, 36.179703f, 49.805973f, 29.056164f);
        yield return Case("E1", Tf2, ScalingAlgorithm.Gaussian, false, E1Input, 8.56997f, 38.854065f, 29.694128f, 30.055769f);
        yield return Case("E1", Tf2, ScalingAlgorithm.Gaussian, true, E1Input, 8.819585f, 33.727108f, 44.48935f, 33.16757f);
        yield return Case("E1", Tf2, ScalingAlgorithm.MitchellCubic, false, E1Input, 9.179641f, 40.710938f, 25.934895f, 28.591106f);
        yield return Case("E1", Tf2, ScalingAlgorithm.MitchellCubic, true, E1Input, 6.705686f, 34.886024f, 46.101208f, 32.331112f);

        // E2: n = 9 → m = 3, β = 3 (odd integer).
        foreach (ScalingAlgorithm a in new[] { ScalingAlgorithm.Nearest, ScalingAlgorithm.Bilinear, ScalingAlgorithm.Bicubic })
        {
            yield return Case("E2", Tf1, a, false, E2Input, 0, 45, 6);
            yield return Case("E2", Tf2, a, false, E2Input, 12, 27, 60);
        }
        yield return Case("E2", Tf2, ScalingAlgorithm.Nearest, true, E2Input, 12, 27, 60);
        yield return Case("E2", Tf1, ScalingAlgorithm.Area, false, E2Input, 5, 54, 33);
        yield return Case("E2", Tf2, ScalingAlgorithm.Area, false, E2Input, 5, 54, 33);
        yield return Case("E2", Tf2, ScalingAlgorithm.Lanczos3, false, E2Input, 12.000001f, 26.999996f, 60);
        yield return Case("E2", Tf2, ScalingAlgorithm.Bilinear, true, E2Input, 10.875f, 40.000004f, 43.5f);
        yield return Case("E2", Tf2, ScalingAlgorithm.Bicubic, true, E2Input, 8.079994f, 43.12049f, 42.079994f);
        yield return Case("E2", Tf2, ScalingAlgorithm.Lanczos3, true, E2Input, 6.7680125f, 43.685406f, 42.611412f);

        // E3: n = 8 → m = 4, β = 2 (even integer).
        foreach (ScalingAlgorithm a in new[] { ScalingAlgorithm.Nearest, ScalingAlgorithm.Bilinear, ScalingAlgorithm.Bicubic })
        {
            yield return Case("E3", Tf1, a, false, E3Input, 0, 3, 27, 6);
        }
        yield return Case("E3", Tf1, ScalingAlgorithm.Area, false, E3Input, 6, 24, 58.5f, 33);
        yield return Case("E3", Tf2, ScalingAlgorithm.Area, false, E3Input, 6, 24, 58.5f, 33);
        yield return Case("E3", Tf2, ScalingAlgorithm.Bilinear, false, E3Input, 6, 24, 58.5f, 33);
        yield return Case("E3", Tf2, ScalingAlgorithm.Nearest, false, E3Input, 12, 45, 90, 60);
        yield return Case("E3", Tf2, ScalingAlgorithm.Bilinear, true, E3Input, 5.5714293f, 22.875f, 50.25f, 41.14286f);
        yield return Case("E3", Tf2, ScalingAlgorithm.Bicubic, false, E3Input, 6.1764708f, 24.5625f, 62.625f, 29.64706f);
        yield return Case("E3", Tf2, ScalingAlgorithm.Bicubic, true, E3Input, 3.9037657f, 21.741314f, 53.525097f, 39.99163f);
        yield return Case("E3", Tf2, ScalingAlgorithm.Lanczos3, false, E3Input, 7.2249384f, 26.25f, 66.14674f, 25.899757f);
        yield return Case("E3", Tf2, ScalingAlgorithm.Lanczos3, true, E3Input, 3.4063134f, 21.168428f, 53.908325f, 40.593613f);

        // E4: n = 5 → m = 8, β = 0.625 (upscaling; AA changes nothing here).
        yield return Case("E4", Tf1, ScalingAlgorithm.Nearest, false, E4Input, 0, 0, 12, 12, 3, 45, 45, 27);
        yield return Case("E4", Tf1, ScalingAlgorithm.Bilinear, false, E4Input, 0, 7.5f, 9.75f, 4.125f, 24, 42.75f, 31.5f, 27);
        yield return Case("E4", Tf1, ScalingAlgorithm.Bicubic, false, E4Input, 0, 8.664551f, 9.75f, 1.0488281f, 24.84375f, 46.13379f, 32.554688f, 25.02246f);
        yield return Case("E4", Tf1, ScalingAlgorithm.Area, false, E4Input, 0, 4.8f, 12, 4.8f, 11.400001f, 45, 34.2f, 27);
        yield return Case("E4", Tf2, ScalingAlgorithm.Area, false, E4Input, 0, 4.8f, 12, 4.8f, 11.400001f, 45, 34.2f, 27);
        foreach (bool aa in new[] { false, true })
        {
            yield return Case("E4", Tf2, ScalingAlgorithm.Nearest, aa, E4Input, 0, 0, 12, 3, 3, 45, 27, 27);
            yield return Case("E4", Tf2, ScalingAlgorithm.Bilinear, aa, E4Input, 0, 5.25f, 11.4375f, 5.8125f, 16.125f, 42.375f, 34.875f, 27);
            yield return Case("E4", Tf2, ScalingAlgorithm.Bicubic, aa, E4Input, -0.86346865f, 5.1906605f, 11.920898f, 2.7509766f, 14.372681f, 43.929565f, 36.220917f, 25.704796f);
            yield return Case("E4", Tf2, ScalingAlgorithm.Lanczos3, aa, E4Input, -1.5068439f, 6.140641f, 11.594845f, 1.1095457f, 14.506287f, 43.926414f, 37.846222f, 23.850353f);
        }
    }

    private static IEnumerable<TestCaseData> TwoDimensional()
    {
        yield return Case2("E5", Tf1, ScalingAlgorithm.Nearest, false, 0, 10, 30, 40, 90, 0, 0, 90, 5, 15, 35, 45);
        yield return Case2("E5", Tf2, ScalingAlgorithm.Nearest, false, 0, 20, 30, 50, 5, 25, 35, 55, 100, 60, 40, 0);
        yield return Case2("E5", Tf1, ScalingAlgorithm.Bilinear, false,
            0, 15, 30, 45, 61.666664f, 36.666664f, 11.666668f, 46.666668f, 68.33334f, 53.333336f, 38.333332f, 23.33333f);
        yield return Case2("E5", Tf1, ScalingAlgorithm.Bicubic, false,
            0, 15, 30, 45.9375f, 68.00066f, 37.698063f, 7.395475f, 55.859673f, 65.4108f, 52.890038f, 40.369286f, 21.449228f);
        float[] area = [17.500002f, 27.500002f, 32.5f, 42.5f, 34.166664f, 40.833332f, 34.166668f, 40.833336f, 72.083336f, 55.416664f, 34.583332f, 17.916664f];
        yield return Case2("E5", Tf1, ScalingAlgorithm.Area, false, area);
        yield return Case2("E5", Tf2, ScalingAlgorithm.Area, false, area);
        yield return Case2("E5", Tf2, ScalingAlgorithm.Bilinear, false,
            13.333335f, 25.833334f, 30.833334f, 43.333332f, 37.5f, 45, 30, 37.5f, 80.41668f, 57.91667f, 35.416668f, 12.91666f);
        yield return Case2("E5", Tf2, ScalingAlgorithm.Bilinear, true,
            19.500002f, 27.444447f, 34.555557f, 42.500004f, 32.500004f, 36.38889f, 38.61111f, 42.500004f, 67.375015f, 51.944458f, 36.055557f, 20.625f);
        yield return Case2("E5", Tf2, ScalingAlgorithm.Bicubic, false,
            10.285408f, 24.75208f, 30.139696f, 44.60637f, 37.52053f, 50.214844f, 24.785156f, 37.479473f, 85.67546f, 59.565754f, 35.542465f, 9.432763f);
        yield return Case2("E5", Tf2, ScalingAlgorithm.Bicubic, true,
            18.560167f, 26.410145f, 35.19169f, 43.041664f, 30.416727f, 34.94307f, 40.056923f, 44.583267f, 70.18163f, 53.49258f, 34.90559f, 18.216541f);
        yield return Case2("E5", Tf2, ScalingAlgorithm.Lanczos3, true,
            21.194996f, 25.952066f, 37.34589f, 42.102947f, 28.840765f, 31.097944f, 43.90207f, 46.159237f, 68.240425f, 52.71862f, 33.983437f, 18.461624f);
    }

    [TestCaseSource(nameof(OneDimensional))]
    public void One_dimensional_example_matches_tensorflow(ScalingLibrary library, ScalingAlgorithm algorithm, bool antialias, float[] input, float[] expected)
    {
        foreach (ScalingBackend backend in new[] { ScalingBackend.Native, ScalingBackend.Managed })
        {
            using var model = ScalingModel.Create(library, algorithm, new(input.Length, 1), new(expected.Length, 1),
                new ScalingOptions { Antialias = antialias, Backend = backend });
            AssertWithinUlps(model.Scale(input, 1), expected, 0, backend.ToString());
        }
    }

    [TestCaseSource(nameof(TwoDimensional))]
    public void Two_dimensional_example_matches_tensorflow(ScalingLibrary library, ScalingAlgorithm algorithm, bool antialias, float[] expected)
    {
        foreach (ScalingBackend backend in new[] { ScalingBackend.Native, ScalingBackend.Managed })
        {
            using var model = ScalingModel.Create(library, algorithm, new(6, 4), new(4, 3),
                new ScalingOptions { Antialias = antialias, Backend = backend });
            AssertWithinUlps(model.Scale(E5Input, 1), expected, 0, backend.ToString());
        }
    }

    internal static void AssertWithinUlps(float[] actual, float[] expected, int ulps, string label)
    {
        Assert.That(actual, Has.Length.EqualTo(expected.Length), label);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.That(UlpDistance(actual[i], expected[i]), Is.LessThanOrEqualTo(ulps),
                $"{label}: output {i} is {actual[i]:R}, expected {expected[i]:R} (all: {string.Join(", ", actual)})");
        }
    }

    private static long UlpDistance(float a, float b)
    {
        static long Ordered(float f)
        {
            int bits = BitConverter.SingleToInt32Bits(f);
            return bits < 0 ? int.MinValue - (long)bits : bits;
        }
        return Math.Abs(Ordered(a) - Ordered(b));
    }

    private static TestCaseData Case(string example, ScalingLibrary library, ScalingAlgorithm algorithm, bool antialias, float[] input, params float[] expected) =>
        new TestCaseData(library, algorithm, antialias, input, expected)
            .SetArgDisplayNames(example, library.ToString(), algorithm.ToString(), antialias ? "AA" : "noAA");

    private static TestCaseData Case2(string example, ScalingLibrary library, ScalingAlgorithm algorithm, bool antialias, params float[] expected) =>
        new TestCaseData(library, algorithm, antialias, expected)
            .SetArgDisplayNames(example, library.ToString(), algorithm.ToString(), antialias ? "AA" : "noAA");
}
