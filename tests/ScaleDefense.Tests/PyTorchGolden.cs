using System.Text.Json;
using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// The torch.nn.functional.interpolate fixtures written by tests/golden/make_torch_golden.py
/// (tests/golden/pytorch/interpolate.json): float32 HWC images on the 0..255 scale.
/// </summary>
public static class PyTorchGolden
{
    public sealed record GoldenCase(string Mode, bool Antialias, int Channels, ImageSize Source, ImageSize Target,
                              float[] Input, float[] Output, string Why)
    {
        public ScalingAlgorithm Algorithm => Mode switch
        {
            "nearest" => ScalingAlgorithm.Nearest,
            "nearest-exact" => ScalingAlgorithm.NearestExact,
            "bilinear" => ScalingAlgorithm.Bilinear,
            "bicubic" => ScalingAlgorithm.Bicubic,
            "area" => ScalingAlgorithm.Area,
            _ => throw new InvalidDataException($"unknown mode {Mode}"),
        };

        /// <summary>The mode as the tests group it: "bicubic-aa" for antialiased bicubic.</summary>
        public string Kind => Antialias ? Mode + "-aa" : Mode;

        public override string ToString() => $"{Kind} {Source}->{Target}x{Channels}";
    }

    private static readonly Lazy<(string Torch, IReadOnlyList<GoldenCase> Cases)> Fixture = new(Load);

    public static string TorchVersion => Fixture.Value.Torch;

    public static IReadOnlyList<GoldenCase> Cases => Fixture.Value.Cases;

    private static (string, IReadOnlyList<GoldenCase>) Load()
    {
        string path = Path.Combine(RepositoryPaths.Root, "tests", "golden", "pytorch", "interpolate.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = document.RootElement;
        var inputs = root.GetProperty("inputs").EnumerateArray().Select(i =>
            (Channels: i.GetProperty("channels").GetInt32(), Size: ReadSize(i.GetProperty("size")), Pixels: Decode(i.GetProperty("pixels")))).ToList();
        var cases = new List<GoldenCase>();
        foreach (JsonElement c in root.GetProperty("cases").EnumerateArray())
        {
            var input = inputs[c.GetProperty("input").GetInt32()];
            cases.Add(new GoldenCase(c.GetProperty("mode").GetString()!, c.GetProperty("antialias").GetBoolean(), input.Channels,
                               input.Size, ReadSize(c.GetProperty("target")), input.Pixels, Decode(c.GetProperty("output")),
                               c.GetProperty("why").GetString()!));
        }
        return (root.GetProperty("torch").GetString()!, cases);
    }

    private static ImageSize ReadSize(JsonElement e) => new(e[0].GetInt32(), e[1].GetInt32());

    private static float[] Decode(JsonElement e)
    {
        byte[] bytes = Convert.FromBase64String(e.GetString()!);
        var values = new float[bytes.Length / sizeof(float)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BitConverter.ToSingle(bytes, i * sizeof(float)); // the fixture is little-endian, as is x86-64
        }
        return values;
    }
}
