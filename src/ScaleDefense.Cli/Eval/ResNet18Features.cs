using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;
using ScaleDefense.Cli.Imaging;

namespace ScaleDefense.Cli.Eval;

/// <summary>
/// ImageNet ResNet-18 features (512 values, global average pool) from the ONNX files NuGet's
/// Microsoft.ML.DnnImageFeaturizer.ResNet18 ships: ResNetPreprocess.onnx (normalisation) then
/// ResNet18.onnx. Input as ML.NET feeds them: 224 × 224, planar R, G, B, 0…255.
/// </summary>
internal sealed class ResNet18Features : IDisposable
{
    private const int Side = 224;
    private readonly InferenceSession _preprocess;
    private readonly InferenceSession _network;

    private ResNet18Features(string folder)
    {
        var options = new SessionOptions { IntraOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _preprocess = new InferenceSession(Path.Combine(folder, "ResNetPrepOnnx", "ResNetPreprocess.onnx"), options);
        _network = new InferenceSession(Path.Combine(folder, "ResNet18Onnx", "ResNet18.onnx"), options);
    }

    /// <summary>Loads the model from DnnImageModels/ next to the executable.</summary>
    public static ResNet18Features Load()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "DnnImageModels");
        if (!File.Exists(Path.Combine(folder, "ResNet18Onnx", "ResNet18.onnx")) || !File.Exists(Path.Combine(folder, "ResNetPrepOnnx", "ResNetPreprocess.onnx")))
        {
            throw new CliException($"--model resnet18: the ONNX files are missing from '{folder}' (they come with the build from NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18)");
        }
        try
        {
            return new ResNet18Features(folder);
        }
        catch (OnnxRuntimeException e)
        {
            throw new CliException($"--model resnet18: ONNX Runtime cannot load the model: {e.Message}");
        }
    }

    /// <summary>Features of a packed 8-bit BGR(A)/gray image, bilinearly resized to 224 × 224 as the featurizer expects.</summary>
    public float[] Of(byte[] pixels, ImageSize size, int channels)
    {
        using Mat image = PackedImage.Of(pixels, size, channels).ToMat();
        using Mat resized = new();
        Cv2.Resize(image, resized, new Size(Side, Side), 0, 0, InterpolationFlags.Linear);
        byte[] packed = PackedImage.FromMat(resized).Pixels;
        var input = new DenseTensor<float>([1, 3, Side, Side]);
        for (int y = 0; y < Side; y++)
        {
            for (int x = 0; x < Side; x++)
            {
                int at = (y * Side + x) * channels;
                for (int c = 0; c < 3; c++)
                {
                    // Planes R, G, B; OpenCV stores B, G, R (gray: the one channel thrice).
                    input[0, c, y, x] = channels >= 3 ? packed[at + 2 - c] : packed[at];
                }
            }
        }
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> prepared = _preprocess.Run([NamedOnnxValue.CreateFromTensor(_preprocess.InputNames[0], input)]);
        var normalised = prepared[0].AsTensor<float>().ToDenseTensor();
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> output = _network.Run([NamedOnnxValue.CreateFromTensor(_network.InputNames[0], normalised)]);
        return output[0].AsTensor<float>().ToArray();
    }

    public static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    public void Dispose()
    {
        _preprocess.Dispose();
        _network.Dispose();
    }
}
