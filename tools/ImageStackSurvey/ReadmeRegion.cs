/// <summary>Replaces the text between <c>&lt;!-- NAME:begin --&gt;</c> and <c>&lt;!-- NAME:end --&gt;</c> in a markdown file.</summary>
internal static class ReadmeRegion
{
    public static void Replace(string path, string name, string content)
    {
        string text = File.ReadAllText(path);
        string begin = $"<!-- {name}:begin -->";
        string end = $"<!-- {name}:end -->";
        int start = text.IndexOf(begin, StringComparison.Ordinal);
        int stop = text.IndexOf(end, StringComparison.Ordinal);
        if (start < 0 || stop < start)
        {
            throw new InvalidOperationException($"{path} has no region {begin} … {end}; add the two markers where the table goes.");
        }
        start += begin.Length;
        File.WriteAllText(path, text[..start] + "\n" + content + text[stop..]);
    }
}
