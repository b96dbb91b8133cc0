using System.Globalization;
using System.Text;

namespace ScaleDefense.Cli.Demo;

/// <summary>A self-contained HTML page (images embedded as data URIs) of the demo's results.</summary>
internal static class DemoReport
{
    public static string Html(IReadOnlyList<DemoOutcome> outcomes, IReadOnlyDictionary<string, byte[]> images,
                              IReadOnlyList<string> exactness, string sourceName, string targetName, ImageSize source, ImageSize target)
    {
        var c = CultureInfo.InvariantCulture;
        StringBuilder html = HtmlPage.Begin("ScaleDefense demo", """
            table { font-size: 0.9rem; } figcaption { max-width: 200px; }
            .Vulnerable { color: #b00020; font-weight: bold; } .Robust { color: #1b7f2a; font-weight: bold; } .PartiallyRobust { color: #b36b00; font-weight: bold; }
            img { width: 200px; height: auto; border: 1px solid #ddd; image-rendering: pixelated; }
            """);
        html.Append(c, $"<h1>ScaleDefense demo</h1><p class=\"lead\">Source <b>{E(sourceName)}</b> ({source}) should look like itself after scaling to {target}; the attacker wants <b>{E(targetName)}</b> instead. For each scaler: is it attackable, does the attack work, and what the selective median and random filters make of the attack image.</p>");
        html.Append("<table><tr><th>scaler</th><th>verdict</th><th>attack</th><th>PSNR(A, S)</th><th>PSNR(scale(A), T)</th><th>median: to scaled S / to T</th><th>random: to scaled S / to T</th><th>median / random time</th></tr>");
        foreach (DemoOutcome o in outcomes)
        {
            html.Append(c, $"<tr><td>{E(o.Scenario.Title)}</td><td class=\"{o.Report.Verdict}\">{o.Report.Verdict}</td>");
            html.Append(c, $"<td>{E(o.Attack.Method)}</td>");
            html.Append(c, $"<td>{Db(o.Attack.Verification.PsnrAttackToSource)}</td><td>{Db(o.Attack.Verification.PsnrScaledToTarget)}</td>");
            html.Append(c, $"<td>{Db(o.MedianToSourceDb)} / {Db(o.MedianToTargetDb)}</td><td>{Db(o.RandomToSourceDb)} / {Db(o.RandomToTargetDb)}</td>");
            html.Append(c, $"<td>{o.MedianTime.TotalMilliseconds:F1} / {o.RandomTime.TotalMilliseconds:F1} ms</td></tr>");
        }
        html.Append("</table><p>PSNR in dB; the paper calls an attack image visibly altered below 15 dB and invisible above 25 dB. A defense works when the defended output is close to the scaled source and far from the target.</p>");
        foreach (DemoOutcome o in outcomes)
        {
            html.Append(c, $"<section><h2>{E(o.Scenario.Title)} — <span class=\"{o.Report.Verdict}\">{o.Report.Verdict}</span></h2><ul>");
            foreach (string reason in o.Report.Reasons)
            {
                html.Append(c, $"<li>{E(reason)}</li>");
            }
            html.Append(c, $"<li>mitigation: {E(o.Report.Mitigation)}</li></ul><div class=\"row\">");
            foreach ((string key, string caption) in Figures(o))
            {
                if (images.TryGetValue(key, out byte[]? png))
                {
                    html.Append(HtmlPage.Figure(caption, png));
                }
            }
            html.Append("</div></section>");
        }
        html.Append("<section><h2>The models are exact</h2><p>The bundled photos scaled by our native and managed models and by OpenCV itself:</p><ul>");
        foreach (string line in exactness)
        {
            html.Append(c, $"<li>{E(line)}</li>");
        }
        html.Append("</ul></section>");
        return HtmlPage.End(html);
    }

    public static IEnumerable<(string Key, string Caption)> Figures(DemoOutcome o)
    {
        yield return ("source", "source S");
        yield return ("target", "target T");
        yield return ($"{o.Scenario.Slug}-attack", "attack image A");
        yield return ($"{o.Scenario.Slug}-scaled-attack", "scale(A): what the scaler makes of it");
        yield return ($"{o.Scenario.Slug}-median", "defended: median filter, then scale");
        yield return ($"{o.Scenario.Slug}-random", "defended: random filter, then scale");
    }

    private static string Db(double? value) => Numbers.Db(value);

    private static string E(string text) => HtmlPage.Encode(text);
}
