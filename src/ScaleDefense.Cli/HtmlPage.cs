using System.Net;
using System.Text;

namespace ScaleDefense.Cli;

/// <summary>
/// The frame and the pieces shared by the self-contained HTML reports (demo and eval): one style,
/// images embedded as data URIs so a report is a single file.
/// </summary>
internal static class HtmlPage
{
    private const string SharedStyle = """
        body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1200px; color: #222; }
        h1 { margin-bottom: 0.2rem; } .lead { color: #555; }
        table { border-collapse: collapse; margin: 1rem 0; }
        th, td { border: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; }
        .row { display: flex; gap: 0.8rem; flex-wrap: wrap; align-items: flex-end; }
        figure { margin: 0; text-align: center; } figcaption { font-size: 0.8rem; color: #555; }
        section { margin: 2rem 0; border-top: 1px solid #eee; }
        """;

    /// <summary>A builder holding the page up to the opened body; <paramref name="pageStyle"/> adds to (or overrides) the shared style.</summary>
    public static StringBuilder Begin(string title, string pageStyle) =>
        new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encode(title)).Append("</title>\n<style>\n")
            .Append(SharedStyle).Append('\n').Append(pageStyle).Append("\n</style></head><body>\n");

    /// <summary>Closes the body and the page.</summary>
    public static string End(StringBuilder html) => html.Append("</body></html>\n").ToString();

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>An embedded PNG with its caption; <paramref name="imageClass"/> is the img's CSS class, if any.</summary>
    public static string Figure(string caption, byte[] png, string? imageClass = null)
    {
        string classAttribute = imageClass is null ? "" : $" class=\"{imageClass}\"";
        return $"<figure><img{classAttribute} alt=\"{Encode(caption)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"><figcaption>{Encode(caption)}</figcaption></figure>";
    }
}
