using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScaleDefense;

// Usage: ImageStackSurvey [--readme README.md] [--out docs/dotnet-image-stack.md]
// Judges every scaler of ImageStack at every SurveyCase and writes the markdown table; with --readme
// it replaces the README's region between the image-stack markers.
string? readme = null;
string? output = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--readme" when i + 1 < args.Length: readme = args[++i]; break;
        case "--out" when i + 1 < args.Length: output = args[++i]; break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: ImageStackSurvey [--readme README.md] [--out FILE.md]");
            return 2;
    }
}

var table = new StringBuilder();
table.AppendLine(CultureInfo.InvariantCulture, $"| stack | call | judged by | {string.Join(" | ", SurveyCase.Typical.Select(c => c.Label))} | use instead |");
table.AppendLine(CultureInfo.InvariantCulture, $"|---|---|---|{string.Concat(SurveyCase.Typical.Select(_ => "---|"))}---|");
foreach (SurveyedScaler scaler in ImageStack.Scalers)
{
    var clock = Stopwatch.StartNew();
    var verdicts = SurveyCase.Typical.Select(c => VerdictCell(scaler.Analyze(c))).ToList();
    Console.Error.WriteLine($"{scaler.Stack} {scaler.Call}: {string.Join(", ", verdicts)} ({clock.Elapsed.TotalSeconds:0.0} s)");
    table.AppendLine(CultureInfo.InvariantCulture, $"| {scaler.Stack} | {scaler.Call} | {scaler.Source} | {string.Join(" | ", verdicts)} | {scaler.Instead} |");
}

string markdown = table.ToString();
Console.Write(markdown);
if (output is not null)
{
    File.WriteAllText(output, markdown);
}
if (readme is not null)
{
    ReadmeRegion.Replace(readme, "image-stack", markdown);
}
return 0;

static string VerdictCell(VulnerabilityReport report) => report.Verdict switch
{
    Verdict.Vulnerable => string.Create(CultureInfo.InvariantCulture, $"**Vulnerable** (r = {report.ConsideredPixelRatio:0.00})"),
    Verdict.PartiallyRobust => "Partially robust",
    _ => "Robust",
};
