using System.Globalization;
using System.Text;

namespace ScaleDefense.Cli.Eval;

/// <summary>report.html: the tables, the charts and one example per scaler, all embedded (data URIs), in the demo's style.</summary>
internal static class EvalReport
{
    public const string FileName = "report.html";

    public static string Html(string heading, string settings, IReadOnlyList<EvalTable> tables, IReadOnlyList<(string FileName, string Caption, byte[] Png)> charts,
                              IReadOnlyList<(string Scaler, IReadOnlyList<(string Caption, byte[] Png)> Images)> examples)
    {
        var c = CultureInfo.InvariantCulture;
        StringBuilder html = HtmlPage.Begin("ScaleDefense evaluation", """
            table { font-size: 0.85rem; } figcaption { max-width: 800px; }
            img.example { width: 160px; height: auto; border: 1px solid #ddd; image-rendering: pixelated; }
            img.chart { width: 800px; max-width: 100%; }
            """);
        html.Append(c, $"<h1>{E(heading)}</h1><p class=\"lead\">{E(settings)}</p>");
        foreach (EvalTable table in tables)
        {
            html.Append(c, $"<section><h2>{E(table.Title)}</h2><p>{E(table.Caption)}</p><table><tr>");
            foreach (string header in table.Headers)
            {
                html.Append(c, $"<th>{E(header)}</th>");
            }
            html.Append("</tr>");
            foreach (IReadOnlyList<string> row in table.Rows)
            {
                html.Append("<tr>");
                foreach (string cell in row)
                {
                    html.Append(c, $"<td>{E(cell)}</td>");
                }
                html.Append("</tr>");
            }
            html.Append("</table></section>");
        }
        html.Append("<section><h2>Charts</h2>");
        foreach ((_, string caption, byte[] png) in charts)
        {
            html.Append(HtmlPage.Figure(caption, png, "chart"));
        }
        html.Append("</section>");
        if (examples.Count > 0)
        {
            html.Append("<section><h2>Examples</h2><p>One case (the first of the middle ratio bucket): the pair, then per scaler that has an attack the attack image, what the scaler makes of it, and the defended outputs.</p>");
            foreach ((string scaler, IReadOnlyList<(string Caption, byte[] Png)> images) in examples)
            {
                html.Append(c, $"<h3>{E(scaler)}</h3><div class=\"row\">");
                foreach ((string caption, byte[] png) in images)
                {
                    html.Append(HtmlPage.Figure(caption, png, "example"));
                }
                html.Append("</div>");
            }
            html.Append("</section>");
        }
        return HtmlPage.End(html);
    }

    private static string E(string text) => HtmlPage.Encode(text);
}
