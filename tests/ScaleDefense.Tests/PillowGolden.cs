using System.Text.Json;
using ScaleDefense;

namespace ScaleDefense.Tests;

/// <summary>
/// Reads tests/golden/pillow/pillow_resize.json, written by tests/golden/make_pillow_golden.py
/// from the real Pillow (the file records its version).
/// </summary>
public static class PillowGolden
{
    private static readonly Lazy<Fixture> Loaded = new(Load);

    internal static string PillowVersion => Loaded.Value.Version;

    internal static IReadOnlyList<GoldenCase> Cases => Loaded.Value.Cases;

    public sealed record GoldenCase(string Name, string Mode, int Channels, ImageSize Source, ImageSize Target,
                                      byte[] Pixels, IReadOnlyDictionary<string, byte[]> Outputs)
    {
        public bool IsFloat => Mode == "F";

        public static float[] Floats(byte[] raw)
        {
            var values = new float[raw.Length / sizeof(float)];
            Buffer.BlockCopy(raw, 0, values, 0, raw.Length); // little-endian, as written
            return values;
        }

        public override string ToString() => $"{Mode} {Name}";
    }

    private sealed record Fixture(string Version, IReadOnlyList<GoldenCase> Cases);

    private static Fixture Load()
    {
        string path = Path.Combine(RepositoryPaths.Root, "tests", "golden", "pillow", "pillow_resize.json");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = doc.RootElement;
        var cases = new List<GoldenCase>();
        foreach (JsonElement c in root.GetProperty("cases").EnumerateArray())
        {
            var outputs = new Dictionary<string, byte[]>();
            foreach (JsonProperty o in c.GetProperty("outputs").EnumerateObject())
            {
                outputs[o.Name] = Convert.FromBase64String(o.Value.GetString()!);
            }
            cases.Add(new GoldenCase(
                c.GetProperty("name").GetString()!,
                c.GetProperty("mode").GetString()!,
                c.GetProperty("channels").GetInt32(),
                Size(c.GetProperty("source")),
                Size(c.GetProperty("target")),
                Convert.FromBase64String(c.GetProperty("pixels").GetString()!),
                outputs));
        }
        return new Fixture(root.GetProperty("pillow").GetString()!, cases);
    }

    private static ImageSize Size(JsonElement pair) => new(pair[0].GetInt32(), pair[1].GetInt32());
}
