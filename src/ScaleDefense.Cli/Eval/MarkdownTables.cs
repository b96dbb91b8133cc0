using System.Text;

namespace ScaleDefense.Cli.Eval;

/// <summary>Renders the tables as GitHub Markdown (summary.md).</summary>
internal static class MarkdownTables
{
    public const string FileName = "summary.md";

    public static string Render(IEnumerable<EvalTable> tables, string heading)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(heading).Append("\n\n");
        foreach (EvalTable table in tables)
        {
            md.Append(Render(table)).Append('\n');
        }
        return md.ToString();
    }

    public static string Render(EvalTable table)
    {
        var md = new StringBuilder();
        md.Append("## ").Append(table.Title).Append("\n\n").Append(table.Caption).Append("\n\n");
        md.Append("| ").Append(string.Join(" | ", table.Headers.Select(Cell))).Append(" |\n");
        md.Append('|').Append(string.Concat(table.Headers.Select(_ => "---|"))).Append('\n');
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
        }
        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
