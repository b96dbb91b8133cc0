using System.Globalization;
using System.Net;
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
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>ScaleDefense evaluation</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1200px; color: #222; }
            h1 { margin-bottom: 0.2rem; } .lead { color: #555; }
            table { border-collapse: collapse; margin: 1rem 0; font-size: 0.85rem; }
            th, td { border: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; }
            .row { display: flex; gap: 0.8rem; flex-wrap: wrap; align-items: flex-end; }
            figure { margin: 0; text-align: center; } figcaption { font-size: 0.8rem; color: #555; max-width: 800px; }
            img.example { width: 160px; height: auto; border: 1px solid #ddd; image-rendering: pixelated; }
            img.chart { width: 800px; max-width: 100%; }
            section { margin: 2rem 0; border-top: 1px solid #eee; }
            </style></head><body>
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
            html.Append(c, $"<figure><img class=\"chart\" alt=\"{E(caption)}\" src=\"{DataUri(png)}\"><figcaption>{E(caption)}</figcaption></figure>");
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
                    html.Append(c, $"<figure><img class=\"example\" alt=\"{E(caption)}\" src=\"{DataUri(png)}\"><figcaption>{E(caption)}</figcaption></figure>");
                }
                html.Append("</div>");
            }
            html.Append("</section>");
        }
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string DataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
